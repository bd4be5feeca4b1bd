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

export interface LearningGapRow {
  code: string;
  competencyId: string;
  closestId: string | null;
  closestScore: number | null;
}

export interface ClosedGapRow {
  code: string;
  requirementId: string;
  byId: string;
  score: number;
}

export interface LearningStepRow {
  documentId: string;
  level: number | null;
  coverageAfterStep: number;
  closes: ClosedGapRow[];
}

export interface LearningPathRow {
  targetId: string;
  minScore: number;
  coverageBefore: number;
  coverageAfter: number;
  gaps: LearningGapRow[];
  steps: LearningStepRow[];
  uncovered: LearningGapRow[];
}

export interface CareerStepRow {
  documentId: string;
  similarity: number | null;
  newCompetencyIds: string[];
}

export interface CareerPathRow {
  totalCost: number;
  hops: number;
  steps: CareerStepRow[];
}
