// The GraphQL operations of search, the detail panel, the neighbourhood, compare and learning path,
// and the plain shapes the views use (catalogue-queries.ts has those of the catalogue-scale views).
// The views never see the API's shapes directly, so a change in the schema is met here.
import { runQuery, runQueryPartial, type GraphQLRequest } from './api.js';
import type { JsonObject } from './detail.js';
import type { Subgraph } from './model.js';

/** The most nodes a neighbourhood deeper than one relationship draws: as many as can be labelled on a laptop canvas. */
export const NEIGHBOURHOOD_LIMIT = 60;

/**
 * What a link to an entity needs: its type, id and a human handle. Classification names are
 * nullable in the API where other names are not, so the two cannot share a selection: fields typed
 * as a classification use CLASS_REF, and the few places where any type may come (search hits, the
 * entity itself) read a classification's name under another response name.
 */
const REF = /* GraphQL */ `
  fragment Ref on Node {
    __typename
    id
    ... on Document { code name }
    ... on Responsibility { code name }
    ... on Task { code name }
    ... on Output { code name }
    ... on Indicator { code text }
    ... on Note { number term }
    ... on Competency { name }
    ... on CompetencyLevel { number summary }
  }
`;

const CLASS_REF = /* GraphQL */ `
  fragment ClassRef on Classification {
    __typename
    id
    code
    name
  }
`;

// ---------------------------------------------------------------------------------------------
// Search

/** What a search looks through: everything, documents only, or what a learner can hold. */
export type SearchScope = 'all' | 'documents' | 'holdings';

export interface SearchHit {
  id: string;
  type: string;
  code: string | null;
  name: string;
  /** Text around the match; `marked` are the matched parts. */
  snippet: Array<{ text: string; marked: boolean }>;
  score: number;
}

export interface SearchPage {
  hits: SearchHit[];
  totalCount: number;
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
        kind
        score
        field
        snippet
        node {
          ...Ref
          ... on Classification { code caption: name }
        }
      }
    }
  }
  ${REF}
