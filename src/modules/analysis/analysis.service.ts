// The curriculum questions: which competencies documents share, how much they overlap, which
// documents resemble one another. Reads through the repository, computes with src/analysis.
import { DEFAULT_ALIGN_THRESHOLD } from '../../analysis/alignment/index.js';
import { groupCompetencies, overlapMatrix, sharedGroups } from '../../analysis/shared-competencies.js';
import { careerPath } from '../../analysis/career-path.js';
import { documentResemblance } from '../../analysis/document-resemblance.js';
import { learningPath } from '../../analysis/learning-path.js';
import { rankSimilarDocuments } from '../../analysis/similar-documents.js';
import type { Database } from '../../db/query.js';
import type { CareerPathRow, LearningPathRow, OverlapRow, SharedCompetencyRow, SimilarDocumentRow } from './analysis.mappers.js';
import {
  readAllSimilarities,
  readCareerGraph,
  readDocumentFrequencies,
  readDocumentMatches,
  readLearningData,
  readRequirements,
  readSimilarities,
  readStandardCompetencies,
  replaceResemblances,
  type SharingRule,
} from './analysis.repository.js';

export type { SharingRule } from './analysis.repository.js';

/** Knowledge and skills: what curricula teach (attitudes only when asked for). */
export const DEFAULT_KINDS = ['knowledge', 'skill'];

async function groupsFor(db: Database, documentIds: string[], kinds: string[], rule: SharingRule) {
  const occurrences = await readRequirements(db, documentIds, kinds);
  const competencyIds = [...new Set(occurrences.map((o) => o.competencyId))];
  const edges = await readSimilarities(db, competencyIds, rule);
  return groupCompetencies(occurrences, edges, rule.minScore);
}

export async function sharedCompetencies(db: Database, documentIds: string[], kinds: string[], rule: SharingRule): Promise<SharedCompetencyRow[]> {
  const groups = sharedGroups(await groupsFor(db, documentIds, kinds, rule));
  return groups.map((group) => ({
    kind: group.kind,
    score: group.score,
    competencyIds: group.competencyIds,
    documentCount: group.documents.length,
    occurrences: group.occurrences.map((o) => ({ documentId: o.document, code: o.code, competencyId: o.competencyId, taskIds: o.taskIds })),
  }));
}

export async function overlap(db: Database, documentIds: string[], kinds: string[], rule: SharingRule): Promise<OverlapRow> {
  const cells = overlapMatrix(documentIds, await groupsFor(db, documentIds, kinds, rule));
  const index = new Map(documentIds.map((id, i) => [id, i]));
  const matrix: number[][] = documentIds.map((_, i) => documentIds.map((__, j) => (i === j ? 1 : 0)));
  for (const cell of cells) {
    const i = index.get(cell.a)!;
    const j = index.get(cell.b)!;
    matrix[i]![j] = cell.similarity;
    matrix[j]![i] = cell.similarity;
  }
  return {
    documentIds,
    pairs: cells.map((c) => ({ a: c.a, b: c.b, sharedCount: c.shared, similarity: c.similarity })),
    matrix,
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
}

/** The learning path to a target: gaps, the documents that close them (greedy cover), coverage. */
export async function learningPathTo(db: Database, request: LearningPathRequest): Promise<LearningPathRow> {
  const data = await readLearningData(db, request.targetId, request.heldDocumentIds, request.heldCompetencyIds, request.minScore);
  const path = learningPath({
    targetCode: request.targetId,
    requirements: data.requirements,
    held: data.held,
    similarity: data.similarities,
    minScore: request.minScore,
    candidates: data.candidates,
  });
  const gapRow = (gap: { requirement: { code: string; competencyId: string }; closest: { competencyId: string; score: number } | null }) => ({
    code: gap.requirement.code,
    competencyId: gap.requirement.competencyId,
    closestId: gap.closest?.competencyId ?? null,
    closestScore: gap.closest?.score ?? null,
  });
  const uncovered = new Set(path.uncovered.map((r) => r.competencyId));
  return {
    targetId: request.targetId,
    minScore: request.minScore,
    coverageBefore: path.coverageBefore,
    coverageAfter: path.coverageAfter,
    gaps: path.gaps.map(gapRow),
    uncovered: path.gaps.filter((g) => uncovered.has(g.requirement.competencyId)).map(gapRow),
    steps: path.steps.map((step) => ({
      documentId: step.document.code,
      level: step.document.level || null,
      coverageAfterStep: step.coverageAfterStep,
      closes: step.closes.map((c) => ({ code: c.requirement.code, requirementId: c.requirement.competencyId, byId: c.competencyId, score: c.score })),
    })),
  };
}

/** Neighbours kept per standard for career paths. */
const RESEMBLANCE_NEIGHBOURS = 8;

/** Recomputes which current standards resemble which (RESEMBLES edges), from their competencies. */
export async function refreshResemblance(db: Database): Promise<number> {
  const documents = await readStandardCompetencies(db);
  const pairs = await readAllSimilarities(db, DEFAULT_ALIGN_THRESHOLD);
  const rows = documentResemblance(documents, pairs, { minScore: DEFAULT_ALIGN_THRESHOLD, neighbours: RESEMBLANCE_NEIGHBOURS });
  await replaceResemblances(db, rows);
  return rows.length;
}

/** The smoothest chain of current standards between two of them, or null. */
export async function careerPathBetween(db: Database, fromId: string, toId: string, maxHops: number): Promise<CareerPathRow | null> {
  const graph = await readCareerGraph(db);
  const path = careerPath({
    from: fromId,
    to: toId,
    maxHops,
    edges: graph.edges,
    documents: graph.documents.map((d) => ({ code: d.id, name: d.name, level: d.level, competencyIds: d.competencyIds })),
  });
  if (!path) return null;
  return {
    totalCost: path.totalCost,
    hops: path.hops,
    steps: path.steps.map((s) => ({ documentId: s.document.code, similarity: s.similarity, newCompetencyIds: s.newCompetencyIds })),
  };
}
