// Resolvers of schema/document.graphql: they translate rows into GraphQL shapes and follow
// relationships through the request's loaders. No Cypher here.
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../context.js';
import type { Resolvers, StandardKind } from '../../generated/graphql.js';
import { keysetConnection, toGlobalId } from '../../relay.js';
import type { DocumentRow, RequirementRow, TaskRow } from './document.mappers.js';
import { documentOfLocalId } from './document.mappers.js';
import { codeArgument } from '../../arguments.js';
import { documentPageArgs } from './document.filters.js';
import { loadNode } from '../../graph/node.js';
import { prefetchSelection, resolversById, type FieldLoad } from '../prefetch.js';
import { selects, type FieldSelection } from '../selection.js';

/** A code with its version (`BLM2421-007v4`) is the document's id; a base code is resolved first. */
const FULL_CODE = /v\d+$/;

const STANDARD_KIND: Record<string, StandardKind> = { 職業: 'OCCUPATION', 職類: 'JOB_CATEGORY' };

const levelOf = (level: number | null, { loaders }: RequestContext) =>
  level === null ? null : loaders.taxonomy.levelById.load(`level:${level}`);

/** A field load that asks one of the document module's loaders for the parent's id. */
const byId =
  <Row>(pick: (loaders: RequestContext['loaders']['document']) => { load(id: string): Promise<Row> }) =>
  (id: string, _args: unknown, { loaders }: RequestContext): Promise<Row> =>
    pick(loaders.document).load(id);

/**
 * What the relationship fields of a standard or unit load, by the document's id (its code): shared
 * by the field resolvers and by `standard(code)` / `unit(code)`, which start them with their own
 * read (prefetch.ts).
 */
const documentLoads = {
  category: byId((l) => l.category),
  tasks: byId((l) => l.documentTasks),
  knowledge: byId((l) => l.documentKnowledge),
  skills: byId((l) => l.documentSkills),
  supersedes: byId((l) => l.supersedes),
  supersededBy: byId((l) => l.supersededBy),
} satisfies Record<string, FieldLoad>;

const standardLoads = {
  ...documentLoads,
  occupations: byId((l) => l.occupations),
  industries: byId((l) => l.industries),
  responsibilities: (id: string, _args: unknown, { loaders }: RequestContext, selection: FieldSelection) =>
    loaders.document.responsibilities.load(id, {
      outputs: selects(selection, ['tasks', 'outputs']),
      indicators: selects(selection, ['tasks', 'indicators']),
    }),
  attitudes: byId((l) => l.documentAttitudes),
} satisfies Record<string, FieldLoad>;

const unitLoads = {
  ...documentLoads,
  notes: byId((l) => l.unitNotes),
} satisfies Record<string, FieldLoad>;

/** Fields Standard and Unit resolve the same way. */
const documentFields = {
  id: (row: DocumentRow) => toGlobalId(row.nodeType, row.id),
  competencyLevel: (row: DocumentRow, _args: unknown, context: RequestContext) => levelOf(row.level, context),
  versions: (row: DocumentRow, _args: unknown, { loaders }: RequestContext) => loaders.document.versions.load(row.baseCode),
};

const typeOf = (row: { nodeType: string }) => row.nodeType as never;

/** A task's K or S: its document's requirements under the codes the task lists. */
async function taskRequirements(task: TaskRow, documentRequirements: Promise<RequirementRow[]>, { loaders }: RequestContext): Promise<RequirementRow[]> {
  // A task read without its codes (e.g. a search hit) takes them from its document's tasks.
  const codes = task.codes ? new Set(task.codes) : ((await loaders.document.taskNeeds.load(task.document)).byTask.get(task.id) ?? new Set<string>());
  return codes.size === 0 ? [] : (await documentRequirements).filter((requirement) => codes.has(requirement.code));
}

/**
 * `standard(code)` / `unit(code)`: the document of that code if it is of that type. A full code is
 * the document's id, so the selected relationship fields start loading with the document itself.
 */
