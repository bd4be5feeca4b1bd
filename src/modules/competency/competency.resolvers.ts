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
import type { CompetencyRow } from '../../graph/competency-row.js';
import { roleRequirements } from './role-requirements.js';

const kindValue = (kind: CompetencyKind): StoredKind => kind.toLowerCase() as StoredKind;

/** Fields Knowledge, Skill and Attitude resolve the same way. */
const competencyFields = {
  id: (row: CompetencyRow) => toGlobalId(row.nodeType, row.id),
  kind: (row: CompetencyRow) => row.kind.toUpperCase() as CompetencyKind,
  notes: (row: CompetencyRow, _args: unknown, { loaders }: RequestContext) => loaders.competency.notes.load(row.id),
  requiredBy: async (row: CompetencyRow, args: { first?: number | null; after?: string | null }, { loaders }: RequestContext) => {
    const page = keysetPage(args);
    const result = await loaders.competency.requiredBy.load(row.id, page);
    return keysetConnection(
      result.items,
      result.total,
      page,
      (item) => item.node.id,
      (item, cursor) => ({ node: item.node, code: item.code, cursor }),
    );
  },
  similar: (
    row: CompetencyRow,
    args: { minScore?: number | null; first?: number | null; relations?: readonly CompetencyRelation[] | null },
    context: RequestContext,
  ) => relationsOf(row, args.relations && args.relations.length > 0 ? args.relations : ['EQUIVALENT'], args, context),
  equivalents: (row: CompetencyRow, args: { first?: number | null }, context: RequestContext) => relationsOf(row, ['EQUIVALENT'], args, context),
  broader: (row: CompetencyRow, args: { first?: number | null }, context: RequestContext) => relationsOf(row, ['BROADER'], args, context),
  narrower: (row: CompetencyRow, args: { first?: number | null }, context: RequestContext) => relationsOf(row, ['NARROWER'], args, context),
  related: (row: CompetencyRow, args: { first?: number | null }, context: RequestContext) => relationsOf(row, ['RELATED'], args, context),
};

/** The competencies related to `row` by the given relations, strongest first. */
function relationsOf(
  row: CompetencyRow,
  relations: readonly CompetencyRelation[],
  args: { minScore?: number | null; first?: number | null },
  { loaders }: RequestContext,
) {
  const minScore = args.minScore ?? 0;
  const first = args.first ?? 20;
  if (!(minScore >= 0 && minScore <= 1)) throw badUserInput(`\`minScore\` must be between 0 and 1; got ${minScore}.`, 'minScore');
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badUserInput(`\`first\` must be between 0 and ${MAX_PAGE_SIZE}; got ${first}.`, 'first');
  }
  return loaders.competency.similar.load(row.id, { minScore, first, relations: relations.map((r) => r.toLowerCase() as RelationValue) });
}

const typeOf = (row: { nodeType: string }) => row.nodeType as never;

export const competencyResolvers: Resolvers = {
  Query: {
    competency: (_parent, { kind, name }, { loaders }) => {
      const value = kindValue(kind);
      return name.trim() ? loaders.competency.competencyById.load(`${value}:${competencyKey(value, name)}`) : null;
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
