// Measures typed alignment against pairs a person labelled by reading: precision per relation and per
// score band with bootstrap intervals, recall of equivalents and of specialisations, and F1. Pure:
// the caller reads the files and runs the aligner.
import { competencyId, type CompetencyKind } from '../../graph/competency-key.js';
import type { CompetencyRelation, SimilarityPair } from './types.js';

/** What a reader decided about a pair; `narrower` reads "a is narrower than b". */
export type PairLabel = CompetencyRelation | 'different';

export interface LabelledRelationPair {
  kind: CompetencyKind;
  a: string;
  b: string;
  label: PairLabel;
  reason: string;
  /** `tune` pairs may guide changes to rules and lexicon; `holdout` pairs are only reported. */
  split: 'tune' | 'holdout';
  signal?: string;
}

/** A name whose equivalents (and specialisations) were searched for by reading the whole catalogue. */
export interface RecallQuery {
  kind: CompetencyKind;
  name: string;
  equivalent: string[];
  narrower: string[];
  broader: string[];
  split: 'tune' | 'holdout';
}

/** The aligner's relation for a labelled pair, oriented as the pair is written; `none` when unrelated. */
export type Prediction = CompetencyRelation | 'none';

export interface JudgedPair {
  pair: LabelledRelationPair;
  predicted: Prediction;
  score: number;
  evidence: string;
}

const FLIP: Record<CompetencyRelation, CompetencyRelation> = { equivalent: 'equivalent', narrower: 'broader', broader: 'narrower', related: 'related' };

/** Looks up predicted relations by names, in the orientation asked. */
export class PredictionIndex {
  private readonly byPair = new Map<string, SimilarityPair>();

  constructor(pairs: Iterable<SimilarityPair>) {
    for (const p of pairs) this.byPair.set(`${p.a}\u0000${p.b}`, p);
  }

  lookup(kind: CompetencyKind, a: string, b: string): { predicted: Prediction; score: number; evidence: string } {
    const idA = competencyId(kind, a);
    const idB = competencyId(kind, b);
    if (idA === idB) return { predicted: 'equivalent', score: 1, evidence: 'same name' };
    const forward = idA < idB;
    const hit = this.byPair.get(forward ? `${idA}\u0000${idB}` : `${idB}\u0000${idA}`);
    if (!hit) return { predicted: 'none', score: 0, evidence: '' };
    return { predicted: forward ? hit.relation : FLIP[hit.relation], score: hit.score, evidence: hit.evidence };
  }
}

export function judgePairs(pairs: readonly LabelledRelationPair[], index: PredictionIndex): JudgedPair[] {
  return pairs.map((pair) => ({ pair, ...index.lookup(pair.kind, pair.a, pair.b) }));
}

/** A proportion with its bootstrap 95% interval. */
export interface Estimate {
  value: number;
  low: number;
  high: number;
  n: number;
}

/** A small seeded generator, so that intervals are the same on every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The share of true outcomes, with a percentile bootstrap 95% interval (2,000 resamples). */
export function proportion(outcomes: readonly boolean[], resamples = 2000, seed = 1): Estimate {
  const n = outcomes.length;
  if (n === 0) return { value: Number.NaN, low: Number.NaN, high: Number.NaN, n };
  const hits = outcomes.filter(Boolean).length;
  const random = mulberry32(seed);
  const values: number[] = [];
  for (let r = 0; r < resamples; r++) {
    let k = 0;
    for (let i = 0; i < n; i++) if (outcomes[Math.floor(random() * n)]) k++;
    values.push(k / n);
  }
  values.sort((x, y) => x - y);
  return { value: hits / n, low: values[Math.floor(resamples * 0.025)] as number, high: values[Math.ceil(resamples * 0.975) - 1] as number, n };
}

const isSpecialisation = (r: string): boolean => r === 'narrower' || r === 'broader';