`;

type RefAnswer = {
  __typename: string;
  id: string;
  code?: string;
  name?: string | null;
  caption?: string | null;
  text?: string;
  term?: string;
  number?: number;
  summary?: string | null;
};

interface SearchAnswer {
  search: { totalCount: number; edges: Array<{ kind: string; score: number; field: string; snippet: string; node: RefAnswer }> };
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };

/** Reads a snippet (HTML-escaped text with `<mark>` around matches) into plain parts. */
export function parseSnippet(snippet: string): Array<{ text: string; marked: boolean }> {
  const decode = (text: string) => text.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (entity) => ENTITIES[entity] ?? entity);
  return snippet
    .split(/(<mark>.*?<\/mark>)/s)
    .filter(Boolean)
    .map((part) => (part.startsWith('<mark>') ? { text: decode(part.slice(6, -7)), marked: true } : { text: decode(part), marked: false }));
}

/** The words a person would call an entity by. */
export function refName(ref: RefAnswer): string {
  if (ref.__typename === 'CompetencyLevel') return `職能級別 ${ref.number ?? ''}${ref.summary ? ` ${ref.summary}` : ''}`.trim();
  if (ref.__typename === 'Note') return `【註${ref.number ?? ''}】${ref.term ?? ''}`;
  return ref.name ?? ref.caption ?? ref.text ?? ref.code ?? ref.id;
}

export async function searchEntities(text: string, scope: SearchScope, first: number, signal?: AbortSignal): Promise<SearchPage> {
  const request: GraphQLRequest = { query: SEARCH, variables: { text, kinds: SCOPE_KINDS[scope], first } };
  const data = await runQuery<SearchAnswer>(request, signal);
  return {
    request,
    totalCount: data.search.totalCount,
    hits: data.search.edges.map((edge) => ({
      id: edge.node.id,
      type: edge.node.__typename,
      code: edge.node.code ?? null,
      name: refName(edge.node),
      snippet: parseSnippet(edge.snippet),
      score: edge.score,
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
      ... on Document {
        code
        name
        baseCode
        version
        status
        level
        competencyLevel { ...Ref }
        category { ...ClassRef }
      }
      ... on Standard {
        standardKind: kind
        description
        publishedOn
        versionNote
        occupations { ...ClassRef }
        industries { ...ClassRef }
        responsibilities { ...Ref tasks { ...Ref } }
        knowledge { ...Requirement }
        skills { ...Requirement }
        attitudes { ...Requirement }
        requirements
        glossary { term definition }
        otherNotes
      }
      ... on Unit {
        domain
        tasks { ...Ref indicators { code text } }
        knowledge { ...Requirement }
        skills { ...Requirement }
        notes { ...Ref text examples }
        assessment { keyEvidence contextAndResources methods }
        revisionNotes
      }
      ... on Document {
        versions { ...Ref }
        supersedes { ...Ref }
        supersededBy { ...Ref }
      }
      ... on Responsibility {
        code
        name
        standard { ...Ref }
        tasks { ...Ref }
      }
      ... on Task {
        code
        name
        level
        document { ...Ref }
        responsibility { ...Ref }
        indicators { code text terms }
        outputs { ...Ref }
        knowledge { ...Requirement }
        skills { ...Requirement }
      }
      ... on Indicator {
        code
        text
        terms
        task { ...Ref }
        notes { ...Ref text examples }
      }
      ... on Output {
        code
        name
        task { ...Ref }
      }
      ... on Note {
        number
        term
        text
        examples
        document { ...Ref }
      }
      ... on Competency {
        kind
        name
        description
        notes { ...Ref text examples }
        equivalents(first: 20) { ...Relation }
        broader(first: 20) { ...Relation }
        narrower(first: 20) { ...Relation }
        related(first: 20) { ...Relation }
        requiredBy(first: 25) { totalCount pageInfo { hasNextPage endCursor } edges { code node { ...Ref } } }
      }
      ... on Classification {
        code
        caption: name
        depth
        isProvisional
        ancestors { ...ClassRef }
        parent { ...ClassRef }
        children { ...ClassRef }
      }
      ... on Occupation {
        isco08 { code match }
        standards(first: 25) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...Ref } } }
      }
      ... on Industry {
        standards(first: 25) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...Ref } } }
      }
      ... on Category {
        standards(first: 25) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...Ref } } }
        units(first: 25) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...Ref } } }
      }
      ... on CompetencyLevel {
        number
        summary
        description
      }
    }
  }

  fragment Requirement on CompetencyRequirement {
    __typename
    code
    name
    description
    competency { ...Ref }
    tasks { __typename id code }
  }

  fragment Relation on CompetencySimilarity {
    __typename
    relation
    score
    method
    evidence
    competency { ...Ref }
  }
  ${REF}
  ${CLASS_REF}
`;

export interface EntityResult {
  entity: (JsonObject & { id: string; __typename: string }) | null;
  /** Fields that could not be read; the rest of the entity is still shown. */
  warnings: string[];
  request: GraphQLRequest;
}

export async function loadEntity(id: string, signal?: AbortSignal): Promise<EntityResult> {
  const request: GraphQLRequest = { query: ENTITY, variables: { id } };
  const { data, warnings } = await runQueryPartial<{ node: EntityResult['entity'] }>(request, signal);
  if (!data.node && warnings.length) throw new Error(warnings.join('\n'));
  return { entity: data.node, warnings, request };
}

// ---------------------------------------------------------------------------------------------
// Neighbourhood

const NEIGHBOURHOOD = /* GraphQL */ `
  query ExplorerNeighbourhood($id: ID!, $depth: Int, $limit: Int) {
    neighborhood(id: $id, depth: $depth, limit: $limit) {
      nodes { id label name }
      edges { source target type code }
      truncated
    }
  }
`;

export async function loadNeighbourhood(id: string, depth: number, signal: AbortSignal, limit = NEIGHBOURHOOD_LIMIT): Promise<{ subgraph: Subgraph; request: GraphQLRequest }> {
  const request: GraphQLRequest = { query: NEIGHBOURHOOD, variables: { id, depth, limit } };
  const data = await runQuery<{ neighborhood: Subgraph | null }>(request, signal);
  if (!data.neighborhood) throw new Error(`${id} is not in the graph`);
  return { subgraph: data.neighborhood, request };
}

