// The GraphQL of the catalogue-scale views: the overview, hub summaries and drawings, the overlap
// heat map and further pages of a long relation in the detail panel. Like queries.ts, it turns the
// API's shapes into the plain ones the views use.
import { runQuery, type GraphQLRequest } from './api.js';
import type { Subgraph } from './model.js';

/** The most nodes a drawing shows: what fits on a laptop canvas with every label readable. */
export const LABEL_BUDGET = 40;

// ---------------------------------------------------------------------------------------------
// Catalogue overview

export interface Overview {
  standardCount: number;
  unitCount: number;
  clusters: Array<{ id: string | null; code: string | null; name: string | null; count: number; levels: Array<{ level: number | null; count: number }> }>;
  competencies: Array<{ documentCount: number; members: Array<{ id: string; name: string; kind: string }> }>;
  pairs: Array<{ similarity: number; a: { id: string; code: string; name: string }; b: { id: string; code: string; name: string } }>;
}

const OVERVIEW = /* GraphQL */ `
  query ExplorerOverview($competencies: Int, $pairs: Int) {
    catalogueOverview {
      standardCount
      unitCount
      clusters { cluster { id code name } count levels { level count } }
      topCompetencies(first: $competencies) { documentCount competencies { id name kind } }
      similarPairs(first: $pairs) { similarity a { id code name } b { id code name } }
    }
  }
`;

interface OverviewAnswer {
  catalogueOverview: {
    standardCount: number;
    unitCount: number;
    clusters: Array<{ cluster: { id: string; code: string; name: string | null } | null; count: number; levels: Overview['clusters'][number]['levels'] }>;
    topCompetencies: Array<{ documentCount: number; competencies: Array<{ id: string; name: string; kind: string }> }>;
    similarPairs: Overview['pairs'];
  };
}

export async function loadOverview(signal?: AbortSignal): Promise<{ overview: Overview; request: GraphQLRequest }> {
  const request: GraphQLRequest = { query: OVERVIEW, variables: { competencies: 15, pairs: 10 } };
  const { catalogueOverview: answer } = await runQuery<OverviewAnswer>(request, signal);
  return {
    request,
    overview: {
      standardCount: answer.standardCount,
      unitCount: answer.unitCount,
      clusters: answer.clusters.map(({ cluster, count, levels }) => ({ id: cluster?.id ?? null, code: cluster?.code ?? null, name: cluster?.name ?? null, count, levels })),
      competencies: answer.topCompetencies.map((group) => ({ documentCount: group.documentCount, members: group.competencies })),
      pairs: answer.similarPairs,
    },
  };
}

const CATEGORY_DOCUMENTS = /* GraphQL */ `
  query ExplorerCategoryDocuments($id: ID!, $first: Int) {
    node(id: $id) {
      ... on Category { standards(first: $first) { edges { node { code } } } units(first: $first) { edges { node { code } } } }
    }
  }
`;

/** Codes of the current documents filed under a category (at most `first` of each kind). */
export async function loadCategoryDocumentCodes(id: string, first: number): Promise<string[]> {
  type Page = { edges: Array<{ node: { code: string } }> };
  const data = await runQuery<{ node: { standards?: Page; units?: Page } | null }>({ query: CATEGORY_DOCUMENTS, variables: { id, first } });
  return [...(data.node?.standards?.edges ?? []), ...(data.node?.units?.edges ?? [])].map((edge) => edge.node.code).slice(0, first);
}

// ---------------------------------------------------------------------------------------------
// Hub views

export type Facet = 'KIND' | 'CLUSTER' | 'LEVEL' | 'OCCUPATION';

export interface FacetCount {
  facet: Facet;
  key: string;
  name: string | null;
  count: number;
}

export interface HubSummary {
  neighbourCount: number;
  documentCount: number;
  byKind: FacetCount[];
  byCluster: FacetCount[];
  byLevel: FacetCount[];
  byOccupation: FacetCount[];
}

const FACET_FIELDS = 'facet key name count';

const SUMMARY = /* GraphQL */ `
  query ExplorerHubSummary($id: ID!) {
    neighborhoodSummary(id: $id) {
      neighbourCount
      documentCount
      byKind { ${FACET_FIELDS} }
      byCluster { ${FACET_FIELDS} }
      byLevel { ${FACET_FIELDS} }
      byOccupation { ${FACET_FIELDS} }
    }
  }
`;

export async function loadHubSummary(id: string, signal?: AbortSignal): Promise<{ summary: HubSummary | null; request: GraphQLRequest }> {
  const request: GraphQLRequest = { query: SUMMARY, variables: { id } };
  const data = await runQuery<{ neighborhoodSummary: HubSummary | null }>(request, signal);
  return { summary: data.neighborhoodSummary, request };
}

/** One group of an entity's neighbours: the bar of a summary, or (no facet) a sample of every kind. */
export interface HubGroup {
  facet: Facet;
  key: string;
  /** What to call it in the status line, e.g. `企業經營管理`. */
  caption: string;
}

const GROUP = /* GraphQL */ `
  query ExplorerHubGroup($id: ID!, $facet: NeighbourFacet, $key: String, $limit: Int) {
    neighborhoodGroup(id: $id, facet: $facet, key: $key, limit: $limit) {
      nodes { id label name }
      edges { source target type code }
      total
      leftOut { key count }
    }
  }
`;

