// Types the relation between two competencies of one kind from how their names compare.
//
// Equivalence is strict: both names must be (nearly) wholly found in each other, once void words
// (能力, 知識, 相關 …), word order, variant characters and lexicon synonyms are set aside; no sibling
// contrast (車床 / 銑床) may tell them apart; and no document may list both (a document that names
// two competencies means two). A name whose words all lie inside another is *broader* than it,
// whatever the rest is: a qualifier in front (溝通協調 < 客戶溝通協調), a second competency joined to
// it (故障排除 < 故障排除與檢修) or a frame behind it (電路設計 < 電路設計實務). Names that share a frame
// or much text but differ in their object are only *related* (凹版印刷 / 平版印刷標準作業流程).
import { calibrate, type PairScore, type PreparedCompetency, type ScoringParameters } from './score.js';
import type { MatchUnit } from './normalise.js';
import type { CompetencyRelation } from './types.js';

/** Tunable thresholds of the relation rules; defaults chosen on the tuning half of the real labelled set. */
export interface RelationParameters {
  /** Both sides' coverage from which two names are equivalent. */
  equivalentCoverage: number;
  /**
   * Lowest pair score for broader/narrower: below it the shared part is too small a share of the
   * longer name (材料 in 材料力學, 商品 in 商品採購策略) and the pair is only related.
   */
  broaderMinScore: number;
  /** Harmonic mean of the coverages from which a pair is related (when no stronger relation holds). */
  relatedCoverage: number;
  /** How many names must end with a tail for it to count as a frame. */
  frameMinNames: number;
  /**
   * Lowest coverage at which two names that read the same once synonyms are substituted are
   * equivalent: below it a substitution is too unsure (緊急 read as 應變).
   */
  synonymCoverage: number;
}

export const DEFAULT_RELATIONS: RelationParameters = {
  equivalentCoverage: 0.85,
  broaderMinScore: 0.6,
  relatedCoverage: 0.5,
  frameMinNames: 8,
  synonymCoverage: 0.8,
};

/** How two competencies relate; `narrower` and `broader` read "x is narrower / broader than y". */
export interface TypedRelation {
  relation: CompetencyRelation;
  score: number;
  /** Structure behind the relation, in words (`qualifier: 客戶`, `objects differ: 凹版 ≠ 平版`). */
  reason: string;
}

/** Words that join two competencies in one name (故障排除與檢修). */
export const CONJUNCTIONS = /[與及和暨並、]|以及/;

function harmonic(a: number, b: number): number {
  return a + b > 0 ? (2 * a * b) / (a + b) : 0;
}

/** Where the inner core sits in the outer one, and what surrounds it. */
function placeInside(inner: string, outer: string): { before: string; after: string } | null {
  const at = outer.indexOf(inner);
  if (at < 0) return null;
  return { before: outer.slice(0, at), after: outer.slice(at + inner.length) };
}

/** Why the inner name is broader than the outer one, in words. */
function containment(inner: PreparedCompetency, outer: PreparedCompetency): string {
  const place = placeInside(inner.name.core, outer.name.core);
  if (!place) return `every word of ${inner.name.core} within ${outer.name.core}`;
  const { before, after } = place;
  if (after.length === 0) return `qualifier: ${before}`;
  if (CONJUNCTIONS.test(outer.input.name)) return `joined with: ${[before, after].filter(Boolean).join(' … ')}`;
  return `${before ? `qualifier: ${before}; ` : ''}specific frame: ${after}`;
}

function shareABigram(a: string, b: string): boolean {
  for (let i = 0; i + 1 < a.length; i++) if (b.includes(a.slice(i, i + 2))) return true;
  return false;
}

/**
 * Whether what follows `inner` in `outer` keeps `inner` as the head: a frame of the corpus, a law
 * named after it, or a single word (an activity: 資訊科技 + 應用).
 */
