// A chain of documents from one standard or unit to another, each step as close as possible to the
// last: the path minimising the sum of (1 - similarity) over at most `maxHops` steps (Dijkstra over
// (document, hops) states). Pure: the repository supplies the document graph.
import { toSimilarityLookup, type ScoredPair, type SimilarityLookup } from './similarity-lookup.js';

/** A similarity edge between two documents, similarity in (0, 1]. Edges are undirected. */
export interface DocumentEdge {
  from: string;
  to: string;
  similarity: number;
}

export interface CareerDocument {
  code: string;
  name: string;
  level: number;
  competencyIds: string[];
}

export interface CareerPathInput {
  from: string;
  to: string;
  edges: DocumentEdge[];
  documents: CareerDocument[];
  /** Largest number of steps (edges). Default 6. */
  maxHops?: number;
  /**
   * Competency similarity: a competency of the next document is not new when one of the previous
   * document's competencies is at least `minScore` similar. Without it only identical ids count.
   */
  similarity?: SimilarityLookup | Iterable<ScoredPair>;
  minScore?: number;
}

export interface CareerStep {
  document: Omit<CareerDocument, 'competencyIds'>;
  /** Similarity of the edge from the previous document; null for the first. */
  similarity: number | null;
  /** Sum of (1 - similarity) up to here. */
  cost: number;
  /** Competencies of this document the previous one does not have (all of them for the first). */
  newCompetencyIds: string[];
}

export interface CareerPath {
  steps: CareerStep[];
  totalCost: number;
  hops: number;
}

interface State {
  node: string;
  hops: number;
  cost: number;
  /** Index into `states` of the previous state, -1 at the start. */
  prev: number;
  similarity: number | null;
}

/** A binary min-heap of state indices ordered by (cost, hops, node). */
class StateHeap {
  private readonly items: number[] = [];
  constructor(private readonly states: State[]) {}
  get size(): number {
    return this.items.length;
  }
  private less(i: number, j: number): boolean {
    const a = this.states[this.items[i] as number] as State;
    const b = this.states[this.items[j] as number] as State;
    return a.cost !== b.cost ? a.cost < b.cost : a.hops !== b.hops ? a.hops < b.hops : a.node < b.node;
  }
  private swap(i: number, j: number): void {
    const t = this.items[i] as number;
    this.items[i] = this.items[j] as number;
    this.items[j] = t;
  }
  push(index: number): void {
    this.items.push(index);
    let i = this.items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }
  pop(): number {
    const top = this.items[0] as number;
    const last = this.items.pop() as number;
    if (this.items.length > 0) {
      this.items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.items.length && this.less(l, m)) m = l;
        if (r < this.items.length && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }
}

/** The cheapest chain from `from` to `to` within `maxHops` steps, or null when there is none. */
export function careerPath(input: CareerPathInput): CareerPath | null {
  const maxHops = input.maxHops ?? 6;
  const docs = new Map(input.documents.map((d) => [d.code, d]));
  if (!docs.has(input.from) || !docs.has(input.to)) return null;
  const adjacency = new Map<string, Array<{ to: string; similarity: number }>>();
  const link = (a: string, b: string, similarity: number): void => {
    const list = adjacency.get(a);
    if (list) list.push({ to: b, similarity });
    else adjacency.set(a, [{ to: b, similarity }]);
  };
  for (const e of input.edges) {
    if (!(e.similarity > 0) || e.from === e.to) continue;
    const s = Math.min(1, e.similarity);
    link(e.from, e.to, s);
    link(e.to, e.from, s);
  }

  const states: State[] = [{ node: input.from, hops: 0, cost: 0, prev: -1, similarity: null }];
  const best = new Map<string, number>(); // `${node}@${hops}` -> best cost settled or queued
  best.set(`${input.from}@0`, 0);
  const heap = new StateHeap(states);
  heap.push(0);
  const settled = new Set<string>();
  let goal = -1;
  while (heap.size > 0) {
    const index = heap.pop();
    const s = states[index] as State;
    const key = `${s.node}@${s.hops}`;
    if (settled.has(key)) continue;
    settled.add(key);
    if (s.node === input.to) {
      goal = index;
      break;
    }
    if (s.hops >= maxHops) continue;
    for (const { to, similarity } of adjacency.get(s.node) ?? []) {
      if (!docs.has(to)) continue;
      const cost = s.cost + (1 - similarity);
      const nextKey = `${to}@${s.hops + 1}`;
      const known = best.get(nextKey);
      if (known !== undefined && known <= cost) continue;
      best.set(nextKey, cost);
      states.push({ node: to, hops: s.hops + 1, cost, prev: index, similarity });
      heap.push(states.length - 1);
    }
  }
  if (goal < 0) return null;

  const chain: State[] = [];
  for (let i = goal; i >= 0; i = (states[i] as State).prev) chain.unshift(states[i] as State);
  const sim = input.similarity ? toSimilarityLookup(input.similarity) : null;
  const minScore = input.minScore ?? 1;
  const steps = chain.map((s, i): CareerStep => {
    const { competencyIds, ...document } = docs.get(s.node) as CareerDocument;
    const previous = i > 0 ? (docs.get((chain[i - 1] as State).node) as CareerDocument).competencyIds : [];
    const before = new Set(previous);
    const isKnown = (id: string): boolean => before.has(id) || (sim !== null && previous.some((p) => sim(id, p) >= minScore));
    return {
      document,
      similarity: s.similarity,
      cost: Math.round(s.cost * 1e6) / 1e6,
      newCompetencyIds: competencyIds.filter((id) => !isKnown(id)),
    };
  });
  const last = chain[chain.length - 1] as State;
  return { steps, totalCost: Math.round(last.cost * 1e6) / 1e6, hops: last.hops };
}