// ---------------------------------------------------------------------------------------------
// Compare: shared competencies of 2–6 documents

export type CompetencyKind = 'SKILL' | 'KNOWLEDGE';

export interface SharedOccurrence {
  /** The document's full code and base code: a comparison may name either. */
  document: { id: string; code: string; baseCode: string; name: string };
  /** The document's own code for it, e.g. `S01`. */
  localCode: string;
  competency: { id: string; name: string };
  tasks: Array<{ id: string; code: string; name: string }>;
}

export interface SharedGroup {
  kind: string;
  /** 1 for one competency shared verbatim, else the weakest similarity holding the group together. */
  score: number;
  documentCount: number;
  competencies: Array<{ id: string; name: string }>;
  occurrences: SharedOccurrence[];
  /** Why the members were judged alike: one line per aligned pair. */
  evidence: Array<{ from: string; to: string; score: number; method: string | null; evidence: string | null }>;
}

const SHARED = /* GraphQL */ `
  query ExplorerSharedCompetencies($codes: [String!]!, $kinds: [CompetencyKind!], $minScore: Float) {
    sharedCompetencies(codes: $codes, kinds: $kinds, minScore: $minScore) {
      kind
      score
      documentCount
      competencies {
        id
        name
        similar(minScore: $minScore, first: 20) { score method evidence competency { id name } }
      }
      occurrences {
        document { id code baseCode name }
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
    documentCount: number;
    competencies: Array<{ id: string; name: string; similar: Array<{ score: number; method: string | null; evidence: string | null; competency: { id: string; name: string } }> }>;
    occurrences: Array<{ document: SharedOccurrence['document']; code: string; competency: { id: string; name: string }; tasks: SharedOccurrence['tasks'] }>;
  }>;
}

export async function loadSharedCompetencies(codes: string[], kinds: CompetencyKind[], minScore: number): Promise<{ groups: SharedGroup[]; request: GraphQLRequest }> {
  const request: GraphQLRequest = { query: SHARED, variables: { codes, kinds, minScore } };
  const data = await runQuery<SharedAnswer>(request);
  return {
    request,
    groups: data.sharedCompetencies.map((group) => {
      const members = new Set(group.competencies.map((competency) => competency.id));
      const seen = new Set<string>();
      const evidence: SharedGroup['evidence'] = [];
      for (const competency of group.competencies) {
        for (const link of competency.similar) {
          if (!members.has(link.competency.id)) continue;
          const key = [competency.id, link.competency.id].sort().join('|');
          if (seen.has(key)) continue;
          seen.add(key);
          evidence.push({ from: competency.name, to: link.competency.name, score: link.score, method: link.method, evidence: link.evidence });
        }
      }
      return {
        kind: group.kind,
        score: group.score,
        documentCount: group.documentCount,
        competencies: group.competencies.map(({ id, name }) => ({ id, name })),
        occurrences: group.occurrences.map((occurrence) => ({
          document: occurrence.document,
          localCode: occurrence.code,
          competency: occurrence.competency,
          tasks: occurrence.tasks,
        })),
        evidence,
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Learning path

export interface PathCompetency {
  id: string;
  kind: string;
  name: string;
}

export interface PathTask {
  id: string;
  code: string;
  name: string;
}

/** A requirement of the target the learner does not hold, and the nearest thing they hold. */
export interface PathGap {
  /** The target's local code, e.g. `S04`. */
  code: string;
  competency: PathCompetency;
  status: 'PARTLY_HELD' | 'MISSING';
  closest: { id: string; name: string; score: number | null; relation: string | null } | null;
  tasks: PathTask[];
  uncoveredReason: string | null;
}

/** A gap a step closes, and the step's competency that closes it. */
export interface PathClosedGap {
  code: string;
  requirement: PathCompetency;
  by: { id: string; name: string };
  relation: string | null;
  score: number;
  tasks: Array<{ code: string }>;
}

export interface PathStep {
  document: { id: string; code: string; name: string };
  tasks: PathTask[];
  level: number | null;
  relevance: number;
  newItemCount: number;
  closes: PathClosedGap[];
  /** Coverage of the target once this and every earlier step are done. */
  coverage: number;
  readinessAfterStep: number | null;
  reason: string;
}

export interface PathTaskGaps {
  task: PathTask;
  missing: PathGap[];
  partlyHeld: PathGap[];
  held: Array<{ code: string; requirement: PathCompetency }>;
}

export interface PathDisposition {
  code: string;
  competency: { id: string; name: string };
  description: string | null;
  isHeld: boolean;
}

export interface LearningPathResult {
  target: { id: string; code: string; name: string };
  minScore: number;
  minRelevance: number;
  coverageBefore: number;
  coverageAfter: number;
  readiness: number | null;
  readinessAfter: number | null;
  gaps: PathGap[];
  taskGaps: PathTaskGaps[];
  dispositions: PathDisposition[];
  steps: PathStep[];
  uncovered: PathGap[];
}

const LEARNING_PATH = /* GraphQL */ `
  query ExplorerLearningPath($input: LearningPathInput!) {
    learningPath(input: $input) {
      target { id code name }
      minScore
      minRelevance
      coverageBefore
      coverageAfter
      readiness
      readinessAfter
      gaps { ...Gap }
      taskGaps {
        task { id code name }
        missing { ...Gap }
        partlyHeld { ...Gap }
        held { code requirement { id kind name } }
      }
      dispositions { code competency { id name } description isHeld }
      steps {
        document { id code name }
        tasks { id code name }
        level
        relevance
        newItemCount
        closes {
          code
          requirement { id kind name }
          by { id name }
          relation
          score
          tasks { code }
        }
        coverageAfterStep
        readinessAfterStep
        reason
      }
      uncovered { ...Gap }
    }
  }

  fragment Gap on LearningGap {
    code
    status
    competency { id kind name }
    closest { id name }
    closestRelation
    closestScore
    tasks { id code name }
    uncoveredReason
  }
