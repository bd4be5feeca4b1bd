// Turns a competency name into what is compared: the name folded (width, case, punctuation,
// variant characters), synonyms read as their canonical lexicon term, filler words and generic heads
// removed (溝通和協商技能 -> 溝通協調), then cut into character bigrams that know whether they lie inside
// one word or straddle two.
import { foldSurface, type CompetencyKind } from '../../graph/competency-key.js';
import type { AlignmentResources } from './resources.js';
import { createSegmenter, createSimplifier, type Segmenter } from './segmenter.js';

/** One matching unit: a CJK character, or a whole run of Latin letters and digits (`python`, `9001`). */
export interface MatchUnit {
  text: string;
  /** Weight of the lexicon substitution that produced it; 1 for text as written. */
  conf: number;
  /** What was written there, so that two substituted units compare equal only if written alike. */
  written: string;
  /** The substitution (`協商→協調`) that produced it, if any. */
  lexicon: string | null;
}

export interface AnalysedName {
  /** Units left after filler and heads are removed. */
  units: MatchUnit[];
  /** `wordBreak[i]`: a word boundary lies between unit i and unit i + 1. */
  wordBreak: boolean[];
  /** The units' text joined: the normalised name used for equality and containment. */
  core: string;
}

interface LexiconHit {
  canonical: string;
  weight: number;
}

/** Resources compiled for fast matching. */
export interface MatchingRules {
  variants: Map<string, string>;
  lexicon: Map<string, LexiconHit>;
  longestTerm: number;
  stopWords: Set<string>;
  /** Longest first. */
  stopList: string[];
  heads: Record<CompetencyKind, string[]>;
  segmenter: Segmenter | null;
  /** Traditional -> Simplified, character by character (for dictionary look-ups only). */
  simplify: (text: string) => string;
  /** Contrast term (as matched) -> index of its set. */
  contrastTerms: Map<string, number>;
  contrastSetNames: string[];
  contrastLengths: number[];
  /** Words a name may leave unsaid, as the lexicon reads them (資訊, 數據 -> 資料; 組織). */
  impliedWords: Set<string>;
}

