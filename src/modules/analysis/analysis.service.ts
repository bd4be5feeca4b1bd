// The curriculum questions: which competencies documents share, how much they overlap, which
// documents resemble one another. Reads through the repository, computes with src/analysis.
import { DEFAULT_ALIGN_THRESHOLD } from '../../analysis/alignment/index.js';
import { groupCompetencies, overlapMatrix, sharedGroups } from '../../analysis/shared-competencies.js';
import { careerPath } from '../../analysis/career-path.js';
import { documentResemblance } from '../../analysis/document-resemblance.js';
import { gapClosers, learningPath, type RequirementState, type TargetRequirement } from '../../analysis/learning-path.js';
import { splitRelations, type Match, type MatchRelation } from '../../analysis/requirement-match.js';
import { rankSimilarDocuments } from '../../analysis/similar-documents.js';
import type { Database } from '../../db/query.js';
import { badUserInput } from '../../errors.js';
import type {
  CareerPathRow,
  HeldRequirementRow,
  LearningGapRow,
  LearningPathRow,
  OverlapRow,
  RelationName,
  SharedCompetencyRow,
  SimilarDocumentRow,
} from './analysis.mappers.js';
import {
  readAllSimilarities,
  readCareerGraph,
  readDocumentFrequencies,
  readDocumentMatches,
  readLearningData,
  readSharing,
  readStandardCompetencies,
  replaceResemblances,
  replaceResemblancesOf,
  type SharingRule,
} from './analysis.repository.js';

export type { SharingRule } from './analysis.repository.js';

/** Knowledge and skills: what curricula teach (attitudes only when asked for). */
export const DEFAULT_KINDS = ['knowledge', 'skill'];

/** The sharing among the documents `codes` name (full or base codes); a code naming none is refused. */
async function groupsFor(db: Database, codes: readonly string[], kinds: string[], rule: SharingRule) {
  const rows = await readSharing(db, codes, kinds, rule);
  if (rows.unknownCodes.length > 0) throw badUserInput(`Unknown document code(s): ${rows.unknownCodes.join(', ')}.`, 'codes');
  return { groups: groupCompetencies(rows.occurrences, rows.edges, rule.minScore), rows };
}

/**
 * The competencies the documents of `codes` share, with the document, competency and task rows the
 * answer mentions (`entities`: the caller hands them to the request's loaders, so its fields need no
 * further read).
 */
export async function sharedCompetencies(
  db: Database,
  codes: readonly string[],
  kinds: string[],
  rule: SharingRule,
): Promise<{ groups: SharedCompetencyRow[]; entities: unknown[] }> {
  const { groups, rows } = await groupsFor(db, codes, kinds, rule);
  return {
    groups: sharedGroups(groups).map((group) => ({
      kind: group.kind,
      score: group.score,
      competencyIds: group.competencyIds,
      documentCount: group.documents.length,
      occurrences: group.occurrences.map((o) => ({ documentId: o.document, code: o.code, competencyId: o.competencyId, taskIds: o.taskIds })),
    })),
    entities: [rows.documents, rows.competencies, rows.tasks],
  };
}

/** How much each pair of the documents of `codes` shares, with the document rows (`entities`, as above). */
export async function overlap(db: Database, codes: readonly string[], kinds: string[], rule: SharingRule): Promise<{ overlap: OverlapRow; entities: unknown[] }> {
  const { groups, rows } = await groupsFor(db, codes, kinds, rule);
  const documentIds = rows.documents.map((document) => document.id);
  const cells = overlapMatrix(documentIds, groups);
  const index = new Map(documentIds.map((id, i) => [id, i]));
  const matrix: number[][] = documentIds.map((_, i) => documentIds.map((__, j) => (i === j ? 1 : 0)));
  for (const cell of cells) {
    const i = index.get(cell.a)!;
    const j = index.get(cell.b)!;
    matrix[i]![j] = cell.similarity;
    matrix[j]![i] = cell.similarity;
  }
  return {
    overlap: { documentIds, pairs: cells.map((c) => ({ a: c.a, b: c.b, sharedCount: c.shared, similarity: c.similarity })), matrix },
    entities: [rows.documents],
  };
}

