// The curriculum questions: which competencies documents share, how much they overlap, which
// documents resemble one another. Reads through the repository, computes with src/analysis.
import { DEFAULT_ALIGN_THRESHOLD } from '../../analysis/alignment/index.js';
import { groupCompetencies, overlapMatrix, sharedGroups } from '../../analysis/shared-competencies.js';
import { rankSimilarDocuments } from '../../analysis/similar-documents.js';
import type { Database } from '../../db/query.js';
import type { OverlapRow, SharedCompetencyRow, SimilarDocumentRow } from './analysis.mappers.js';
import { readDocumentFrequencies, readDocumentMatches, readRequirements, readSimilarities } from './analysis.repository.js';

/** Knowledge and skills: what curricula teach (attitudes only when asked for). */
export const DEFAULT_KINDS = ['knowledge', 'skill'];

async function groupsFor(db: Database, documentIds: string[], kinds: string[], minScore: number) {
  const occurrences = await readRequirements(db, documentIds, kinds);
  const competencyIds = [...new Set(occurrences.map((o) => o.competencyId))];
  const edges = await readSimilarities(db, competencyIds, minScore);
  return groupCompetencies(occurrences, edges, minScore);
}

export async function sharedCompetencies(db: Database, documentIds: string[], kinds: string[], minScore: number): Promise<SharedCompetencyRow[]> {
  const groups = sharedGroups(await groupsFor(db, documentIds, kinds, minScore));
  return groups.map((group) => ({
    kind: group.kind,
    score: group.score,
    competencyIds: group.competencyIds,
    documentCount: group.documents.length,
    occurrences: group.occurrences.map((o) => ({ documentId: o.document, code: o.code, competencyId: o.competencyId, taskIds: o.taskIds })),
  }));
}

export async function overlap(db: Database, documentIds: string[], kinds: string[], minScore: number): Promise<OverlapRow> {
  const cells = overlapMatrix(documentIds, await groupsFor(db, documentIds, kinds, minScore));
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
  minScore: number = DEFAULT_ALIGN_THRESHOLD,
  first = 10,
): Promise<SimilarDocumentRow[]> {
  const own = await readDocumentFrequencies(db, documentId, kinds);
  const matches = await readDocumentMatches(db, documentId, kinds, minScore);
  const ranked = rankSimilarDocuments(own, matches, own[0]?.total ?? 0);
  return ranked.slice(0, first).map((r) => ({ documentId: r.document, score: r.score, shared: r.shared }));
}