export interface RelationReport {
  /** Of the pairs predicted equivalent, the share labelled equivalent. */
  equivalentPrecision: Estimate;
  /** Of the pairs labelled equivalent (pairs and recall queries), the share predicted equivalent. */
  equivalentRecall: Estimate;
  equivalentF1: number;
  /** Of the pairs predicted narrower/broader, the share labelled narrower or broader. */
  specialisationPrecision: Estimate;
  /** Of those right, the share whose direction is right too. */
  directionAccuracy: Estimate;
  /** Of the pairs labelled narrower/broader, the share predicted narrower/broader. */
  specialisationRecall: Estimate;
  /** Of the pairs predicted related, the share labelled related, narrower or broader (never `different`). */
  relatedPrecision: Estimate;
  /** Equivalent precision per score band, low edge of the band -> estimate. */
  equivalentBands: Array<{ from: number; to: number; precision: Estimate }>;
}

export const SCORE_BANDS: ReadonlyArray<readonly [number, number]> = [
  [0, 0.7],
  [0.7, 0.8],
  [0.8, 0.9],
  [0.9, 1.01],
];

/** Recall outcomes of the recall queries: one per (query, labelled equivalent or specialisation). */
export function recallOutcomes(queries: readonly RecallQuery[], index: PredictionIndex): { equivalent: boolean[]; specialisation: boolean[] } {
  const equivalent: boolean[] = [];
  const specialisation: boolean[] = [];
  for (const q of queries) {
    for (const other of q.equivalent) equivalent.push(index.lookup(q.kind, q.name, other).predicted === 'equivalent');
    for (const other of [...q.narrower, ...q.broader]) specialisation.push(isSpecialisation(index.lookup(q.kind, q.name, other).predicted));
  }
  return { equivalent, specialisation };
}

export function relationReport(judged: readonly JudgedPair[], recall: { equivalent: boolean[]; specialisation: boolean[] }): RelationReport {
  const predictedEq = judged.filter((j) => j.predicted === 'equivalent');
  const labelledEq = judged.filter((j) => j.pair.label === 'equivalent');
  const predictedSpec = judged.filter((j) => isSpecialisation(j.predicted));
  const rightSpec = predictedSpec.filter((j) => isSpecialisation(j.pair.label));
  const precision = proportion(predictedEq.map((j) => j.pair.label === 'equivalent'));
  const recallEq = proportion([...labelledEq.map((j) => j.predicted === 'equivalent'), ...recall.equivalent]);
  return {
    equivalentPrecision: precision,
    equivalentRecall: recallEq,
    equivalentF1: precision.value + recallEq.value > 0 ? (2 * precision.value * recallEq.value) / (precision.value + recallEq.value) : 0,
    specialisationPrecision: proportion(predictedSpec.map((j) => isSpecialisation(j.pair.label))),
    directionAccuracy: proportion(rightSpec.map((j) => j.predicted === j.pair.label)),
    specialisationRecall: proportion([
      ...judged.filter((j) => isSpecialisation(j.pair.label)).map((j) => isSpecialisation(j.predicted)),
      ...recall.specialisation,
    ]),
    relatedPrecision: proportion(judged.filter((j) => j.predicted === 'related').map((j) => j.pair.label !== 'different')),
    equivalentBands: SCORE_BANDS.map(([from, to]) => ({
      from,
      to,
      precision: proportion(predictedEq.filter((j) => j.score >= from && j.score < to).map((j) => j.pair.label === 'equivalent')),
    })),
  };
}

/** Relations per type, and the competency with the most equivalents. */
export function relationCounts(pairs: readonly SimilarityPair[]): { byType: Record<string, number>; mostEquivalents: { id: string; count: number } } {
  const byType: Record<string, number> = { equivalent: 0, narrower: 0, related: 0 };
  const equivalents = new Map<string, number>();
  for (const p of pairs) {
    const type = isSpecialisation(p.relation) ? 'narrower' : p.relation;
    byType[type] = (byType[type] ?? 0) + 1;
    if (p.relation === 'equivalent') for (const id of [p.a, p.b]) equivalents.set(id, (equivalents.get(id) ?? 0) + 1);
  }
  let most = { id: '', count: 0 };
  for (const [id, count] of equivalents) if (count > most.count) most = { id, count };
  return { byType, mostEquivalents: most };
}
