import type { CompetencyKind, Resolvers } from '../../generated/graphql.js';
import type { RequestContext } from '../context.js';
import { DEFAULT_ALIGN_THRESHOLD } from '../../analysis/alignment/index.js';
import { badUserInput } from '../../errors.js';
import { fromGlobalId } from '../../relay.js';
import { DEFAULT_MAX_LEVEL_STEP, DEFAULT_MIN_MOVE_SIMILARITY } from '../../analysis/career-path.js';
import { DEFAULT_MAX_STEPS, DEFAULT_MIN_RELEVANCE } from '../../analysis/learning-path.js';
import * as analysis from './analysis.service.js';

const MAX_DOCUMENTS = 50;
const MAX_SIMILAR = 100;
const MAX_HELD = 500;
const MAX_HOPS = 8;
const MAX_STEPS = 10;
const MAX_LEVEL_STEP = 5;
const MAX_KEY_COMPETENCIES = 20;

const kindsOf = (kinds: readonly CompetencyKind[] | null | undefined): string[] =>
  kinds && kinds.length > 0 ? kinds.map((k) => k.toLowerCase()) : analysis.DEFAULT_KINDS;

function checkScore(minScore: number | null | undefined, fallback: number, name = 'minScore'): number {
  const score = minScore ?? fallback;
  if (!(score >= 0 && score <= 1)) throw badUserInput(`${name} must be between 0 and 1; got ${score}.`, name);
  return score;
}

function checkCount(value: number | null | undefined, fallback: number, min: number, max: number, name: string): number {
  const count = value ?? fallback;
  if (!(count >= min && count <= max)) throw badUserInput(`${name} must be between ${min} and ${max}; got ${count}.`, name);
  return count;
}

/** Exact and equivalent wording by default; narrower wording on request. */
function sharingRule(minScore: number | null | undefined, includeNarrower: boolean | null | undefined): analysis.SharingRule {
  return { minScore: checkScore(minScore, DEFAULT_ALIGN_THRESHOLD), includeNarrower: includeNarrower ?? false };
}

/** Two to MAX_DOCUMENTS codes; whether each names a document is checked where they are read. */
function checkCodeCount(codes: readonly string[]): readonly string[] {
  if (codes.length < 2 || codes.length > MAX_DOCUMENTS) {
    throw badUserInput(`Give between 2 and ${MAX_DOCUMENTS} document codes; got ${codes.length}.`, 'codes');
  }
  return codes;
}

