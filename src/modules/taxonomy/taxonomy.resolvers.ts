// Resolvers of schema/taxonomy.graphql: the occupation, industry and category hierarchies and the
// competency levels. No Cypher here.
import type { RequestContext } from '../context.js';
import type { Resolvers, StandardFilter, UnitFilter } from '../../generated/graphql.js';
import { keysetConnection, toGlobalId } from '../../relay.js';
import { codeArgument } from '../../arguments.js';
import { documentPageArgs } from '../document/document.filters.js';
import type { ClassificationRow } from './taxonomy.mappers.js';

type PageArguments<F> = { filter?: F | null; first?: number | null; after?: string | null };

/** Fields every classification resolves the same way, through the loaders of its own label. */
const classificationFields = {
  id: (row: ClassificationRow) => toGlobalId(row.nodeType, row.id),
  isProvisional: (row: ClassificationRow) => row.provisional,
  parent: (row: ClassificationRow, _args: unknown, { loaders }: RequestContext) => loaders.taxonomy[row.nodeType].parent.load(row.id),
  children: (row: ClassificationRow, _args: unknown, { loaders }: RequestContext) => loaders.taxonomy[row.nodeType].children.load(row.id),
  ancestors: (row: ClassificationRow, _args: unknown, { loaders }: RequestContext) => loaders.taxonomy[row.nodeType].ancestors.load(row.id),
  standards: async (row: ClassificationRow, { filter, first, after }: PageArguments<StandardFilter>, { loaders }: RequestContext) => {
    const scope = row.nodeType === 'Occupation' ? { occupation: row.id } : row.nodeType === 'Industry' ? { industry: row.id } : { category: row.id };
    const args = documentPageArgs(filter, { first, after }, scope);
    const page = await loaders.document.standardsPage.load('', args);
    return keysetConnection(page.items, page.total, args, (item) => item.id);
  },
};

const typeOf = (row: { nodeType: string }) => row.nodeType as never;

const lookup = (label: ClassificationRow['nodeType']) => (_parent: unknown, { code }: { code: string }, { loaders }: RequestContext) => {
  const key = codeArgument(code);
  return key ? loaders.taxonomy[label].byId.load(key) : null;
};

const level = (label: ClassificationRow['nodeType']) => (_parent: unknown, { parentCode }: { parentCode?: string | null }, { loaders }: RequestContext) => {
  const key = codeArgument(parentCode);
  return key ? loaders.taxonomy[label].children.load(key) : loaders.taxonomy[label].roots.load('');
};

export const taxonomyResolvers: Resolvers = {
  Query: {
    occupation: lookup('Occupation'),
    industry: lookup('Industry'),
    category: lookup('Category'),
    occupations: level('Occupation'),
    industries: level('Industry'),
    categories: level('Category'),
    competencyLevels: (_parent, _args, { loaders }) => loaders.taxonomy.levels.load(''),
  },
  Classification: { __resolveType: typeOf },
  Occupation: {
    ...classificationFields,
    isco08: (row) => (row.isco08 ? { code: row.isco08, match: row.isco08Match } : null),
  },
  Industry: classificationFields,
  Category: {
    ...classificationFields,
    units: async (row, { filter, first, after }: PageArguments<UnitFilter>, { loaders }) => {
      const args = documentPageArgs(filter, { first, after }, { category: row.id });
      const page = await loaders.document.unitsPage.load('', args);
      return keysetConnection(page.items, page.total, args, (item) => item.id);
    },
  },
  CompetencyLevel: {
    id: (row) => toGlobalId('CompetencyLevel', row.id),
  },
};
