// How analyses ask "how similar are these two competencies?": identity is 1, aligned pairs carry their
// alignment score, anything else 0.

/** How well b meets a, in [0, 1]: 1 for the same id; symmetric except for directed pairs. */
export type SimilarityLookup = (a: string, b: string) => number;

/** A scored pair of competency ids, as alignment reports it or the repository reads it. */
export interface ScoredPair {
  a: string;
  b: string;
  score: number;
  /** b meets a but a does not meet b (b is narrower than a); default: both ways. */
  directed?: boolean;
}

/** A lookup over scored pairs (either direction); the best score wins when a pair repeats. */
export function similarityFromPairs(pairs: Iterable<ScoredPair>): SimilarityLookup {
  const byId = new Map<string, Map<string, number>>();
  const put = (x: string, y: string, s: number): void => {
    let row = byId.get(x);
    if (!row) byId.set(x, (row = new Map()));
    if (s > (row.get(y) ?? 0)) row.set(y, s);
  };
  for (const p of pairs) {
    put(p.a, p.b, p.score);
    if (!p.directed) put(p.b, p.a, p.score);
  }
  return (a, b) => (a === b ? 1 : (byId.get(a)?.get(b) ?? 0));
}

/** Accepts a lookup or scored pairs; always gives 1 for identity. */
export function toSimilarityLookup(similarity: SimilarityLookup | Iterable<ScoredPair>): SimilarityLookup {
  if (typeof similarity === 'function') return (a, b) => (a === b ? 1 : similarity(a, b));
  return similarityFromPairs(similarity);
}
