// Finds similar competencies across a corpus without comparing every pair: candidates come from an
// inverted index of the names' bigrams, an index of the notes' bigrams, and equal normalised names.
// While a name's postings are walked, the weight it shares with each candidate is summed; that gives
// an upper bound of the score, and only candidates whose bound reaches the floor are scored in full.
// Bigrams found in a large share of all names are left out of the walk.
import { competencyKey, type CompetencyKind } from './competency-key.js';
import { analyseText, compileRules, findContrasts, type MatchingRules } from './normalise.js';
import { defaultAlignmentResources, type AlignmentResources, type Lexicon } from './resources.js';
import {
  contextGramsOf,
  calibrate,
  DEFAULT_SCORING,
  describeEvidence,
  gramsOf,
  IdfTable,
  scoreFromCoverage,
  scorePair,
  type PreparedCompetency,
  type ScoringParameters,
} from './score.js';
import { FrameTable, wordsOf } from './frames.js';
import { DEFAULT_RELATIONS, relatePair, type RelationParameters } from './relate.js';
import type { CompetencyInput, SimilarityPair } from './types.js';

/**
 * Pairs scoring below this are not typed at all: the weakest relation kept (broader/narrower, see
 * `RelationParameters.broaderMinScore`) needs 0.5, so candidates whose score cannot reach it are
 * pruned before they are scored in full.
 */
export const DEFAULT_ALIGN_FLOOR = 0.5;

/**
 * The default `minScore` of shared-competency, coverage and learning-path questions: every stored
 * equivalent counts, because the relation's type (not its score) says whether two wordings are one
 * competency. Higher values keep only the closest wordings; 1 keeps the same competency only.
 */
export const DEFAULT_ALIGN_THRESHOLD = 0;

export interface AlignOptions {
  /** Report only pairs that involve at least one of these ids (incremental run); all pairs if absent. */
  only?: ReadonlySet<string>;
  /** Lowest score reported. Default DEFAULT_ALIGN_FLOOR. */
  floor?: number;
  /** Replaces the lexicon of `resources`. */
  lexicon?: Lexicon;
  /** Generic words, lexicon and character map; default the files in seed/alignment/. */
  resources?: AlignmentResources;
  /** Cut names into words (default true); false compares plain bigrams. */
  segmentation?: boolean;
  scoring?: Partial<ScoringParameters>;
  relations?: Partial<RelationParameters>;
  /**
   * Bigrams found in more names of a kind than this are not used to find candidates (a safety valve
   * against a bigram in nearly every name; the score's upper bound does the real pruning). Pairs that
   * share only such bigrams are then not reported. Default max(2000, 20% of the kind).
   */
  maxPostings?: number;
}

/** A corpus analysed once, to align in full or in part and to score single pairs. */
export interface AlignmentCorpus {
  readonly items: readonly PreparedCompetency[];
  readonly idf: IdfTable;
  readonly params: ScoringParameters;
  readonly relations: RelationParameters;
  /** Frames of each kind's names, measured on this corpus. */
  readonly frames: ReadonlyMap<string, FrameTable>;
  /** The scored pair (ids in any order), or null when either id is unknown or kinds differ. */
  pair(aId: string, bId: string): SimilarityPair | null;
}

let defaultRules: MatchingRules | undefined;

function rulesFor(options: AlignOptions): MatchingRules {
  if (!options.resources && !options.lexicon && options.segmentation !== false) {
    defaultRules ??= compileRules(defaultAlignmentResources());
    return defaultRules;
  }
  const base = options.resources ?? defaultAlignmentResources();
  const resources = options.lexicon ? { ...base, lexicon: options.lexicon } : base;
  return compileRules(resources, { segmentation: options.segmentation !== false });
}

// Note markers (【註2】, （註1）, and a marker cut by the source, `1】`) say nothing about a name.
const NOTE_MARKERS = /[【（(]\s*註\s*\d+\s*[】）)]|【[^】]*】|\d+】$/g;
const PARENTHESIS = /[（(]([^（）()]*)[）)]/g;

/**
 * A name split into what is compared and what only explains it: a parenthesis restates or lists
 * examples (顧客關係管理（CRM）, 製圖理論（含：用語、規格…）), so it counts as supporting text.
 */