function headed(tail: string, inner: PreparedCompetency, outer: PreparedCompetency, context: RelationContext): boolean {
  return tail === '法' || context.isFrame(tail) || ([...tail].length > 1 && wordsFrom(outer, inner.name.core.length) < 2);
}

/** How many words of `name` begin at or after character `from` of its core. */
function wordsFrom(name: PreparedCompetency, from: number): number {
  let at = 0;
  let count = 0;
  for (const word of name.words) {
    if (at >= from) count++;
    at += word.length;
  }
  return count;
}

/** A knowledge name that is a law's name: 法 at the end of three characters or more (著作權法). */
function lawName(name: PreparedCompetency): boolean {
  return name.input.kind === 'knowledge' && name.name.core.endsWith('法') && [...name.name.core].length >= 3;
}

/**
 * `outer` is `inner` with one 性 that ends a word of two characters or more before it (策略性思考,
 * 關聯性資料庫), not one that is part of a two-character word (特性, 彈性) or begins one (性能).
 */
function adjectivalSuffix(inner: PreparedCompetency, outer: PreparedCompetency): boolean {
  let at = 0;
  for (const [i, word] of outer.words.entries()) {
    const end = at + word.length;
    at = end;
    if (!word.endsWith('性')) continue;
    const stem = word === '性' ? (outer.words[i - 1] ?? '') : word.slice(0, -1);
    if ([...stem].length < 2) continue;
    if (outer.name.core.slice(0, end - 1) + outer.name.core.slice(end) === inner.name.core) return true;
  }
  return false;
}

/** One normalised name lies inside the other, which has more. */
function properPart(x: PreparedCompetency, y: PreparedCompetency): boolean {
  const [a, b] = x.name.core.length <= y.name.core.length ? [x.name.core, y.name.core] : [y.name.core, x.name.core];
  return a.length > 0 && a.length < b.length && b.includes(a);
}

/** The same characters in another order (預算編列 / 編列預算). */
function reordered(x: PreparedCompetency, y: PreparedCompetency): boolean {
  const a = x.name.core;
  const b = y.name.core;
  return a.length >= 2 && a.length === b.length && a !== b && sortedLetters(a) === sortedLetters(b);
}

function sortedLetters(core: string): string {
  return [...core].sort().join('');
}

/** Every word of `inner` is found in `outer`, which says more. */
function wordsWithin(inner: PreparedCompetency, outer: PreparedCompetency): boolean {
  if (inner.name.core.length === 0 || inner.name.core.length >= outer.name.core.length) return false;
  return inner.words.every((w) => outer.name.core.includes(w));
}

function sharedKey(other: PreparedCompetency, key: string): boolean {
  return other.grams.has(key) || other.context.has(key);
}

/** Whether unit i of `side` lies in a bigram (or is a word) that `other` shares or its note explains. */
function coveredUnit(side: PreparedCompetency, other: PreparedCompetency, i: number): boolean {
  const units = side.name.units;
  const u = units[i] as MatchUnit;
  if (units.length === 1 || u.text.length > 1) {
    if (sharedKey(other, u.text)) return true;
  }
  // Every occurrence counts (a bigram written twice, 維護 in 維修與保養, is one gram).
  if (i > 0 && sharedKey(other, (units[i - 1] as MatchUnit).text + u.text)) return true;
  return i + 1 < units.length && sharedKey(other, u.text + (units[i + 1] as MatchUnit).text);
}

/**
 * The units of `side` that no bigram shared with `other` (or explained by its note) covers, as text:
 * what `side` says that `other` does not (木 in 木構件損壞知識 against 石構件損壞知識).
 */
export function residue(side: PreparedCompetency, other: PreparedCompetency): string {
  let out = '';
  for (let i = 0; i < side.name.units.length; i++) if (!coveredUnit(side, other, i)) out += (side.name.units[i] as MatchUnit).text;
  return out;
}

