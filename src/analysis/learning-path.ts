// What must a learner still acquire to meet a target document, and which documents teach it, in
// what order? Pure: the repository supplies the target's requirements, the learner's competencies,
// the similarity scores and the candidate documents.
import { toSimilarityLookup, type ScoredPair, type SimilarityLookup } from './similarity-lookup.js';

/** One K/S/A requirement of the target document. */
export interface TargetRequirement {
  competencyId: string;
  kind: string;
  /** The target document's local code (`S04`). */
  code: string;
  name: string;
}

/** A document that could be studied to close gaps. */
export interface CandidateDocument {
  code: string;
  name: string;
  level: number;
  kind: 'STANDARD' | 'UNIT';
  competencyIds: string[];
}

export interface LearningPathInput {
  /** Code of the target document; it is never proposed as a step. */
  targetCode: string;
  requirements: TargetRequirement[];
  /** Competency ids the learner holds (e.g. every competency of the documents they hold). */
  held: Iterable<string>;
  /** Similarity between competency ids (alignment scores); identity always counts 1. */
  similarity: SimilarityLookup | Iterable<ScoredPair>;
  /** A requirement is met by a competency at least this similar. */
  minScore: number;
  candidates: CandidateDocument[];
}

/** A target requirement the learner does not meet, and the closest thing they hold. */
export interface Gap {
  requirement: TargetRequirement;
  /** Most similar held competency (below minScore), or null when nothing held is similar at all. */
  closest: { competencyId: string; score: number } | null;
}

/** A gap closed by a step: the requirement, the document's competency that meets it, and how well. */
export interface ClosedGap {
  requirement: TargetRequirement;
  competencyId: string;
  score: number;
}

export interface LearningStep {
  document: Omit<CandidateDocument, 'competencyIds'>;
  /** Gaps this document was chosen for (each gap is closed by exactly one step). */
  closes: ClosedGap[];
  /** Share of the target requirements met once this and every earlier step are done. */
  coverageAfterStep: number;
}

export interface LearningPath {
  /** Share of target requirements met now, in [0, 1] (1 when the target requires nothing). */
  coverageBefore: number;
  /** Share met after every step. */
  coverageAfter: number;
  gaps: Gap[];
  /** Documents to study, from lower to higher level (greedy pick order within a level). */
  steps: LearningStep[];
  /** Gaps that no candidate document closes. */
  uncovered: TargetRequirement[];
}

/** The best match for `id` among `ids`: highest score, first in order on ties. */
function bestMatch(id: string, ids: Iterable<string>, sim: SimilarityLookup): { competencyId: string; score: number } | null {
  let best: { competencyId: string; score: number } | null = null;
  for (const other of ids) {
    const score = sim(id, other);
    if (score > 0 && (!best || score > best.score)) best = { competencyId: other, score };
  }
  return best;
}

function compareCandidates(
  a: { doc: CandidateDocument; closes: ClosedGap[] },
  b: { doc: CandidateDocument; closes: ClosedGap[] },
): number {
  return (
    b.closes.length - a.closes.length ||
    a.doc.competencyIds.length - b.doc.competencyIds.length ||
    a.doc.level - b.doc.level ||
    (a.doc.code < b.doc.code ? -1 : a.doc.code > b.doc.code ? 1 : 0)
  );
}

/**
 * Gaps between the learner and the target, and a short sequence of documents that closes them:
 * greedy set cover (each step the document that closes the most remaining gaps; ties: fewer
 * competencies, lower level, then code), then ordered from lower to higher level.
 */
export function learningPath(input: LearningPathInput): LearningPath {
  const sim = toSimilarityLookup(input.similarity);
  const held = [...new Set(input.held)];
  const heldSet = new Set(held);
  const total = input.requirements.length;
  const share = (met: number): number => (total === 0 ? 1 : met / total);

  const gaps: Gap[] = [];
  for (const requirement of input.requirements) {
    if (heldSet.has(requirement.competencyId)) continue;
    const closest = bestMatch(requirement.competencyId, held, sim);
    if (closest && closest.score >= input.minScore) continue;
    gaps.push({ requirement, closest });
  }
  const metBefore = total - gaps.length;

  // Greedy set cover over the candidate documents.
  const remaining = new Set(gaps.map((_, i) => i));
  const pool = input.candidates.filter((d) => d.code !== input.targetCode);
  const picked: Array<{ doc: CandidateDocument; closes: ClosedGap[] }> = [];
  const used = new Set<string>();
  while (remaining.size > 0) {
    let best: { doc: CandidateDocument; closes: ClosedGap[] } | null = null;
    for (const doc of pool) {
      if (used.has(doc.code)) continue;
      const closes: ClosedGap[] = [];
      for (const i of remaining) {
        const requirement = (gaps[i] as Gap).requirement;
        const match = bestMatch(requirement.competencyId, doc.competencyIds, sim);
        if (match && match.score >= input.minScore) closes.push({ requirement, ...match });
      }
      if (closes.length === 0) continue;
      const candidate = { doc, closes };
      if (!best || compareCandidates(candidate, best) < 0) best = candidate;
    }
    if (!best) break;
    picked.push(best);
    used.add(best.doc.code);
    for (const c of best.closes) {
      for (const i of remaining) if ((gaps[i] as Gap).requirement === c.requirement) remaining.delete(i);
    }
  }

  // Lower levels first, pick order within a level; running coverage in that order.
  const ordered = picked.map((p, order) => ({ ...p, order })).sort((a, b) => a.doc.level - b.doc.level || a.order - b.order);
  let met = metBefore;
  const steps: LearningStep[] = ordered.map(({ doc, closes }) => {
    met += closes.length;
    const { competencyIds: _ids, ...document } = doc;
    void _ids;
    return { document, closes, coverageAfterStep: share(met) };
  });
  return {
    coverageBefore: share(metBefore),
    coverageAfter: share(met),
    gaps,
    steps,
    uncovered: [...remaining].map((i) => (gaps[i] as Gap).requirement),
  };
}
