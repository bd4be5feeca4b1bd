// A chain of standards from one to another in which every hop is a viable move: the next standard's
// knowledge and skills are largely met by the previous one's (asymmetric, as a learner moves: the
// origin's competencies against the destination's) and its level is at most one step up. Among
// viable chains, the one minimising the sum of (1 - similarity) within `maxHops` (Dijkstra over
// (document, hops) states). Each hop names the few new competencies that matter most: those the
// most tasks of the next standard need. Pure: the repository supplies the documents and relations.
import { RequirementMatcher } from './requirement-match.js';
import type { ScoredPair, SimilarityLookup } from './similarity-lookup.js';

/** A pair of documents worth considering as a move (either way), e.g. close neighbours. */
export interface DocumentEdge {
  from: string;
  to: string;
}

export interface CareerDocument {
  code: string;
  name: string;
  level: number;
  /** Its knowledge and skills. */
  competencyIds: string[];
  /** For each competency, the document's tasks that need it (ranks what is new). */
  taskIds?: ReadonlyMap<string, string[]>;
}

export interface CareerPathInput {
  from: string;
  to: string;
  /** Candidate moves; the direct move from `from` to `to` is always considered. */
  edges: DocumentEdge[];
  documents: CareerDocument[];
  /** Largest number of hops. Default 6. */
  maxHops?: number;
  /** Relations by which b meets a (equivalent; `directed`: b narrower than a). Without it only identical ids count. */
  similarity?: SimilarityLookup | Iterable<ScoredPair>;
  /** A relation counts from this score. Default 1 (identical only). */
  minScore?: number;
  /** A move is viable when at least this share of the next document's K/S is met. Default 0.3. */
  minSimilarity?: number;
  /** Largest rise in level in one move. Default 1. */
  maxLevelStep?: number;
  /** How many key competencies each hop names. Default 5. */
  keyLimit?: number;
}

/** A new competency of a hop and the next document's tasks that need it. */
export interface KeyCompetency {
  competencyId: string;
  taskIds: string[];
}

export interface CareerStep {
  document: Omit<CareerDocument, 'competencyIds' | 'taskIds'>;
  /** Share of this document's K/S met by the previous one's; null for the first. */
  similarity: number | null;
  /** Level of this document minus the previous one's; null for the first. */
  levelStep: number | null;
  /** Sum of (1 - similarity) up to here. */
  cost: number;
  /** Competencies of this document the previous one does not meet (all of them for the first). */
  newCompetencyIds: string[];
  /** The new competencies the most tasks need, most first (at most `keyLimit`); empty for the first. */
  keyCompetencies: KeyCompetency[];
}

export interface CareerPath {
  steps: CareerStep[];
  totalCost: number;
  hops: number;
}

/** Default share of the next document's K/S that a viable move already meets. */
export const DEFAULT_MIN_MOVE_SIMILARITY = 0.3;
/** Default largest rise in level in one move. */
export const DEFAULT_MAX_LEVEL_STEP = 1;

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

/** The cheapest viable chain from `from` to `to` within `maxHops` hops, or null when there is none. */
export function careerPath(input: CareerPathInput): CareerPath | null {
  const maxHops = input.maxHops ?? 6;
  const minSimilarity = input.minSimilarity ?? DEFAULT_MIN_MOVE_SIMILARITY;
  const maxLevelStep = input.maxLevelStep ?? DEFAULT_MAX_LEVEL_STEP;
  const docs = new Map(input.documents.map((d) => [d.code, d]));
  if (!docs.has(input.from) || !docs.has(input.to)) return null;
  const matcher = new RequirementMatcher(input.similarity ?? [], [], input.minScore ?? 1);
  const sets = new Map<string, Set<string>>();
  const setOf = (code: string): Set<string> => {
    let set = sets.get(code);
    if (!set) sets.set(code, (set = new Set((docs.get(code) as CareerDocument).competencyIds)));
    return set;
  };
  /** v's K/S that u does not meet. */
  const unmet = (u: string, v: string): string[] => {
    const own = setOf(u);
    return [...setOf(v)].filter((c) => !matcher.meets(matcher.best(c, own)));
  };
  const similarities = new Map<string, number>();
  const similarity = (u: string, v: string): number => {
    const key = `${u}\u0000${v}`;
    let s = similarities.get(key);
    if (s === undefined) {
      const size = setOf(v).size;
      similarities.set(key, (s = size === 0 ? 0 : 1 - unmet(u, v).length / size));
    }
    return s;
  };

  const adjacency = new Map<string, Set<string>>();
  const link = (a: string, b: string): void => {
    if (a === b || !docs.has(a) || !docs.has(b)) return;
    const set = adjacency.get(a);
    if (set) set.add(b);
    else adjacency.set(a, new Set([b]));
  };
  for (const e of input.edges) {
    link(e.from, e.to);
    link(e.to, e.from);
  }
  link(input.from, input.to);
  const viable = (u: string, v: string): number | null => {
    const rise = (docs.get(v) as CareerDocument).level - (docs.get(u) as CareerDocument).level;
    if (rise > maxLevelStep) return null;
    const s = similarity(u, v);
    return s >= minSimilarity && s > 0 ? s : null;
  };

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
    for (const to of adjacency.get(s.node) ?? []) {
      const sim = viable(s.node, to);
      if (sim === null) continue;
      const cost = s.cost + (1 - sim);
      const nextKey = `${to}@${s.hops + 1}`;
      const known = best.get(nextKey);
      if (known !== undefined && known <= cost) continue;
      best.set(nextKey, cost);
      states.push({ node: to, hops: s.hops + 1, cost, prev: index, similarity: sim });
      heap.push(states.length - 1);
    }
  }
  if (goal < 0) return null;

  const chain: State[] = [];
  for (let i = goal; i >= 0; i = (states[i] as State).prev) chain.unshift(states[i] as State);
  const keyLimit = input.keyLimit ?? 5;
  const steps = chain.map((s, i): CareerStep => {
    const { competencyIds, taskIds, ...document } = docs.get(s.node) as CareerDocument;
    const previous = i > 0 ? (chain[i - 1] as State).node : null;
    const fresh = previous ? unmet(previous, s.node) : [...new Set(competencyIds)];
    return {
      document,
      similarity: s.similarity,
      levelStep: previous ? document.level - (docs.get(previous) as CareerDocument).level : null,
      cost: Math.round(s.cost * 1e6) / 1e6,
      newCompetencyIds: fresh,
      keyCompetencies: previous ? keyCompetencies(fresh, taskIds, keyLimit) : [],
    };
  });
  const last = chain[chain.length - 1] as State;
  return { steps, totalCost: Math.round(last.cost * 1e6) / 1e6, hops: last.hops };
}

/** The new competencies the most tasks need (document order on ties); none that no task needs when tasks are known. */
export function keyCompetencies(fresh: string[], taskIds: ReadonlyMap<string, string[]> | undefined, limit: number): KeyCompetency[] {
  const ranked = fresh.map((competencyId, order) => ({ competencyId, taskIds: taskIds?.get(competencyId) ?? [], order }));
  ranked.sort((a, b) => b.taskIds.length - a.taskIds.length || a.order - b.order);
  const useful = taskIds && taskIds.size > 0 ? ranked.filter((r) => r.taskIds.length > 0) : ranked;
  return useful.slice(0, limit).map(({ competencyId, taskIds: tasks }) => ({ competencyId, taskIds: tasks }));
}
