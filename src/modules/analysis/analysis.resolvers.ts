import type { CompetencyKind, Resolvers } from '../../generated/graphql.js';
import type { RequestContext } from '../../context.js';
import { badUserInput } from '../../errors.js';
import * as analysis from './analysis.service.js';

const MAX_DOCUMENTS = 50;
const MAX_SIMILAR = 100;

const kindsOf = (kinds: readonly CompetencyKind[] | null | undefined): string[] =>
  kinds && kinds.length > 0 ? kinds.map((k) => k.toLowerCase()) : analysis.DEFAULT_KINDS;

function checkScore(minScore: number | null | undefined, fallback: number): number {
  const score = minScore ?? fallback;
  if (!(score >= 0 && score <= 1)) throw badUserInput(`minScore must be between 0 and 1; got ${score}.`, 'minScore');
  return score;
}

/** Full or base codes -> current document ids; an unknown code is the caller's mistake here. */
async function resolveDocuments(codes: readonly string[], context: RequestContext): Promise<string[]> {
  if (codes.length < 2 || codes.length > MAX_DOCUMENTS) {
    throw badUserInput(`Give between 2 and ${MAX_DOCUMENTS} document codes; got ${codes.length}.`, 'codes');
  }
  const documents = await context.loaders.document.documentByCode.loadMany(codes);
  const unknown = codes.filter((_, i) => !documents[i]);
  if (unknown.length > 0) throw badUserInput(`Unknown document code(s): ${unknown.join(', ')}.`, 'codes');
  return [...new Set(documents.map((d) => d!.id))];
}

export const analysisResolvers: Resolvers = {
  Query: {
    sharedCompetencies: async (_parent, { codes, kinds, minScore }, context) =>
      analysis.sharedCompetencies(context.db, await resolveDocuments(codes, context), kindsOf(kinds), checkScore(minScore, 1)),
    overlap: async (_parent, { codes, kinds, minScore }, context) =>
      analysis.overlap(context.db, await resolveDocuments(codes, context), kindsOf(kinds), checkScore(minScore, 1)),
    similarDocuments: async (_parent, { code, first, minScore, kinds }, context) => {
      const size = first ?? 10;
      if (size < 1 || size > MAX_SIMILAR) throw badUserInput(`first must be between 1 and ${MAX_SIMILAR}; got ${size}.`, 'first');
      const document = await context.loaders.document.documentByCode.load(code);
      if (!document) return null;
      return analysis.similarDocuments(context.db, document.id, kindsOf(kinds), checkScore(minScore, 0.5), size);
    },
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
