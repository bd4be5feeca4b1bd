// Row types of the analysis module. They carry ids; the resolvers turn them into documents,
// competencies and tasks through the request's loaders, so nested fields stay batched.

export interface OccurrenceRow {
  documentId: string;
  code: string;
  competencyId: string;
  taskIds: string[];
}

export interface SharedCompetencyRow {
  kind: string;
  score: number;
  competencyIds: string[];
  documentCount: number;
  occurrences: OccurrenceRow[];
}

export interface OverlapPairRow {
  a: string;
  b: string;
  sharedCount: number;
  similarity: number;
}

export interface OverlapRow {
  documentIds: string[];
  pairs: OverlapPairRow[];
  matrix: number[][];
}

export interface CompetencyMatchRow {
  competencyId: string;
  matchedById: string;
  score: number;
}

export interface SimilarDocumentRow {
  documentId: string;
  score: number;
  shared: CompetencyMatchRow[];
}