/** Whether `side` says anything `other` does not (`residue` is not empty), without building it. */
function hasResidue(side: PreparedCompetency, other: PreparedCompetency): boolean {
  for (let i = 0; i < side.name.units.length; i++) if (!coveredUnit(side, other, i)) return true;
  return false;
}

/** A related pair scored by the harmonic mean of its coverages, or null below `relatedCoverage`. */
function relatedBy(covX: number, covY: number, reason: string, scoring: ScoringParameters, params: RelationParameters): TypedRelation | null {
  const h = harmonic(covX, covY);
  return h >= params.relatedCoverage ? { relation: 'related', score: calibrate(h, scoring), reason } : null;
}

/** What the corpus and the data files tell about names: which tails are frames, which objects go unsaid. */
export interface RelationContext {
  isFrame(tail: string): boolean;
  impliedWords: ReadonlySet<string>;
}

const NO_CONTEXT: RelationContext = { isFrame: () => false, impliedWords: new Set() };

/**
 * The relation between x and y given their scored comparison, or null when they are not related.
 * `listedTogether`: whether some document lists both (asked only when it matters).
 */
export function relatePair(
  x: PreparedCompetency,
  y: PreparedCompetency,
  scored: PairScore,
  listedTogether: (x: PreparedCompetency, y: PreparedCompetency) => boolean,
  scoring: ScoringParameters,
  params: RelationParameters,
  context: RelationContext = NO_CONTEXT,
): TypedRelation | null {
  if (scored.exact) return { relation: 'equivalent', score: 1, reason: 'same name' };
  const covX = scored.coverage[0];
  const covY = scored.coverage[1];
  const contrasted = scored.contrast.length > 0;
  const low = Math.min(covX, covY);
  const high = Math.max(covX, covY);
  // A name inside the other with words to spare is a specialisation, however little those words
  // weigh (設備清潔保養 in 機台設備清潔保養).
  const part = properPart(x, y);
  const sameLetters = reordered(x, y);
  const explained = Math.min(scored.explainedCoverage[0], scored.explainedCoverage[1]);
  // Each name says something the other does not (木 / 石 構件損壞知識): two objects, however much
  // text they share. Neither equivalent nor one inside the other.
  const restX = hasResidue(x, y);
  const restY = hasResidue(y, x);
  const coListed = !contrasted && (low >= params.equivalentCoverage || scored.usedContext || sameLetters) && listedTogether(x, y);
  if (restX && restY && !sameLetters) {
    const reason = contrasted ? `differs: ${scored.contrast.join(', ')}` : `differ: ${residue(x, y)} ≠ ${residue(y, x)}`;
    return relatedBy(covX, covY, reason, scoring, params);
  }
  if (!contrasted && !coListed) {
    if (low >= params.equivalentCoverage && !part) return { relation: 'equivalent', score: calibrate(low, scoring), reason: 'same words' };
    // A unit's note that spells out what its name covers (分析技能 可能包括：分析…資訊和數據) makes
    // the name equivalent to a name that says the same in words.
    // Every word of each accounted for (a weak bigram across two words may still be missing).
    const accounted = !restX && !restY && explained >= params.relatedCoverage;
    if (scored.usedContext && (explained >= params.equivalentCoverage || accounted)) {
      return { relation: 'equivalent', score: calibrate(explained, scoring) * 0.95, reason: 'explained by its note' };
    }
    if (sameLetters) return { relation: 'equivalent', score: calibrate(params.equivalentCoverage, scoring), reason: 'same words in another order' };
    // The same words once synonyms are read as their lexicon term (機具設備使用 / 機器設備操作):
    // each substitution is less sure than the written word, but together they say one thing.
    if (x.name.core === y.name.core && [...x.name.core].length >= 2 && low >= params.synonymCoverage) {
      return { relation: 'equivalent', score: calibrate(Math.max(low, params.equivalentCoverage), scoring), reason: 'same words through synonyms' };
    }
  }
  if (contrasted) return relatedBy(covX, covY, `differs: ${scored.contrast.join(', ')}`, scoring, params);
  // The same words, listed side by side by one document: two competencies there, neither inside the other.
  if (coListed && !restX && !restY) return relatedBy(covX, covY, 'listed together by one document', scoring, params);
  const xInner = covX > covY || (covX === covY && x.name.core.length < y.name.core.length);
  const [inner, outer] = xInner ? [x, y] : [y, x];
  if (high >= scoring.containmentCoverage || wordsWithin(inner, outer) || part) {
    if (scored.score < params.broaderMinScore) return relatedBy(covX, covY, `little of ${outer.name.core} is ${inner.name.core}`, scoring, params);
    // Names are head-final: a name that only stands in front of the other (商品 in 商品採購策略) is
    // the other's modifier, not its head, unless what follows is a frame many names end with
    // (印刷 < 印刷標準作業流程), a single activity (資訊科技 < 資訊科技應用, 資料蒐集 < 資料蒐集分析), a
    // law named after it (職業安全衛生法) or a second competency joined to it (故障排除 < 故障排除與檢修).
    // Any other one-character suffix derives another word (人因工程學, 法規 cut after 法).
    // Names leave some words unsaid: the object of information work (蒐集分析 is 資料蒐集分析) and
    // whose rules they are (採購規範 is 組織採購規範). A single word (判斷, 管理) says too little to tell.
    const unsaid = !coListed && inner.words.length >= 2 ? residue(outer, inner) : null;
    if (unsaid !== null && context.impliedWords.has(unsaid)) {
      return { relation: 'equivalent', score: calibrate(Math.max(low, params.equivalentCoverage), scoring), reason: `left unsaid: ${unsaid}` };
    }
    // 策略性思考 is 策略思考: 性 after a word of its own makes an adjective of it, not a new object.
    if (!coListed && adjectivalSuffix(inner, outer)) {
      return { relation: 'equivalent', score: calibrate(Math.max(low, params.equivalentCoverage), scoring), reason: 'adjective: 性' };
    }
    const place = placeInside(inner.name.core, outer.name.core);
    // A law and the regulations under it are one body of knowledge (個人資料保護法 / 個人資料保護相關法規;
    // 著作權法 / 著作權規範, read as 著作權法規).
    if (place && place.before === '' && place.after === '規' && lawName(inner) && !coListed) {
      return { relation: 'equivalent', score: calibrate(params.equivalentCoverage, scoring), reason: `the law ${inner.name.core} and its regulations` };
    }
    // X學 is the study of X: knowing one is knowing the other (人因工程 / 人因工程學).
    if (place && place.before === '' && place.after === '學' && inner.input.kind === 'knowledge' && [...inner.name.core].length >= 2 && !coListed) {
      return { relation: 'equivalent', score: calibrate(params.equivalentCoverage, scoring), reason: `the study of ${inner.name.core}` };
    }
    const joined = outer.firstConjunct !== null && inner.name.core.startsWith(outer.firstConjunct);
    if (place && place.before === '' && place.after !== '' && !joined && !headed(place.after, inner, outer, context)) {
      return relatedBy(covX, covY, `new head: ${inner.name.core} + ${place.after}`, scoring, params);
    }
    return { relation: xInner ? 'broader' : 'narrower', score: scored.score, reason: containment(inner, outer) };
  }
  if (coListed && low >= params.equivalentCoverage) return relatedBy(covX, covY, 'listed together by one document', scoring, params);
  const fx = x.framed;
  const fy = y.framed;
  if (fx.frame !== null && fx.frame === fy.frame) {
    // One frame, two objects: related only when the objects have something in common (凹版印刷 /
    // 平版印刷), not when the frame is all they share (打包機 / 冷氣 操作手冊).
    return shareABigram(fx.object, fy.object) ? relatedBy(covX, covY, `frame: ${fx.frame}; objects differ: ${fx.object} ≠ ${fy.object}`, scoring, params) : null;
  }
  return relatedBy(covX, covY, 'shares wording', scoring, params);
}