export function nameParts(name: string): { compared: string; explained: string } {
  const clean = name.replace(NOTE_MARKERS, '');
  const inside = [...clean.matchAll(PARENTHESIS)].map((m) => m[1] as string);
  const outside = clean.replace(PARENTHESIS, '').trim();
  return outside.length > 0 ? { compared: outside, explained: inside.join('、') } : { compared: clean, explained: '' };
}

function supportingText(c: CompetencyInput, fromName: string): string {
  return [c.description, c.context, fromName].filter((t): t is string => typeof t === 'string' && t.trim().length > 0).join('。');
}

function listedTogether(x: PreparedCompetency, y: PreparedCompetency): boolean {
  if (!x.documents || !y.documents) return false;
  const [small, large] = x.documents.size <= y.documents.size ? [x.documents, y.documents] : [y.documents, x.documents];
  for (const d of small) if (large.has(d)) return true;
  return false;
}

function toPair(x: PreparedCompetency, y: PreparedCompetency, corpus: Omit<AlignmentCorpus, 'pair'>, floor: number): SimilarityPair | null {
  const [a, b] = x.input.id < y.input.id ? [x, y] : [y, x];
  const scored = scorePair(a, b, corpus.params, floor);
  if (!scored) return null;
  const typed = relatePair(a, b, scored, () => listedTogether(a, b), corpus.params, corpus.relations);
  if (!typed) return null;
  const evidence = describeEvidence(scored.details, scored.method);
  return {
    a: a.input.id,
    b: b.input.id,
    relation: typed.relation,
    score: Math.round(typed.score * 1e4) / 1e4,
    method: scored.method,
    evidence: [typed.reason, evidence].filter(Boolean).join('; '),
    details: scored.details,
  };
}

/** Analyses every competency and computes the corpus IDF. Ids must be unique. */
export function prepareAlignmentCorpus(corpus: readonly CompetencyInput[], options: AlignOptions = {}): AlignmentCorpus {
  const rules = rulesFor(options);
  const params = { ...DEFAULT_SCORING, ...options.scoring };
  const seen = new Set<string>();
  const items: PreparedCompetency[] = corpus.map((input, index) => {
    if (seen.has(input.id)) throw new Error(`alignCompetencies: duplicate competency id ${input.id}`);
    seen.add(input.id);
    const parts = nameParts(input.name);
    const name = analyseText(parts.compared, input.kind, rules);
    const support = supportingText(input, parts.explained);
    return {
      index,
      input,
      key: `${input.kind}:${competencyKey(input.kind, input.name)}`,
      name,
      grams: gramsOf(name, params.boundaryWeight),
      context: support ? contextGramsOf(analyseText(support, input.kind, rules, false)) : new Set<string>(),
      contrasts: findContrasts(name, rules),
      mass: 0,
      words: wordsOf(name),
      framed: { object: name.core, frame: null },
      documents: input.documents && input.documents.length > 0 ? new Set(input.documents) : null,
    };
  });
  const idf = new IdfTable(items.map((it) => it.grams.keys()));
  for (const it of items) {
    let mass = 0;
    for (const [key, g] of it.grams) {
      g.weight = idf.weight(key) * g.factor;
      mass += g.weight;
    }
    it.mass = mass;
  }
  const byId = new Map(items.map((it) => [it.input.id, it]));
  const relations = { ...DEFAULT_RELATIONS, ...options.relations };
  const frames = new Map<string, FrameTable>();
  for (const kind of new Set(items.map((it) => it.input.kind))) {
    const ofKind = items.filter((it) => it.input.kind === kind);
    const table = new FrameTable(ofKind.map((it) => it.name), relations.frameMinNames);
    for (const it of ofKind) it.framed = table.split(it.name);
    frames.set(kind, table);
  }
  const prepared = { items, idf, params, relations, frames };
  return {
    ...prepared,
    pair(aId, bId) {
      const x = byId.get(aId);
      const y = byId.get(bId);
      if (!x || !y || x === y || x.input.kind !== y.input.kind) return null;
      return toPair(x, y, prepared, 0);
    },
  };
}