const LATIN = /^[a-z0-9.#+]$/;

function foldVariants(text: string, variants: Map<string, string>): string {
  let out = '';
  for (const ch of text) out += variants.get(ch) ?? ch;
  return out;
}

/** Compiles the data files into lookup tables. `segmentation: false` cuts words by filler words only. */
export function compileRules(resources: AlignmentResources, options: { segmentation?: boolean } = {}): MatchingRules {
  const variants = new Map(Object.entries(resources.generic.variants));
  const fold = (t: string): string => foldVariants(foldSurface(t), variants);
  const lexicon = new Map<string, LexiconHit>();
  let longestTerm = 0;
  for (const entry of resources.lexicon.entries) {
    const canonical = fold(entry.canonical);
    if (canonical.length === 0) continue;
    const add = (term: string, weight: number): void => {
      if ([...term].length < 2 || (lexicon.has(term) && term !== canonical)) return;
      lexicon.set(term, { canonical, weight });
      longestTerm = Math.max(longestTerm, [...term].length);
    };
    add(canonical, 1);
    for (const [term, weight] of Object.entries(entry.synonyms)) {
      const folded = fold(term);
      if (folded !== canonical) add(folded, weight);
    }
  }
  const stopWords = new Set(resources.generic.stopWords.map(fold).filter((w) => w.length > 0));
  const byLength = (a: string, b: string): number => b.length - a.length;
  const heads = (kind: CompetencyKind): string[] =>
    [...(resources.generic.heads.all ?? []), ...(resources.generic.heads[kind] ?? [])].map(fold).filter(Boolean).sort(byLength);
  const rules: MatchingRules = {
    variants,
    lexicon,
    longestTerm,
    stopWords,
    stopList: [...stopWords].sort(byLength),
    heads: { knowledge: heads('knowledge'), skill: heads('skill'), attitude: heads('attitude') },
    segmenter: options.segmentation === false ? null : createSegmenter(resources.t2s),
    simplify: createSimplifier(resources.t2s),
    contrastTerms: new Map(),
    contrastSetNames: resources.contrasts.map((c) => c.name),
    contrastLengths: [],
    impliedWords: new Set(),
  };
  for (const word of resources.generic.impliedWords ?? []) {
    const read = applyLexicon([...fold(word)], rules).map((c) => c.ch).join('');
    if (read.length > 0) rules.impliedWords.add(read);
  }
  // Contrast terms are matched in the text as the lexicon leaves it.
  resources.contrasts.forEach((set, index) => {
    for (const term of set.terms) {
      const read = applyLexicon([...fold(term)], rules).map((c) => c.ch).join('');
      if (read.length > 0) rules.contrastTerms.set(read, index);
    }
  });
  rules.contrastLengths = [...new Set([...rules.contrastTerms.keys()].map((t) => [...t].length))].sort((a, b) => b - a);
  return rules;
}

/** Contrast terms found in an analysed name: set index -> terms. Latin terms match whole units only. */
export function findContrasts(name: AnalysedName, rules: MatchingRules): Map<number, Set<string>> {
  const found = new Map<number, Set<string>>();
  if (rules.contrastTerms.size === 0) return found;
  const add = (term: string): void => {
    const set = rules.contrastTerms.get(term);
    if (set === undefined) return;
    const terms = found.get(set);
    if (terms) terms.add(term);
    else found.set(set, new Set([term]));
  };
  const units = name.units;
  for (let i = 0; i < units.length; i++) {
    const u = units[i] as MatchUnit;
    if (isLatin(u.text[0])) {
      add(u.text);
      continue;
    }
    for (const len of rules.contrastLengths) {
      if (i + len > units.length) continue;
      const slice = units.slice(i, i + len);
      if (slice.some((s) => isLatin(s.text[0]))) continue;
      add(slice.map((s) => s.text).join(''));
    }
  }
  return found;
}

interface Char {
  ch: string;
  conf: number;
  written: string;
  lexicon: string | null;
  /** Index of the lexicon term it belongs to, or -1. */
  term: number;
}

const isLatin = (ch: string | undefined): boolean => ch !== undefined && LATIN.test(ch);

/** Reads every synonym as its canonical term, longest term first, left to right. */
function applyLexicon(chars: string[], rules: MatchingRules): Char[] {
  const out: Char[] = [];
  let termNo = 0;
  for (let i = 0; i < chars.length; ) {
    let matched = false;
    for (let len = Math.min(rules.longestTerm, chars.length - i); len >= 2; len--) {
      const term = chars.slice(i, i + len).join('');
      const hit = rules.lexicon.get(term);
      if (!hit) continue;
      // Latin terms (it, cad) only as whole words.
      if (isLatin(chars[i]) && isLatin(chars[i - 1])) continue;
      if (isLatin(chars[i + len - 1]) && isLatin(chars[i + len])) continue;
      const same = term === hit.canonical;
      [...hit.canonical].forEach((ch, k) => {
        out.push({
          ch,
          conf: same ? 1 : hit.weight,
          written: same ? ch : `${term}#${k}`,
          lexicon: same ? null : `${term}→${hit.canonical}`,
          term: termNo,
        });
      });
      termNo++;
      i += len;
      matched = true;
      break;
    }
    if (!matched) {
      const ch = chars[i] as string;
      out.push({ ch, conf: 1, written: ch, lexicon: null, term: -1 });
      i++;
    }
  }
  return out;
}

/** Drops a lexicon term that repeats the term just before it (丈量測量 -> 量測量測 -> 量測). */
function collapseRepeatedTerms(chars: Char[]): Char[] {
  const out: Char[] = [];
  let i = 0;
  while (i < chars.length) {
    const c = chars[i] as Char;
    let end = i + 1;
    while (end < chars.length && c.term >= 0 && (chars[end] as Char).term === c.term) end++;
    const run = chars.slice(i, end);
    const len = run.length;
    const prev = out.slice(out.length - len);
    const repeats =
      c.term >= 0 && prev.length === len && prev[0]?.term !== undefined && prev[0].term >= 0 && prev.every((p, k) => p.term === prev[0]?.term && p.ch === (run[k] as Char).ch);
    if (!repeats) out.push(...run);
    i = end;
  }
  return out;
}

/** Word lengths of `chars` (in characters). */
function cutWords(chars: Char[], rules: MatchingRules): number[] {
  const text = chars.map((c) => c.ch).join('');
  if (rules.segmenter) {
    const lengths = rules.segmenter(text).map((w) => [...w].length);
    // A lexicon term is one word whatever the dictionary thinks.
    const merged: number[] = [];
    let at = 0;
    for (const n of lengths) {
      const first = chars[at];
      const prev = chars[at - 1];
      if (merged.length > 0 && first && prev && first.term >= 0 && first.term === prev.term) {
        merged[merged.length - 1] = (merged[merged.length - 1] as number) + n;
      } else merged.push(n);
      at += n;
    }
    return merged;
  }
  // Without segmentation: filler words (longest first) are the only word boundaries.
  const lengths: number[] = [];
  let run = 0;
  for (let i = 0; i < chars.length; ) {
    const stop = rules.stopList.find((w) => chars.slice(i, i + [...w].length).map((c) => c.ch).join('') === w);
    if (stop && (chars[i] as Char).term < 0) {
      if (run > 0) lengths.push(run);
      run = 0;
      const n = [...stop].length;
      lengths.push(n);
      i += n;
    } else {
      run++;
      i++;
    }
  }
  if (run > 0) lengths.push(run);
  return lengths;
}

function toUnits(chars: Char[], breakAfter: boolean[]): { units: MatchUnit[]; wordBreak: boolean[] } {
  const units: MatchUnit[] = [];
  const wordBreak: boolean[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as Char;
    const prev = units[units.length - 1];
    if (prev && isLatin(c.ch) && isLatin(chars[i - 1]?.ch) && !breakAfter[i - 1]) {
      prev.text += c.ch;
      prev.conf = Math.min(prev.conf, c.conf);
      prev.written += c.written;
      prev.lexicon ??= c.lexicon;
      continue;
    }
    if (prev) wordBreak.push(Boolean(breakAfter[i - 1]) || isLatin(c.ch) || isLatin(chars[i - 1]?.ch));
    units.push({ text: c.ch, conf: c.conf, written: c.written, lexicon: c.lexicon });
  }
  return { units, wordBreak };
}

/**
 * Whether `head` ends `text` and may be removed: something must remain, and two characters at
 * least for a one-character head (執行力 -> 執行, but 體力 stays).
 */
function strippable(text: string, head: string): boolean {
  if (!text.endsWith(head)) return false;
  // Heads and competency names are CJK or Latin: one UTF-16 unit per character.
  const left = text.length - head.length;
  return left > 0 && (left >= 2 || head.length > 1);
}

/** Removes generic heads from the end of the text while something remains. */
function stripHeadChars(chars: Char[], heads: string[]): Char[] {
  let out = chars;
  for (let guard = 0; guard < 4; guard++) {
    const joined = out.map((c) => c.ch).join('');
    const head = heads.find((h) => strippable(joined, h));
    if (!head) break;
    out = out.slice(0, out.length - [...head].length);
  }
  return out;
}

/**
 * Analyses a name (heads stripped) or a supporting text (`stripHeads: false`). Filler words and
 * heads are removed only while something remains, so `技能` alone still matches `技能`.
 */
export function analyseText(text: string, kind: CompetencyKind, rules: MatchingRules, stripHeads = true): AnalysedName {
  const folded = foldVariants(foldSurface(text), rules.variants);
  let chars = collapseRepeatedTerms(applyLexicon([...folded], rules));
  if (stripHeads) chars = stripHeadChars(chars, rules.heads[kind]);
  const lengths = cutWords(chars, rules);

  // Split into words, drop filler words.
  let words: Char[][] = [];
  let at = 0;
  for (const n of lengths) {
    words.push(chars.slice(at, at + n));
    at += n;
  }
  const kept = words.filter((w) => !(w.every((c) => c.term < 0) && rules.stopWords.has(w.map((c) => c.ch).join(''))));
  if (kept.length > 0) words = kept;
  // Synonyms side by side say one thing (資訊與數據, 機具設備, 保養與維護 -> 資料, 設備, 維護).
  const wordText = (w: Char[]): string => w.map((c) => c.ch).join('');
  words = words.filter((w, i) => i === 0 || w.length < 2 || wordText(w) !== wordText(words[i - 1] as Char[]));

  // Strip generic heads from the end, wherever the word boundaries fall.
  if (stripHeads) {
    for (let guard = 0; guard < 4; guard++) {
      const joined = words.map((w) => w.map((c) => c.ch).join('')).join('');
      const head = rules.heads[kind].find((h) => strippable(joined, h));
      if (!head) break;
      let drop = [...head].length;
      while (drop > 0 && words.length > 0) {
        const last = words[words.length - 1] as Char[];
        if (last.length <= drop) {
          words.pop();
          drop -= last.length;
        } else {
          words[words.length - 1] = last.slice(0, last.length - drop);
          drop = 0;
        }
      }
    }
  }

  chars = words.flat();
  const breakAfter: boolean[] = [];
  for (const w of words) w.forEach((_, k) => breakAfter.push(k === w.length - 1));
  const { units, wordBreak } = toUnits(chars, breakAfter);
  return { units, wordBreak, core: units.map((u) => u.text).join('') };
}