`;

interface GapAnswer extends Omit<PathGap, 'closest'> {
  closest: { id: string; name: string } | null;
  closestRelation: string | null;
  closestScore: number | null;
}

interface LearningPathAnswer {
  learningPath:
    | (Omit<LearningPathResult, 'gaps' | 'uncovered' | 'steps' | 'taskGaps'> & {
        gaps: GapAnswer[];
        uncovered: GapAnswer[];
        taskGaps: Array<Omit<PathTaskGaps, 'missing' | 'partlyHeld'> & { missing: GapAnswer[]; partlyHeld: GapAnswer[] }>;
        steps: Array<Omit<PathStep, 'coverage'> & { coverageAfterStep: number }>;
      })
    | null;
}

function toGap({ closest, closestRelation, closestScore, ...gap }: GapAnswer): PathGap {
  return { ...gap, closest: closest ? { ...closest, score: closestScore, relation: closestRelation } : null };
}

/** The plan, or null when the target is not in the graph. */
export async function loadLearningPath(input: {
  from: string[];
  have: string[];
  to: string;
  minScore: number;
  minRelevance: number;
}): Promise<{ path: LearningPathResult | null; request: GraphQLRequest }> {
  const request: GraphQLRequest = { query: LEARNING_PATH, variables: { input } };
  const { learningPath: answer } = await runQuery<LearningPathAnswer>(request);
  if (!answer) return { path: null, request };
  return {
    request,
    path: {
      ...answer,
      gaps: answer.gaps.map(toGap),
      uncovered: answer.uncovered.map(toGap),
      taskGaps: answer.taskGaps.map((t) => ({ ...t, missing: t.missing.map(toGap), partlyHeld: t.partlyHeld.map(toGap) })),
      steps: answer.steps.map(({ coverageAfterStep, ...step }) => ({ ...step, coverage: coverageAfterStep })),
    },
  };
}