async function documentByCode(
  type: 'Standard' | 'Unit',
  loads: Record<string, FieldLoad>,
  code: string,
  context: RequestContext,
  info: GraphQLResolveInfo,
): Promise<DocumentRow | null> {
  const key = codeArgument(code);
  if (!key) return null;
  const reading = context.loaders.document.documentByCode.load(key);
  if (FULL_CODE.test(key)) prefetchSelection(info, type, key, loads, context);
  const row = await reading;
  return row?.nodeType === type ? row : null;
}

export const documentResolvers: Resolvers = {
  Query: {
    node: (_parent, { id }, { loaders }) => loadNode(loaders.graph, id) as never,
    standard: (_parent, { code }, context, info) => documentByCode('Standard', standardLoads, code, context, info),
    unit: (_parent, { code }, context, info) => documentByCode('Unit', unitLoads, code, context, info),
    standards: async (_parent, { filter, first, after }, { loaders }) => {
      const args = documentPageArgs(filter, { first, after });
      const page = await loaders.document.standardsPage.load('', args);
      return keysetConnection(page.items, page.total, args, (row) => row.id);
    },
    units: async (_parent, { filter, first, after }, { loaders }) => {
      const args = documentPageArgs(filter, { first, after });
      const page = await loaders.document.unitsPage.load('', args);
      return keysetConnection(page.items, page.total, args, (row) => row.id);
    },
  },
  Node: { __resolveType: typeOf },
  Document: { __resolveType: typeOf },
  Standard: {
    ...documentFields,
    ...resolversById(standardLoads),
    kind: (row) => (row.kind ? (STANDARD_KIND[row.kind] ?? null) : null),
    glossary: (row) => row.glossaryTerms.map((term, index) => ({ term, definition: row.glossaryDefinitions[index] ?? '' })),
  },
  Unit: {
    ...documentFields,
    ...resolversById(unitLoads),
    assessment: (row) => ({
      keyEvidence: row.assessmentKeyEvidence,
      contextAndResources: row.assessmentContext,
      methods: row.assessmentMethods,
    }),
  },
  Responsibility: {
    id: (row) => toGlobalId('Responsibility', row.id),
    standard: async (row, _args, { loaders }) => (await loaders.document.documentById.load(documentOfLocalId(row.id)))!,
    tasks: (row, _args, { loaders }) => row.tasks ?? loaders.document.responsibilityTasks.load(row.id),
  },
  Task: {
    id: (row) => toGlobalId('Task', row.id),
    competencyLevel: (row, _args, context) => levelOf(row.level, context),
    document: async (row, _args, { loaders }) => (await loaders.document.documentById.load(row.document))!,
    responsibility: (row, _args, { loaders }) => loaders.document.taskResponsibility.load(row.id),
    indicators: (row, _args, { loaders }) => row.indicators ?? loaders.document.taskIndicators.load(row.id),
    outputs: (row, _args, { loaders }) => row.outputs ?? loaders.document.taskOutputs.load(row.id),
    knowledge: (row, _args, context) => taskRequirements(row, context.loaders.document.documentKnowledge.load(row.document), context),
    skills: (row, _args, context) => taskRequirements(row, context.loaders.document.documentSkills.load(row.document), context),
  },
  Indicator: {
    id: (row) => toGlobalId('Indicator', row.id),
    notes: (row, _args, { loaders }) => loaders.document.indicatorNotes.load(row.id),
    task: async (row, _args, { loaders }) => (await loaders.document.indicatorTask.load(row.id))!,
  },
  Output: {
    id: (row) => toGlobalId('Output', row.id),
    task: async (row, _args, { loaders }) => (await loaders.document.outputTask.load(row.id))!,
  },
  Note: {
    id: (row) => toGlobalId('Note', row.id),
    document: async (row, _args, { loaders }) => (await loaders.document.documentById.load(documentOfLocalId(row.id)))!,
  },
  CompetencyRequirement: {
    tasks: async (row, _args, { loaders }): Promise<TaskRow[]> =>
      (await loaders.document.taskNeeds.load(row.document)).byCode.get(row.code) ?? [],
  },
};
