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

/** How a matching competency relates to a requirement, as GraphQL names it; null for the same one. */
export type RelationName = 'EQUIVALENT' | 'BROADER' | 'NARROWER' | 'RELATED' | null;

export interface LearningGapRow {
  code: string;
  competencyId: string;
  status: 'PARTLY_HELD' | 'MISSING';
  closestId: string | null;
  closestRelation: RelationName;
  closestScore: number | null;
  taskIds: string[];
  uncoveredReason: 'NOT_TAUGHT' | 'NO_RELEVANT_STEP' | 'BEYOND_PLAN' | null;
}

export interface HeldRequirementRow {
  code: string;
  requirementId: string;
  byId: string;
  relation: RelationName;
  score: number;
}

export interface TaskGapsRow {
  taskId: string;
  missing: LearningGapRow[];
  partlyHeld: LearningGapRow[];
  held: HeldRequirementRow[];
}

export interface DispositionRow {
  code: string;
  competencyId: string;
  description: string | null;
  isHeld: boolean;
}

export interface ClosedGapRow {
  code: string;
  requirementId: string;
  byId: string;
  relation: RelationName;
  score: number;
  taskIds: string[];
}

export interface LearningStepRow {
  documentId: string;
  taskIds: string[];
  level: number | null;
  relevance: number;
  newItemCount: number;
  coverageAfterStep: number;
  readinessAfterStep: number | null;
  reason: string;
  closes: ClosedGapRow[];
}

export interface LearningPathRow {
  targetId: string;
  minScore: number;
  minRelevance: number;
  coverageBefore: number;
  coverageAfter: number;
  readiness: number | null;
  readinessAfter: number | null;
  gaps: LearningGapRow[];
  taskGaps: TaskGapsRow[];
  dispositions: DispositionRow[];
  steps: LearningStepRow[];
  uncovered: LearningGapRow[];
}

export interface KeyCompetencyRow {
  competencyId: string;
  taskIds: string[];
}

export interface CareerStepRow {
  documentId: string;
  similarity: number | null;
  levelStep: number | null;
  newCompetencyIds: string[];
  keyCompetencies: KeyCompetencyRow[];
}

export interface CareerPathRow {
  totalCost: number;
  hops: number;
  steps: CareerStepRow[];
}