export async function similarDocuments(
  db: Database,
  documentId: string,
  kinds: string[],
  rule: SharingRule = { minScore: DEFAULT_ALIGN_THRESHOLD, includeNarrower: false },
  first = 10,
): Promise<SimilarDocumentRow[]> {
  const own = await readDocumentFrequencies(db, documentId, kinds);
  const matches = await readDocumentMatches(db, documentId, kinds, rule);
  const ranked = rankSimilarDocuments(own, matches, own[0]?.total ?? 0);
  return ranked.slice(0, first).map((r) => ({ documentId: r.document, score: r.score, shared: r.shared }));
}

export interface LearningPathRequest {
  targetId: string;
  heldDocumentIds: string[];
  heldCompetencyIds: string[];
  minScore: number;
  minRelevance: number;
  maxSteps: number;
}

const RELATION_NAMES: Record<MatchRelation, RelationName> = {
  same: null,
  equivalent: 'EQUIVALENT',
  narrower: 'NARROWER',
  broader: 'BROADER',
  related: 'RELATED',
};

/** The learning path to a target: gaps by task, relevant steps with their reasons, coverage and readiness. */
export async function learningPathTo(db: Database, request: LearningPathRequest): Promise<LearningPathRow> {
  const data = await readLearningData(db, request.targetId, request.heldDocumentIds, request.heldCompetencyIds, (standing) => {
    const { meets, partial } = splitRelations(standing.relations);
    return gapClosers({ requirements: standing.requirements, held: standing.held, similarity: meets, partial, minScore: request.minScore });
  });
  const { meets, partial } = splitRelations(data.relations);
  const path = learningPath({
    targetCode: request.targetId,
    ...(data.targetLevel > 0 ? { targetLevel: data.targetLevel } : {}),
    requirements: data.requirements,
    tasks: data.tasks,
    held: data.held,
    similarity: meets,
    partial,
    minScore: request.minScore,
    minRelevance: request.minRelevance,
    maxSteps: request.maxSteps,
    candidates: data.candidates,
  });
  const gapRow = (state: { requirement: TargetRequirement; closest: Match | null; partial: boolean }, reason: LearningGapRow['uncoveredReason'] = null): LearningGapRow => ({
    code: state.requirement.code,
    competencyId: state.requirement.competencyId,
    status: state.partial ? 'PARTLY_HELD' : 'MISSING',
    closestId: state.closest?.competencyId ?? null,
    closestRelation: state.closest ? RELATION_NAMES[state.closest.relation] : null,
    closestScore: state.closest?.score ?? null,
    taskIds: state.requirement.taskIds ?? [],
    uncoveredReason: reason,
  });
  const stateRow = (s: RequirementState) => gapRow({ requirement: s.requirement, closest: s.match, partial: s.status === 'partial' });
  const heldRow = (s: RequirementState): HeldRequirementRow => ({
    code: s.requirement.code,
    requirementId: s.requirement.competencyId,
    byId: s.match?.competencyId ?? s.requirement.competencyId,
    relation: s.match ? RELATION_NAMES[s.match.relation] : null,
    score: s.match?.score ?? 1,
  });
  const gapsById = new Map(path.gaps.map((g) => [g.requirement.competencyId, g]));
  return {
    targetId: request.targetId,
    minScore: request.minScore,
    minRelevance: request.minRelevance,
    coverageBefore: path.coverageBefore,
    coverageAfter: path.coverageAfter,
    readiness: path.readinessBefore,
    readinessAfter: path.readinessAfter,
    gaps: path.gaps.map((g) => gapRow({ requirement: g.requirement, closest: g.closest, partial: g.status === 'partial' })),
    taskGaps: path.tasks
      .filter((t) => !t.ready)
      .map((t) => ({ taskId: t.task.id, missing: t.missing.map(stateRow), partlyHeld: t.partial.map(stateRow), held: t.held.map(heldRow) })),
    dispositions: path.dispositions.map((d) => ({
      code: d.requirement.code,
      competencyId: d.requirement.competencyId,
      description: d.requirement.description ?? null,
      isHeld: d.held,
    })),
    uncovered: path.uncovered.map((u) => {
      const gap = gapsById.get(u.competencyId);
      return gapRow({ requirement: u, closest: gap?.closest ?? null, partial: gap?.status === 'partial' }, u.reason);
    }),
    steps: path.steps.map((step) => ({
      documentId: step.document.code,
      taskIds: step.tasks.map((t) => t.id),
      level: step.level || null,
      relevance: step.relevance,
      newItemCount: step.newItems,
      coverageAfterStep: step.coverageAfterStep,
      readinessAfterStep: step.readinessAfterStep,
      reason: step.reason,
      closes: step.closes.map((c) => ({
        code: c.requirement.code,
        requirementId: c.requirement.competencyId,
        byId: c.competencyId,
        relation: RELATION_NAMES[c.relation],
        score: c.score,
        taskIds: c.requirement.taskIds ?? [],
      })),
    })),
  };
}