/** Candidate generation and scoring for the competencies of one kind. */
function alignKind(
  group: PreparedCompetency[],
  prepared: AlignmentCorpus,
  only: ReadonlySet<string> | undefined,
  floor: number,
  maxPostings: number | undefined,
  out: SimilarityPair[],
): void {
  const n = group.length;
  if (n < 2) return;
  const cap = maxPostings ?? Math.max(2000, Math.ceil(n * 0.2));
  const { idf, params } = prepared;
  const nameIndex = new Map<string, number[]>();
  const contextIndex = new Map<string, number[]>();
  const byCore = new Map<string, number[]>();
  const push = (index: Map<string, number[]>, key: string, i: number): void => {
    const list = index.get(key);
    if (list) list.push(i);
    else index.set(key, [i]);
  };
  group.forEach((it, i) => {
    for (const key of it.grams.keys()) push(nameIndex, key, i);
    for (const key of it.context) push(contextIndex, key, i);
    push(byCore, it.name.core, i);
  });
  const inOnly = group.map((it) => (only ? only.has(it.input.id) : true));
  const accX = new Float64Array(n);
  const accY = new Float64Array(n);
  const full = new Uint8Array(n);
  const touchedFlag = new Uint8Array(n);
  const touched: number[] = [];
  const touch = (j: number): void => {
    if (touchedFlag[j] === 0) {
      touchedFlag[j] = 1;
      touched.push(j);
    }
  };

  for (let i = 0; i < n; i++) {
    if (!inOnly[i]) continue;
    const a = group[i] as PreparedCompetency;
    const eligible = (j: number): boolean => j !== i && (!inOnly[j] || j > i);
    let cappedX = 0;
    let cappedY = 0;
    for (const [key, g] of a.grams) {
      const postings = nameIndex.get(key) as number[];
      const w = idf.weight(key);
      if (postings.length > cap) {
        cappedX += w * g.factor;
        cappedY += w;
        continue;
      }
      const wx = w * g.factor;
      for (const j of postings) {
        if (!eligible(j)) continue;
        touch(j);
        accX[j] = (accX[j] as number) + wx;
        accY[j] = (accY[j] as number) + w;
      }
    }
    const mark = (postings: number[] | undefined): void => {
      if (!postings || postings.length > cap) return;
      for (const j of postings) {
        if (!eligible(j)) continue;
        touch(j);
        full[j] = 1;
      }
    };
    for (const key of a.context) mark(nameIndex.get(key));
    for (const key of a.grams.keys()) mark(contextIndex.get(key));
    for (const j of byCore.get(a.name.core) ?? []) {
      if (!eligible(j)) continue;
      touch(j);
      full[j] = 1;
    }
    for (const j of touched) {
      const b = group[j] as PreparedCompetency;
      let keep = full[j] === 1;
      if (!keep) {
        const covX = a.mass > 0 ? Math.min(1, ((accX[j] as number) + cappedX) / a.mass) : 0;
        const covY = b.mass > 0 ? Math.min(1, ((accY[j] as number) + cappedY) / b.mass) : 0;
        const bound = calibrate(scoreFromCoverage(covX, covY, Math.max(a.mass, b.mass), params).score, params);
        keep = bound >= floor;
      }
      if (keep) {
        const pair = toPair(a, b, prepared, floor);
        if (pair && pair.score >= floor) out.push(pair);
      }
      accX[j] = 0;
      accY[j] = 0;
      full[j] = 0;
      touchedFlag[j] = 0;
    }
    touched.length = 0;
  }
}

/**
 * Similar pairs of competencies of the same kind with score >= floor, each unordered pair once
 * (`a < b` by id), best first. With `only`, just the pairs involving those ids, scored against the
 * whole corpus (the IDF always comes from the whole corpus).
 */
export function alignCompetencies(corpus: readonly CompetencyInput[], options: AlignOptions = {}): SimilarityPair[] {
  const prepared = prepareAlignmentCorpus(corpus, options);
  return alignPrepared(prepared, options);
}

/** `alignCompetencies` on an already prepared corpus. */
export function alignPrepared(prepared: AlignmentCorpus, options: Pick<AlignOptions, 'only' | 'floor' | 'maxPostings'> = {}): SimilarityPair[] {
  const floor = options.floor ?? DEFAULT_ALIGN_FLOOR;
  const out: SimilarityPair[] = [];
  const kinds = new Map<CompetencyKind, PreparedCompetency[]>();
  for (const it of prepared.items) {
    const list = kinds.get(it.input.kind);
    if (list) list.push(it);
    else kinds.set(it.input.kind, [it]);
  }
  for (const group of kinds.values()) alignKind(group, prepared, options.only, floor, options.maxPostings, out);
  return out.sort((p, q) => q.score - p.score || (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : p.b > q.b ? 1 : 0));
}
