// How much two documents have in common, for career paths: each document keeps its closest
// neighbours. Pure: the caller supplies every document's competencies and the similarity pairs.
import type { ScoredPair } from './similarity-lookup.js';

export interface DocumentCompetencies {
  id: string;
  competencyIds: string[];
}

export interface Resemblance {
  a: string;
  b: string;
  /** Soft Dice overlap of the two competency sets, in (0, 1]. */
  similarity: number;
}

export interface ResemblanceOptions {
  /** Similarity pairs at or above this count as the same competency (scaled by their score). */
  minScore: number;
  /** Neighbours kept per document. */
  neighbours: number;
  /** Only documents whose neighbours should be (re)computed; all when absent. */
  only?: ReadonlySet<string>;
}

/**
 * For each document A and candidate B: similarity = (Σ_{c∈A} best match of c in B + Σ_{d∈B} best
 * match of d in A) / (|A| + |B|), a match scoring 1 for the same competency or the alignment score.
 * Candidates come from shared competencies that few documents require (a competency every document
 * lists would make every pair a candidate and says nothing); each document keeps its top neighbours.
 */
export function documentResemblance(documents: DocumentCompetencies[], pairs: Iterable<ScoredPair>, options: ResemblanceOptions): Resemblance[] {
  const near = new Map<string, Map<string, number>>();
  const link = (x: string, y: string, score: number) => {
    let m = near.get(x);
    if (!m) near.set(x, (m = new Map()));
    m.set(y, Math.max(score, m.get(y) ?? 0));
  };
  for (const p of pairs) {
    if (p.score < options.minScore) continue;
    link(p.a, p.b, p.score);
    link(p.b, p.a, p.score);
  }
  const requiredBy = new Map<string, string[]>();
  for (const doc of documents) {
    for (const c of new Set(doc.competencyIds)) {
      const list = requiredBy.get(c);
      if (list) list.push(doc.id);
      else requiredBy.set(c, [doc.id]);
    }
  }
  const sets = new Map(documents.map((d) => [d.id, new Set(d.competencyIds)]));
  const commonLimit = Math.max(20, Math.ceil(documents.length * 0.05));

  /** Σ over c in `from` of its best match in `to`. */
  const coverage = (from: Set<string>, to: Set<string>): number => {
    let sum = 0;
    for (const c of from) {
      if (to.has(c)) {
        sum += 1;
        continue;
      }
      let best = 0;
      for (const [other, score] of near.get(c) ?? []) if (score > best && to.has(other)) best = score;
      sum += best;
    }
    return sum;
  };

  const out = new Map<string, Resemblance>();
  for (const doc of documents) {
    if (options.only && !options.only.has(doc.id)) continue;
    const own = sets.get(doc.id)!;
    const candidates = new Set<string>();
    for (const c of own) {
      for (const m of [c, ...(near.get(c)?.keys() ?? [])]) {
        const docs = requiredBy.get(m) ?? [];
        if (docs.length > commonLimit) continue;
        for (const other of docs) if (other !== doc.id) candidates.add(other);
      }
    }
    const scored: Resemblance[] = [];
    for (const other of candidates) {
      const theirs = sets.get(other)!;
      const similarity = (coverage(own, theirs) + coverage(theirs, own)) / (own.size + theirs.size);
      if (similarity > 0) scored.push(doc.id < other ? { a: doc.id, b: other, similarity } : { a: other, b: doc.id, similarity });
    }
    scored.sort((x, y) => y.similarity - x.similarity || (x.a + x.b).localeCompare(y.a + y.b));
    for (const r of scored.slice(0, options.neighbours)) out.set(`${r.a}\u0000${r.b}`, r);
  }
  return [...out.values()];
}