/** Neighbours kept per standard for career paths. */
const RESEMBLANCE_NEIGHBOURS = 8;

/**
 * Recomputes which current standards resemble which (RESEMBLES edges), from their competencies.
 * With `only`, just the neighbours of those documents: their edges are replaced, every other
 * document keeps its own (a new document joins another's neighbours through its own edges; a full
 * refresh, as `kg align` runs, trims every list back to its closest neighbours).
 */
export async function refreshResemblance(db: Database, only?: readonly string[]): Promise<number> {
  const documents = await readStandardCompetencies(db);
  const pairs = await readAllSimilarities(db, DEFAULT_ALIGN_THRESHOLD);
  if (only) {
    const rows = documentResemblance(documents, pairs, { minScore: DEFAULT_ALIGN_THRESHOLD, neighbours: RESEMBLANCE_NEIGHBOURS, only: new Set(only) });
    await replaceResemblancesOf(db, [...only], rows);
    return rows.length;
  }
  const rows = documentResemblance(documents, pairs, { minScore: DEFAULT_ALIGN_THRESHOLD, neighbours: RESEMBLANCE_NEIGHBOURS });
  await replaceResemblances(db, rows);
  return rows.length;
}

export interface CareerPathRequest {
  fromId: string;
  toId: string;
  maxHops: number;
  minSimilarity: number;
  maxLevelStep: number;
  keyLimit: number;
}

/** The smoothest chain of viable moves between two current standards, or null. */
export async function careerPathBetween(db: Database, request: CareerPathRequest): Promise<CareerPathRow | null> {
  const graph = await readCareerGraph(db, DEFAULT_ALIGN_THRESHOLD);
  const path = careerPath({
    from: request.fromId,
    to: request.toId,
    maxHops: request.maxHops,
    minSimilarity: request.minSimilarity,
    maxLevelStep: request.maxLevelStep,
    keyLimit: request.keyLimit,
    edges: graph.edges,
    similarity: graph.relations,
    minScore: DEFAULT_ALIGN_THRESHOLD,
    documents: graph.documents.map((d) => ({
      code: d.id,
      name: d.name,
      level: d.level,
      competencyIds: d.needs.map((n) => n.id),
      taskIds: new Map(d.needs.map((n) => [n.id, n.taskIds])),
    })),
  });
  if (!path) return null;
  return {
    totalCost: path.totalCost,
    hops: path.hops,
    steps: path.steps.map((s) => ({
      documentId: s.document.code,
      similarity: s.similarity,
      levelStep: s.levelStep,
      newCompetencyIds: s.newCompetencyIds,
      keyCompetencies: s.keyCompetencies,
    })),
  };
}
