// Every GraphQL operation the explorer sends, and the plain shapes the views use. The views never
// see the API's shapes directly, so a change in the schema is met here.
import { runQuery, type GraphQLRequest } from './api.js';
import type { JsonObject } from './detail.js';
import type { Subgraph } from './graph.js';
import { NEIGHBOURHOOD_LIMIT } from './graph.js';

// ---------------------------------------------------------------------------------------------
// Search

/** What a search looks through: everything, documents only, or what a learner can hold. */
export type SearchScope = 'all' | 'documents' | 'holdings';

export interface SearchHit {
  id: string;
  type: string;
  code: string | null;
  name: string;
  snippet: string | null;
  score: number | null;
}

export interface SearchPage {
  hits: SearchHit[];
  totalCount: number | null;
  request: GraphQLRequest;
}

const SCOPE_KINDS: Record<SearchScope, string[] | null> = {
  all: null,
  documents: ['STANDARD', 'UNIT'],
  holdings: ['STANDARD', 'UNIT', 'KNOWLEDGE', 'SKILL'],
};

const SEARCH = /* GraphQL */ `
  query ExplorerSearch($text: String!, $kinds: [SearchKind!], $first: Int) {
    search(text: $text, kinds: $kinds, first: $first) {
      totalCount
      edges {
        node {
          score
          snippet
          entity {
            __typename
            id
            ... on Document { code name }
            ... on Task { code name }
            ... on Competency { name }
            ... on Occupation { code name }
            ... on Industry { code name }
            ... on Category { code name }
          }
        }
      }
    }
  }
`;

interface SearchAnswer {
  search: {
    totalCount: number | null;
    edges: Array<{ node: { score: number | null; snippet: string | null; entity: { __typename: string; id: string; code?: string | null; name?: string | null } } }>;
  };
}

export async function searchEntities(text: string, scope: SearchScope, first: number, signal?: AbortSignal): Promise<SearchPage> {
  const request: GraphQLRequest = { query: SEARCH, variables: { text, kinds: SCOPE_KINDS[scope], first } };
  const data = await runQuery<SearchAnswer>(request, signal);
  return {
    request,
    totalCount: data.search.totalCount,
    hits: data.search.edges.map(({ node }) => ({
      id: node.entity.id,
      type: node.entity.__typename,
      code: node.entity.code ?? null,
      name: node.entity.name ?? node.snippet ?? node.entity.id,
      snippet: node.snippet,
      score: node.score,
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// One entity, all its fields

const ENTITY = /* GraphQL */ `
  query ExplorerEntity($id: ID!) {
    node(id: $id) {
      __typename
      id
    }
  }
`;

export async function loadEntity(id: string, signal?: AbortSignal): Promise<{ entity: (JsonObject & { id: string; __typename: string }) | null; request: GraphQLRequest }> {
  const request: GraphQLRequest = { query: ENTITY, variables: { id } };
  const data = await runQuery<{ node: (JsonObject & { id: string; __typename: string }) | null }>(request, signal);
  return { entity: data.node, request };
}

// ---------------------------------------------------------------------------------------------
// Neighbourhood

const NEIGHBOURHOOD = /* GraphQL */ `
  query ExplorerNeighbourhood($id: ID!, $depth: Int, $limit: Int) {
    neighborhood(id: $id, depth: $depth, limit: $limit) {
      nodes { id label name }
      edges { source target type }
    }
  }
`;

export async function loadNeighbourhood(id: string, depth: number, signal: AbortSignal): Promise<{ subgraph: Subgraph; request: GraphQLRequest }> {
  const request: GraphQLRequest = { query: NEIGHBOURHOOD, variables: { id, depth, limit: NEIGHBOURHOOD_LIMIT } };
  const data = await runQuery<{ neighborhood: Subgraph }>(request, signal);
  return { subgraph: data.neighborhood, request };
}

// ---------------------------------------------------------------------------------------------
// Compare: shared competencies of 2–6 documents

export type CompetencyKind = 'SKILL' | 'KNOWLEDGE';

export interface SharedOccurrence {
  documentCode: string;
  /** The document's own code for it, e.g. `S01`. */
  localCode: string | null;
  competency: { id: string; name: string };
  tasks: Array<{ id: string; code: string | null; name: string | null }>;
}

export interface SharedGroup {
  kind: string;
  score: number;
  competencies: Array<{ id: string; name: string }>;
  occurrences: SharedOccurrence[];
  evidence: string[];
}

const SHARED = /* GraphQL */ `
  query ExplorerSharedCompetencies($codes: [String!]!, $kinds: [CompetencyKind!], $minScore: Float) {
    sharedCompetencies(codes: $codes, kinds: $kinds, minScore: $minScore) {
      kind
      score
      competencies { id name }
      occurrences {
        document { code }
        code
        competency { id name }
        tasks { id code name }
      }
    }
  }
`;

interface SharedAnswer {
  sharedCompetencies: Array<{
    kind: string;
    score: number;
    competencies: Array<{ id: string; name: string }>;
    occurrences: Array<{ document: { code: string }; code: string | null; competency: { id: string; name: string }; tasks: SharedOccurrence['tasks'] }>;
  }>;
}

export async function loadSharedCompetencies(codes: string[], kinds: CompetencyKind[], minScore: number): Promise<{ groups: SharedGroup[]; request: GraphQLRequest }> {
  const request: GraphQLRequest = { query: SHARED, variables: { codes, kinds, minScore } };
  const data = await runQuery<SharedAnswer>(request);
  return {
    request,
    groups: data.sharedCompetencies.map((group) => ({
      kind: group.kind,
      score: group.score,
      competencies: group.competencies,
      occurrences: group.occurrences.map((occurrence) => ({
        documentCode: occurrence.document.code,
        localCode: occurrence.code,
        competency: occurrence.competency,
        tasks: occurrence.tasks,
      })),
      evidence: [],
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Learning path

export interface PathCompetency {
  id: string;
  kind: string;
  name: string;
}

export interface PathStep {
  document: { id: string; code: string; name: string; level: number | null };
  closes: PathCompetency[];
  coverage: number;
}

export interface LearningPathResult {
  target: { id: string; code: string; name: string };
  coverageBefore: number;
  coverageAfter: number;
  gaps: PathCompetency[];
  steps: PathStep[];
  uncovered: PathCompetency[];
}

const LEARNING_PATH = /* GraphQL */ `
  query ExplorerLearningPath($input: LearningPathInput!) {
    learningPath(input: $input) {
      target { id code name }
      coverageBefore
      coverageAfter
      gaps { id kind name }
      steps {
        document { id code name level }
        closes { id kind name }
        coverage
      }
      uncovered { id kind name }
    }
  }
`;

export async function loadLearningPath(input: { from: string[]; have: string[]; to: string; minScore: number }): Promise<{ path: LearningPathResult; request: GraphQLRequest }> {
  const request: GraphQLRequest = { query: LEARNING_PATH, variables: { input } };
  const data = await runQuery<{ learningPath: LearningPathResult }>(request);
  return { path: data.learningPath, request };
}
