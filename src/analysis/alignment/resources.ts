// The data the alignment engine reads: generic words, the synonym lexicon and the character map
// used for word segmentation. They live as JSON in seed/alignment/ so users can extend them; this is
// the only place in analysis/ that reads files, and every caller may pass the data in instead.
import fs from 'node:fs';
import path from 'node:path';
import { SEED_DIR } from '../../paths.js';
import type { CompetencyKind } from '../../graph/competency-key.js';

/** A canonical term and its synonyms, each with the weight (0, 1] of reading it as the canonical term. */
export interface LexiconEntry {
  canonical: string;
  synonyms: Record<string, number>;
  note?: string;
}

export interface Lexicon {
  entries: LexiconEntry[];
}

/** Words without meaning for matching; see seed/alignment/generic-words.json. */
export interface GenericWords {
  heads: Partial<Record<CompetencyKind | 'all', string[]>>;
  stopWords: string[];
  variants: Record<string, string>;
  /**
   * Words a name may leave unsaid: the object of information work (蒐集分析 is 資料蒐集分析) and
   * whose rules they are (採購規範 is 組織採購規範), so a name that adds only one of them says the same.
   */
  impliedWords?: string[];
}

/** Traditional -> Simplified characters, position by position (two strings of equal length). */
export interface CharacterMap {
  traditional: string;
  simplified: string;
}

/** Sibling terms that make otherwise similar names different (車床 / 銑床); see seed/alignment/contrasts.json. */
export interface ContrastSet {
  name: string;
  terms: string[];
}

export interface AlignmentResources {
  generic: GenericWords;
  lexicon: Lexicon;
  contrasts: ContrastSet[];
  /** Needed only for word segmentation. */
  t2s: CharacterMap;
}

export const ALIGNMENT_DATA_DIR = path.join(SEED_DIR, 'alignment');

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new Error(`${where}: expected a list of strings`);
  }
  return value as string[];
}

/** Checks the shape of a lexicon read from JSON; throws naming the offending entry. */
export function parseLexicon(value: unknown, where = 'lexicon'): Lexicon {
  if (!isRecord(value) || !Array.isArray(value.entries)) throw new Error(`${where}: expected { entries: [...] }`);
  const entries = value.entries.map((raw, i): LexiconEntry => {
    const at = `${where} entry ${i}`;
    if (!isRecord(raw) || typeof raw.canonical !== 'string' || !isRecord(raw.synonyms)) {
      throw new Error(`${at}: expected { canonical: string, synonyms: { term: weight } }`);
    }
    const synonyms: Record<string, number> = {};
    for (const [term, weight] of Object.entries(raw.synonyms)) {
      if (typeof weight !== 'number' || !(weight > 0 && weight <= 1)) {
        throw new Error(`${at} (${raw.canonical}): weight of ${term} must be a number in (0, 1]`);
      }
      synonyms[term] = weight;
    }
    return { canonical: raw.canonical, synonyms, ...(typeof raw.note === 'string' ? { note: raw.note } : {}) };
  });
  return { entries };
}

/** Checks the shape of the generic-words data. */
export function parseGenericWords(value: unknown, where = 'generic words'): GenericWords {
  if (!isRecord(value) || !isRecord(value.heads) || !isRecord(value.variants)) {
    throw new Error(`${where}: expected { heads, stopWords, variants }`);
  }
  const heads: GenericWords['heads'] = {};
  for (const group of ['all', 'knowledge', 'skill', 'attitude'] as const) {
    if (value.heads[group] !== undefined) heads[group] = stringList(value.heads[group], `${where} heads.${group}`);
  }
  const variants: Record<string, string> = {};
  for (const [from, to] of Object.entries(value.variants)) {
    if (typeof to !== 'string') throw new Error(`${where}: variant of ${from} must be a string`);
    variants[from] = to;
  }
  const impliedWords = value.impliedWords === undefined ? undefined : stringList(value.impliedWords, `${where} impliedWords`);
  return { heads, stopWords: stringList(value.stopWords, `${where} stopWords`), variants, ...(impliedWords ? { impliedWords } : {}) };
}

/** Checks the shape of the contrast sets. */
export function parseContrasts(value: unknown, where = 'contrasts'): ContrastSet[] {
  if (!isRecord(value) || !Array.isArray(value.sets)) throw new Error(`${where}: expected { sets: [...] }`);
  return value.sets.map((raw, i) => {
    if (!isRecord(raw) || typeof raw.name !== 'string') throw new Error(`${where} set ${i}: expected { name, terms }`);
    return { name: raw.name, terms: stringList(raw.terms, `${where} set ${raw.name}`) };
  });
}

function parseCharacterMap(value: unknown, where: string): CharacterMap {
  if (!isRecord(value) || typeof value.traditional !== 'string' || typeof value.simplified !== 'string') {
    throw new Error(`${where}: expected { traditional, simplified }`);
  }
  if ([...value.traditional].length !== [...value.simplified].length) {
    throw new Error(`${where}: traditional and simplified must have the same number of characters`);
  }
  return { traditional: value.traditional, simplified: value.simplified };
}

/**
 * Adds entries of `extra` to `base`. An extra entry whose canonical term already exists adds its
 * synonyms to that entry (extra weights win); a synonym that another entry claims moves to the new one.
 */
export function mergeLexicons(base: Lexicon, extra: Lexicon): Lexicon {
  const entries = base.entries.map((e) => ({ ...e, synonyms: { ...e.synonyms } }));
  for (const add of extra.entries) {
    const claimed = new Set([add.canonical, ...Object.keys(add.synonyms)]);
    for (const e of entries) for (const term of Object.keys(e.synonyms)) if (claimed.has(term)) delete e.synonyms[term];
    const same = entries.find((e) => e.canonical === add.canonical);
    if (same) Object.assign(same.synonyms, add.synonyms);
    else entries.push({ ...add, synonyms: { ...add.synonyms } });
  }
  return { entries };
}

/**
 * Reads the alignment data from `dir` (default seed/alignment). `extraLexicon` files are merged
 * into the lexicon in order, so a deployment can add its own vocabulary without editing the seed.
 */
export function loadAlignmentResources(options: { dir?: string; extraLexicon?: string[] } = {}): AlignmentResources {
  const dir = options.dir ?? ALIGNMENT_DATA_DIR;
  let lexicon = parseLexicon(readJson(path.join(dir, 'lexicon.json')), 'lexicon.json');
  for (const file of options.extraLexicon ?? []) lexicon = mergeLexicons(lexicon, parseLexicon(readJson(file), file));
  return {
    generic: parseGenericWords(readJson(path.join(dir, 'generic-words.json')), 'generic-words.json'),
    lexicon,
    contrasts: parseContrasts(readJson(path.join(dir, 'contrasts.json')), 'contrasts.json'),
    t2s: parseCharacterMap(readJson(path.join(dir, 't2s-characters.json')), 't2s-characters.json'),
  };
}

let cached: AlignmentResources | undefined;

/** The seed data, read once. */
export function defaultAlignmentResources(): AlignmentResources {
  cached ??= loadAlignmentResources();
  return cached;
}