export interface GroupDrawing {
  subgraph: Subgraph;
  request: GraphQLRequest;
  total: number;
  leftOut: Array<{ key: string; count: number }>;
}

export async function loadHubGroup(id: string, group: HubGroup | null, signal?: AbortSignal): Promise<GroupDrawing> {
  const request: GraphQLRequest = { query: GROUP, variables: { id, facet: group?.facet ?? null, key: group?.key ?? null, limit: LABEL_BUDGET } };
  type Answer = { neighborhoodGroup: (Subgraph & { total: number; leftOut: GroupDrawing['leftOut'] }) | null };
  const data = await runQuery<Answer>(request, signal);
  if (!data.neighborhoodGroup) throw new Error(`${id} is not in the graph`);
  const { total, leftOut, ...subgraph } = data.neighborhoodGroup;
  return { subgraph: { ...subgraph, truncated: leftOut.length > 0 }, request, total, leftOut };
}

// ---------------------------------------------------------------------------------------------
// Overlap heat map

export interface OverlapResult {
  documents: Array<{ id: string; code: string; baseCode: string; name: string }>;
  /** `matrix[i][j]`: similarity of documents i and j (1 on the diagonal). */
  matrix: number[][];
  /** Shared competency groups per pair, keyed `i,j` with i < j. */
  shared: Map<string, number>;
}

const OVERLAP = /* GraphQL */ `
  query ExplorerOverlap($codes: [String!]!, $kinds: [CompetencyKind!], $minScore: Float) {
    overlap(codes: $codes, kinds: $kinds, minScore: $minScore) {
      documents { id code baseCode name }
      matrix
      pairs { a { code } b { code } sharedCount }
    }
  }
`;

export async function loadOverlap(codes: string[], kinds: string[], minScore: number): Promise<{ overlap: OverlapResult; request: GraphQLRequest }> {
  const request: GraphQLRequest = { query: OVERLAP, variables: { codes, kinds, minScore } };
  type Answer = { overlap: Omit<OverlapResult, 'shared'> & { pairs: Array<{ a: { code: string }; b: { code: string }; sharedCount: number }> } };
  const { overlap } = await runQuery<Answer>(request);
  const index = new Map(overlap.documents.map((document, i) => [document.code, i]));
  const shared = new Map<string, number>();
  for (const pair of overlap.pairs) {
    const [i, j] = [index.get(pair.a.code) ?? -1, index.get(pair.b.code) ?? -1].sort((x, y) => x - y);
    shared.set(`${i},${j}`, pair.sharedCount);
  }
  return { request, overlap: { documents: overlap.documents, matrix: overlap.matrix, shared } };
}

const PAIR_SHARED = /* GraphQL */ `
  query ExplorerPairShared($codes: [String!]!, $kinds: [CompetencyKind!], $minScore: Float) {
    sharedCompetencies(codes: $codes, kinds: $kinds, minScore: $minScore) { kind score competencies { name } }
  }
`;

/** What two documents share, for a heat-map cell: one line per shared competency (or group of wordings). */
export async function loadPairShared(codes: [string, string], kinds: string[], minScore: number): Promise<Array<{ kind: string; score: number; names: string[] }>> {
  type Answer = { sharedCompetencies: Array<{ kind: string; score: number; competencies: Array<{ name: string }> }> };
  const data = await runQuery<Answer>({ query: PAIR_SHARED, variables: { codes, kinds, minScore } });
  return data.sharedCompetencies.map((group) => ({ kind: group.kind, score: group.score, names: group.competencies.map((c) => c.name) }));
}

// ---------------------------------------------------------------------------------------------
// Further pages of a relation in the detail panel

/** Per connection field that pages on the server: the types that have it and what an edge holds. */
const PAGED: Record<string, { on: string[]; edge: string }> = {
  requiredBy: { on: ['Competency'], edge: 'code node { __typename ... on Node { id } ... on Document { code name } ... on Task { code name } }' },
  standards: { on: ['Occupation', 'Industry', 'Category'], edge: 'node { __typename id code name }' },
  units: { on: ['Category'], edge: 'node { __typename id code name }' },
};

/** True when the detail panel can fetch further pages of this field. */
export function isPagedField(field: string): boolean {
  return Object.hasOwn(PAGED, field);
}

export interface PageOfItems {
  /** Connection edges as the API gives them (`{ code, node }` or `{ node }`). */
  edges: unknown[];
  hasNextPage: boolean;
  endCursor: string | null;
}

/** The next page of a connection field of an entity, after `after`. */
export async function loadNextPage(id: string, field: string, after: string, first: number): Promise<PageOfItems> {
  const paged = PAGED[field];
  if (!paged) throw new Error(`${field} does not page`);
  const selection = `${field}(first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { ${paged.edge} } }`;
  const query = `query ExplorerNextPage($id: ID!, $first: Int, $after: String) {
    node(id: $id) { ${paged.on.map((type) => `... on ${type} { ${selection} }`).join(' ')} }
  }`;
  type Answer = { node: Record<string, { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: unknown[] }> | null };
  const data = await runQuery<Answer>({ query, variables: { id, first, after } });
  const connection = data.node?.[field];
  return { edges: connection?.edges ?? [], hasNextPage: connection?.pageInfo.hasNextPage ?? false, endCursor: connection?.pageInfo.endCursor ?? null };
}
