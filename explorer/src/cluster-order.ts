// An order of items that puts similar ones next to each other, so that the clusters of a heat map
// show as blocks along its diagonal: average-linkage agglomerative clustering, read leaf by leaf.

interface Cluster {
  /** Leaves in drawing order. */
  leaves: number[];
}

/**
 * Indices 0…n-1 of a symmetric similarity matrix, ordered by the dendrogram of average-linkage
 * clustering. When two clusters merge, the pair of facing ends that is more similar is put side
 * by side (a cheap version of optimal leaf ordering). Ties keep the input order, so the result is
 * deterministic.
 */
export function clusterOrder(similarity: readonly (readonly number[])[]): number[] {
  const n = similarity.length;
  if (n <= 2) return [...Array(n).keys()];
  let clusters: Cluster[] = [...Array(n).keys()].map((i) => ({ leaves: [i] }));
  const linkage = (a: Cluster, b: Cluster) => {
    let sum = 0;
    for (const i of a.leaves) for (const j of b.leaves) sum += similarity[i]![j]!;
    return sum / (a.leaves.length * b.leaves.length);
  };
  while (clusters.length > 1) {
    let best = { i: 0, j: 1, score: -Infinity };
    for (let i = 0; i < clusters.length; i += 1) {
      for (let j = i + 1; j < clusters.length; j += 1) {
        const score = linkage(clusters[i]!, clusters[j]!);
        if (score > best.score) best = { i, j, score };
      }
    }
    const a = clusters[best.i]!.leaves;
    const b = clusters[best.j]!.leaves;
    const sim = (x: number, y: number) => similarity[x]![y]!;
    // The four ways to join two sequences end to end; keep the one whose joined ends are most alike.
    const options = [
      [...a, ...b],
      [...a, ...[...b].reverse()],
      [...[...a].reverse(), ...b],
      [...b, ...a],
    ];
    const scores = [sim(a.at(-1)!, b[0]!), sim(a.at(-1)!, b.at(-1)!), sim(a[0]!, b[0]!), sim(b.at(-1)!, a[0]!)];
    const pick = scores.indexOf(Math.max(...scores));
    const merged: Cluster = { leaves: options[pick]! };
    clusters = [...clusters.slice(0, best.i), merged, ...clusters.slice(best.i + 1, best.j), ...clusters.slice(best.j + 1)];
  }
  return clusters[0]!.leaves;
}