export const analysisResolvers: Resolvers = {
  Query: {
    sharedCompetencies: async (_parent, { codes, kinds, minScore, includeNarrower }, context) => {
      const { groups, entities } = await analysis.sharedCompetencies(context.db, checkCodeCount(codes), kindsOf(kinds), sharingRule(minScore, includeNarrower));
      context.loaders.graph.remember(entities);
      return groups;
    },
    overlap: async (_parent, { codes, kinds, minScore, includeNarrower }, context) => {
      const { overlap, entities } = await analysis.overlap(context.db, checkCodeCount(codes), kindsOf(kinds), sharingRule(minScore, includeNarrower));
      context.loaders.graph.remember(entities);
      return overlap;
    },
    similarDocuments: async (_parent, { code, first, minScore, kinds, includeNarrower }, context) => {
      const size = first ?? 10;
      if (size < 1 || size > MAX_SIMILAR) throw badUserInput(`first must be between 1 and ${MAX_SIMILAR}; got ${size}.`, 'first');
      const document = await context.loaders.document.documentByCode.load(code);
      if (!document) return null;
      return analysis.similarDocuments(context.db, document.id, kindsOf(kinds), sharingRule(minScore, includeNarrower), size);
    },
    learningPath: async (_parent, { input }, context) => {
      const minScore = checkScore(input.minScore, DEFAULT_ALIGN_THRESHOLD);
      const minRelevance = checkScore(input.minRelevance, DEFAULT_MIN_RELEVANCE, 'minRelevance');
      const maxSteps = checkCount(input.maxSteps, DEFAULT_MAX_STEPS, 1, MAX_STEPS, 'maxSteps');
      const from = input.from ?? [];
      const have = input.have ?? [];
      if (from.length > MAX_DOCUMENTS) throw badUserInput(`At most ${MAX_DOCUMENTS} documents in \`from\`; got ${from.length}.`, 'input.from');
      if (have.length > MAX_HELD) throw badUserInput(`At most ${MAX_HELD} competencies in \`have\`; got ${have.length}.`, 'input.have');
      const target = await context.loaders.document.documentByCode.load(input.to);
      if (!target) return null;
      const held = await context.loaders.document.documentByCode.loadMany(from);
      const unknown = from.filter((_, i) => !held[i]);
      if (unknown.length > 0) throw badUserInput(`Unknown document code(s) in \`from\`: ${unknown.join(', ')}.`, 'input.from');
      return analysis.learningPathTo(context.db, {
        targetId: target.id,
        heldDocumentIds: held.map((d) => d!.id),
        // Global ids (`Skill:溝通協調能力`) or graph ids (`skill:溝通協調能力`) both work.
        heldCompetencyIds: have.map((id) => fromGlobalId(id)?.graphId ?? id),
        minScore,
        minRelevance,
        maxSteps,
      });
    },
    careerPath: async (_parent, args, context) => {
      const request = {
        maxHops: checkCount(args.maxHops, 4, 1, MAX_HOPS, 'maxHops'),
        minSimilarity: checkScore(args.minSimilarity, DEFAULT_MIN_MOVE_SIMILARITY, 'minSimilarity'),
        maxLevelStep: checkCount(args.maxLevelStep, DEFAULT_MAX_LEVEL_STEP, 0, MAX_LEVEL_STEP, 'maxLevelStep'),
        keyLimit: checkCount(args.keyCompetencies, 5, 1, MAX_KEY_COMPETENCIES, 'keyCompetencies'),
      };
      const [start, end] = await context.loaders.document.documentByCode.loadMany([args.from, args.to]);
      if (!start || start instanceof Error || !end || end instanceof Error) return null;
      return analysis.careerPathBetween(context.db, { fromId: start.id, toId: end.id, ...request });
    },
  },
  LearningPath: {
    target: (row, _args, { loaders }) => loaders.document.documentById.load(row.targetId).then(required(row.targetId)),
  },
  LearningGap: {
    competency: (row, _args, { loaders }) => loaders.competency.competencyById.load(row.competencyId).then(required(row.competencyId)),
    closest: (row, _args, { loaders }) => (row.closestId ? loaders.competency.competencyById.load(row.closestId) : null),
    tasks: (row, _args, { loaders }) => loaders.document.taskById.loadMany(row.taskIds).then(nonNull),
  },
  TaskGaps: {
    task: (row, _args, { loaders }) => loaders.document.taskById.load(row.taskId).then(required(row.taskId)),
  },
  HeldRequirement: {
    requirement: (row, _args, { loaders }) => loaders.competency.competencyById.load(row.requirementId).then(required(row.requirementId)),
    by: (row, _args, { loaders }) => loaders.competency.competencyById.load(row.byId).then(required(row.byId)),
  },
  Disposition: {
    competency: (row, _args, { loaders }) => loaders.competency.competencyById.load(row.competencyId).then(required(row.competencyId)),
  },
  LearningStep: {
    document: (row, _args, { loaders }) => loaders.document.documentById.load(row.documentId).then(required(row.documentId)),
    tasks: (row, _args, { loaders }) => loaders.document.taskById.loadMany(row.taskIds).then(nonNull),
  },
  ClosedGap: {
    requirement: (row, _args, { loaders }) => loaders.competency.competencyById.load(row.requirementId).then(required(row.requirementId)),
    by: (row, _args, { loaders }) => loaders.competency.competencyById.load(row.byId).then(required(row.byId)),
    tasks: (row, _args, { loaders }) => loaders.document.taskById.loadMany(row.taskIds).then(nonNull),
  },
  CareerStep: {
    document: (row, _args, { loaders }) => loaders.document.documentById.load(row.documentId).then(required(row.documentId)),
    newCount: (row) => (row.similarity === null ? 0 : row.newCompetencyIds.length),
    newCompetencies: (row, _args, { loaders }) => loaders.competency.competencyById.loadMany(row.newCompetencyIds).then(nonNull),
  },
  KeyCompetency: {
    competency: (row, _args, { loaders }) => loaders.competency.competencyById.load(row.competencyId).then(required(row.competencyId)),
    taskCount: (row) => row.taskIds.length,
    tasks: (row, _args, { loaders }) => loaders.document.taskById.loadMany(row.taskIds).then(nonNull),
  },
  SharedCompetency: {
    kind: (row) => row.kind.toUpperCase() as CompetencyKind,
    competencies: (row, _args, { loaders }) => loaders.competency.competencyById.loadMany(row.competencyIds).then(nonNull),
  },
  CompetencyOccurrence: {
    document: (row, _args, { loaders }) => loaders.document.documentById.load(row.documentId).then(required(row.documentId)),
    competency: (row, _args, { loaders }) => loaders.competency.competencyById.load(row.competencyId).then(required(row.competencyId)),
    tasks: (row, _args, { loaders }) => loaders.document.taskById.loadMany(row.taskIds).then(nonNull),
  },
  Overlap: {
    documents: (row, _args, { loaders }) => loaders.document.documentById.loadMany(row.documentIds).then(nonNull),
  },
  OverlapPair: {
    a: (row, _args, { loaders }) => loaders.document.documentById.load(row.a).then(required(row.a)),
    b: (row, _args, { loaders }) => loaders.document.documentById.load(row.b).then(required(row.b)),
  },
  SimilarDocument: {
    document: (row, _args, { loaders }) => loaders.document.documentById.load(row.documentId).then(required(row.documentId)),
  },
  CompetencyMatch: {
    competency: (row, _args, { loaders }) => loaders.competency.competencyById.load(row.competencyId).then(required(row.competencyId)),
    matchedBy: (row, _args, { loaders }) => loaders.competency.competencyById.load(row.matchedById).then(required(row.matchedById)),
  },
};

function nonNull<T>(values: Array<T | null>): T[] {
  return values.filter((v): v is T => v !== null);
}

/** The ids come from the graph a moment ago; a missing one means it was deleted meanwhile. */
function required<T>(id: string): (value: T | null) => T {
  return (value) => {
    if (value === null) throw new Error(`${id} disappeared while the request was being answered`);
    return value;
  };
}
