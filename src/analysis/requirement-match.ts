// Whether, and how, one competency meets a requirement. Coverage is asymmetric: the same competency,
// an equivalent or a narrower one (客戶溝通協調 for 溝通協調能力) meets it; a broader or a related one
// (same frame, other object) only comes close. Pure: the caller supplies the relations.
import type { ScoredPair, SimilarityLookup } from './similarity-lookup.js';

/** How the matching competency relates to the requirement. */
export type MatchRelation = 'same' | 'equivalent' | 'narrower' | 'broader' | 'related';

/** A competency that partly serves a requirement: `b` is broader than `a`, or related to it. */
export interface PartialPair {
  /** The requirement. */
  a: string;
  b: string;
  score: number;
  relation: 'broader' | 'related';
}

export interface Match {
  competencyId: string;
  score: number;
  relation: MatchRelation;
}

const MEETING: ReadonlySet<MatchRelation> = new Set(['same', 'equivalent', 'narrower']);

/** Answers "what among these ids meets requirement a, or comes closest?" */
export class RequirementMatcher {
  private readonly index = new Map<string, Match[]>();
  private readonly lookup: SimilarityLookup | null;

  /**
   * `meets`: pairs where b meets a (`directed`: b is narrower than a, so a does not meet b), or a
   * lookup (then every match counts as equivalent). `partial`: broader and related pairs.
   */
  constructor(
    meets: SimilarityLookup | Iterable<ScoredPair>,
    partial: Iterable<PartialPair>,
    readonly minScore: number,
  ) {
    if (typeof meets === 'function') {
      this.lookup = meets;
    } else {
      this.lookup = null;
      for (const p of meets) {
        this.add(p.a, { competencyId: p.b, score: p.score, relation: p.directed ? 'narrower' : 'equivalent' });
        // The broader end of a narrower pair only comes close to the narrower requirement.
        this.add(p.b, { competencyId: p.a, score: p.score, relation: p.directed ? 'broader' : 'equivalent' });
      }
    }
    for (const p of partial) this.add(p.a, { competencyId: p.b, score: p.score, relation: p.relation });
  }

  private add(a: string, match: Match): void {
    const list = this.index.get(a);
    if (list) list.push(match);
    else this.index.set(a, [match]);
  }

  /** Whether a match meets the requirement (a meeting relation at minScore or more). */
  meets(match: Match | null): boolean {
    return match !== null && MEETING.has(match.relation) && match.score >= this.minScore;
  }

  /** Every competency that meets `a` (itself included), with how. */
  meetersOf(a: string): Match[] {
    const out: Match[] = [{ competencyId: a, score: 1, relation: 'same' }];
    for (const m of this.index.get(a) ?? []) if (this.meets(m)) out.push(m);
    return out;
  }

  /**
   * The best match for `a` among `ids`: a meeting one if any (highest score), otherwise the closest
   * partial or weak one; null when nothing among them relates to `a`.
   */
  best(a: string, ids: ReadonlySet<string>): Match | null {
    if (ids.has(a)) return { competencyId: a, score: 1, relation: 'same' };
    let meeting: Match | null = null;
    let close: Match | null = null;
    const consider = (m: Match): void => {
      if (!ids.has(m.competencyId) || !(m.score > 0)) return;
      if (this.meets(m)) {
        if (outranks(m, meeting)) meeting = m;
      } else if (outranks(m, close)) close = m;
    };
    if (this.lookup) for (const id of ids) consider({ competencyId: id, score: this.lookup(a, id), relation: 'equivalent' });
    else for (const m of this.index.get(a) ?? []) consider(m);
    return meeting ?? close;
  }
}

/** A higher score wins; of two equal scores the lower id, so the answer does not hang on the order of the relations. */
function outranks(m: Match, current: Match | null): boolean {
  return !current || m.score > current.score || (m.score === current.score && m.competencyId < current.competencyId);
}

/** A typed relation between two competencies; `narrower` reads "a is narrower than b". */
export interface TypedRelation {
  a: string;
  b: string;
  relation: 'equivalent' | 'narrower' | 'broader' | 'related';
  score: number;
}

/** Splits typed relations into what meets a requirement and what only comes close. */
export function splitRelations(relations: Iterable<TypedRelation>): { meets: ScoredPair[]; partial: PartialPair[] } {
  const meets: ScoredPair[] = [];
  const partial: PartialPair[] = [];
  for (const r of relations) {
    if (r.relation === 'equivalent') meets.push({ a: r.a, b: r.b, score: r.score });
    // The narrower one meets the broader one (and the matcher records the reverse as partial).
    else if (r.relation === 'narrower') meets.push({ a: r.b, b: r.a, score: r.score, directed: true });
    else if (r.relation === 'broader') meets.push({ a: r.a, b: r.b, score: r.score, directed: true });
    else partial.push({ a: r.a, b: r.b, score: r.score, relation: 'related' }, { a: r.b, b: r.a, score: r.score, relation: 'related' });
  }
  return { meets, partial };
}
