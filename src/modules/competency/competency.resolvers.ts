// Resolvers of schema/competency.graphql: competencies, what requires them, their similar
// competencies, and role requirements. No Cypher here.
import { competencyKey, type CompetencyKind as StoredKind } from '../../graph/competency-key.js';
import type { RequestContext } from '../context.js';
import { badUserInput } from '../../errors.js';
import type { CompetencyKind, CompetencyRelation, Resolvers } from '../../generated/graphql.js';
import type { RelationValue } from './competency.repository.js';
import { foldSurface } from '../../graph/competency-key.js';
import { keysetConnection, keysetPage, MAX_PAGE_SIZE, toGlobalId } from '../../relay.js';
import { textArgument } from '../../arguments.js';
import { COMPETENCY_NODE_TYPE, type CompetencyRow } from '../../graph/competency-row.js';
import { roleRequirements } from './role-requirements.js';
import { prefetchSelection, resolversById, type FieldLoad } from '../prefetch.js';
import { selectionOf, type FieldSelection } from '../selection.js';
import { documentReadFor } from '../document/document.mappers.js';
import type { GraphQLResolveInfo } from 'graphql';

const kindValue = (kind: CompetencyKind): StoredKind => kind.toLowerCase() as StoredKind;

type RelationArgs = { minScore?: number | null; first?: number | null; relations?: readonly CompetencyRelation[] | null };

/**
 * What the relationship fields of a competency load, by the competency's id: shared by the field
 * resolvers and by `competency(kind, name)`, which starts them with its own read (prefetch.ts).
 */
const competencyLoads = {
  notes: (id: string, _args: unknown, { loaders }: RequestContext) => loaders.competency.notes.load(id),
  requiredBy: (id: string, args: { first?: number | null; after?: string | null }, { loaders }: RequestContext, selection: FieldSelection) =>
    loaders.competency.requiredBy.load(id, { ...keysetPage(args), read: documentReadFor(selection, ['edges', 'node']) }),
  similar: (id: string, args: RelationArgs, context: RequestContext) =>
    relationsOf(id, args.relations && args.relations.length > 0 ? args.relations : ['EQUIVALENT'], args, context),
  equivalents: (id: string, args: RelationArgs, context: RequestContext) => relationsOf(id, ['EQUIVALENT'], args, context),
  broader: (id: string, args: RelationArgs, context: RequestContext) => relationsOf(id, ['BROADER'], args, context),
  narrower: (id: string, args: RelationArgs, context: RequestContext) => relationsOf(id, ['NARROWER'], args, context),
  related: (id: string, args: RelationArgs, context: RequestContext) => relationsOf(id, ['RELATED'], args, context),
} satisfies Record<string, FieldLoad>;

/** Fields Knowledge, Skill and Attitude resolve the same way. */
const competencyFields = {
  ...resolversById(competencyLoads),
  id: (row: CompetencyRow) => toGlobalId(row.nodeType, row.id),
  kind: (row: CompetencyRow) => row.kind.toUpperCase() as CompetencyKind,
  requiredBy: async (row: CompetencyRow, args: { first?: number | null; after?: string | null }, context: RequestContext, info: GraphQLResolveInfo) => {
    const page = keysetPage(args);
    const result = await competencyLoads.requiredBy(row.id, args, context, selectionOf(info));
    return keysetConnection(
      result.items,
      result.total,
      page,
      (item) => item.node.id,
      (item, cursor) => ({ node: item.node, code: item.code, cursor }),
    );
  },
};

/** The competencies related to competency `id` by the given relations, strongest first. */
function relationsOf(id: string, relations: readonly CompetencyRelation[], args: { minScore?: number | null; first?: number | null }, { loaders }: RequestContext) {
  const minScore = args.minScore ?? 0;
  const first = args.first ?? 20;
  if (!(minScore >= 0 && minScore <= 1)) throw badUserInput(`\`minScore\` must be between 0 and 1; got ${minScore}.`, 'minScore');
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badUserInput(`\`first\` must be between 0 and ${MAX_PAGE_SIZE}; got ${first}.`, 'first');
  }
  return loaders.competency.similar.load(id, { minScore, first, relations: relations.map((r) => r.toLowerCase() as RelationValue) });
}

/** Competency rows carry their GraphQL type. */
const typeOf = (row: { nodeType: string }) => row.nodeType as never;

export const competencyResolvers: Resolvers = {
  Query: {
    competency: (_parent, { kind, name }, context, info) => {
      const value = kindValue(kind);
      if (!name.trim()) return null;
      const id = `${value}:${competencyKey(value, name)}`;
      const row = context.loaders.competency.competencyById.load(id);
      prefetchSelection(info, COMPETENCY_NODE_TYPE[value], id, competencyLoads, context);
      return row;
    },
    competencies: async (_parent, { kind, text, first, after }, { loaders }) => {
      const page = keysetPage({ first, after });
      const literal = textArgument(text, 'text');
      const result = await loaders.competency.competenciesPage.load('', {
        kind: kind ? kindValue(kind) : null,
        text: literal === null ? null : literal.toLowerCase(),
        key: literal === null ? null : foldSurface(literal) || literal.toLowerCase(),
        ...page,
      });
      return keysetConnection(result.items, result.total, page, (row) => row.id);
    },
    roleRequirements: async (_parent, args, { db, loaders }) => {
      const answer = await roleRequirements(db, args);
      loaders.graph.remember([answer.standards, answer.tasks, answer.outputs]);
      return answer;
    },
  },
  Competency: { __resolveType: typeOf },
  Requirer: { __resolveType: typeOf },
  Knowledge: competencyFields,
  Skill: competencyFields,
  Attitude: competencyFields,
  CompetencySimilarity: {
    relation: (row) => row.relation.toUpperCase() as CompetencyRelation,
  },
};
