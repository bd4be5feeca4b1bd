// The benchmark's operations, each in three variants that return the same data: this API over
// HTTP, one hand-written Cypher statement through the driver (the floor), and @neo4j/graphql over
// HTTP where the library can express the operation. `count` reduces each variant's answer to the
// same few numbers, so the bench can check once that the three agree before it measures them.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';
import { learningPath as computeLearningPath } from '../src/analysis/learning-path.js';
import { groupCompetencies, sharedGroups } from '../src/analysis/shared-competencies.js';
import { luceneQuery } from '../src/modules/search/search.text.js';
import type { BenchParameters } from './parameters.js';

const CYPHER_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cypher');

/** A raw Cypher statement of bench/cypher/. */
export function cypherFile(name: string): string {
  return fs.readFileSync(path.join(CYPHER_DIR, `${name}.cypher`), 'utf8');
}

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
export type Counts = Record<string, number>;

export interface GraphqlCall {
  query: string;
  variables: Record<string, unknown>;
  count(data: Json): Counts;
}

export interface CypherCall {
  /** Name of the file in bench/cypher/. */
  file: string;
  params: Record<string, unknown>;
  /**
   * What the application does with the records after the query, timed with it (e.g. the same
   * pure grouping the API applies). Default: the records as plain objects.
   */
  finish?(rows: Json[]): Json;
  /** Receives `finish`'s answer, or the records as plain objects (`record.toObject()`). */
  count(result: Json): Counts;
}

export interface Operation {
  name: string;
  api: GraphqlCall;
  rawCypher: CypherCall;
  neo4jGraphql: GraphqlCall | null;
}

const len = (list: unknown): number => (Array.isArray(list) ? list.length : 0);
const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
const num = (value: unknown): number => (neo4j.isInt(value) ? (value as { toNumber(): number }).toNumber() : Number(value));
const edges = (connection: Json): Json[] => connection?.edges ?? [];

// ---------------------------------------------------------------------------------------------
// standard(code): the full tree of one standard

const STANDARD_TREE_API = /* GraphQL */ `
  query StandardTree($code: String!) {
    standard(code: $code) {
      id code baseCode version name status level kind description publishedOn versionNote
      requirements otherNotes glossary { term definition }
      category { code name }
      occupations { code name }
      industries { code name }
      responsibilities {
        code name
        tasks {
          code name level
          outputs { code name }
          indicators { code text }
          knowledge { code competency { id name } }
          skills { code competency { id name } }
        }
      }
      knowledge { code name competency { id name } }
      skills { code name competency { id name } }
      attitudes { code name description competency { id name } }
    }
  }
`;

const STANDARD_TREE_NEO4J_GRAPHQL = /* GraphQL */ `
  query StandardTree($code: ID!) {
    standards(where: { id: { eq: $code } }) {
      id code baseCode version name status level kind description publishedOn
      categories { code name }
      occupations { code name }
      industries { code name }
      responsibilitiesConnection(sort: [{ edge: { order: ASC } }]) {
        edges {
          node {
            code name
            tasksConnection(sort: [{ edge: { order: ASC } }]) {
              edges {
                node {
                  code name level
                  outputsConnection(sort: [{ edge: { order: ASC } }]) { edges { node { code name } } }
                  indicatorsConnection(sort: [{ edge: { order: ASC } }]) { edges { node { code text } } }
                  knowledgeConnection(sort: [{ edge: { code: ASC } }]) { edges { properties { code } node { id name } } }
                  skillsConnection(sort: [{ edge: { code: ASC } }]) { edges { properties { code } node { id name } } }
                }
              }
            }
          }
        }
      }
      knowledgeConnection(sort: [{ edge: { code: ASC } }]) { edges { properties { code name } node { id name } } }
      skillsConnection(sort: [{ edge: { code: ASC } }]) { edges { properties { code name } node { id name } } }
      attitudesConnection(sort: [{ edge: { code: ASC } }]) { edges { properties { code name description } node { id name } } }
    }
  }
`;

interface TreeShape {
  responsibilities: Array<{ tasks: Array<{ outputs: unknown[]; indicators: unknown[]; knowledge: unknown[]; skills: unknown[] }> }>;
  knowledge: unknown[];
  skills: unknown[];
  attitudes: unknown[];
}

function treeCounts(tree: TreeShape | null | undefined): Counts {
  if (!tree) return { found: 0 };
  const tasks = tree.responsibilities.flatMap((r) => r.tasks);
  return {
    found: 1,
    responsibilities: tree.responsibilities.length,
    tasks: tasks.length,
    outputs: sum(tasks.map((t) => len(t.outputs))),
    indicators: sum(tasks.map((t) => len(t.indicators))),
    taskRequirements: sum(tasks.map((t) => len(t.knowledge) + len(t.skills))),
    knowledge: len(tree.knowledge),
    skills: len(tree.skills),
    attitudes: len(tree.attitudes),
  };
}

/** @neo4j/graphql's connection-shaped tree, reshaped like the API's for counting. */
function neo4jGraphqlTree(standard: Json): TreeShape | null {
  if (!standard) return null;
  return {
    responsibilities: edges(standard.responsibilitiesConnection).map((r: Json) => ({
      tasks: edges(r.node.tasksConnection).map((t: Json) => ({
        outputs: edges(t.node.outputsConnection),
        indicators: edges(t.node.indicatorsConnection),
        knowledge: edges(t.node.knowledgeConnection),
        skills: edges(t.node.skillsConnection),
      })),
    })),
    knowledge: edges(standard.knowledgeConnection),
    skills: edges(standard.skillsConnection),
    attitudes: edges(standard.attitudesConnection),
  };
}

function standardTree(p: BenchParameters): Operation {
  return {
    name: 'standard full tree by code',
    api: { query: STANDARD_TREE_API, variables: { code: p.standardCode }, count: (data) => treeCounts(data.standard) },
    rawCypher: { file: 'standard-tree', params: { code: p.standardCode }, count: (rows) => treeCounts(rows[0]?.standard) },
    neo4jGraphql: {
      query: STANDARD_TREE_NEO4J_GRAPHQL,
      variables: { code: p.standardCode },
      count: (data) => treeCounts(neo4jGraphqlTree(data.standards[0])),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// roleRequirements(occupationCode): what an occupation with many standards requires

const ROLE_API = /* GraphQL */ `
  query RoleRequirements($occupation: String!) {
    roleRequirements(occupationCode: $occupation) {
      standards { code name }
      knowledge { competency { id name } count documentCount codes documents { code } tasks { id } }
      skills { competency { id name } count documentCount codes documents { code } tasks { id } }
      attitudes { competency { id name } count documentCount codes documents { code } tasks { id } }
      tasks { id code name }
      outputs { id code name }
    }
  }
`;

const ROLE_NEO4J_GRAPHQL = /* GraphQL */ `
  query RoleRequirements($occupation: ID!) {
    standards(
      where: { status: { eq: "CURRENT" }, occupations: { some: { OR: [{ id: { eq: $occupation } }, { parent: { some: { id: { eq: $occupation } } } }] } } }
      sort: [{ code: ASC }]
    ) {
      code name
      responsibilitiesConnection(sort: [{ edge: { order: ASC } }]) {
        edges {
          node {
            tasksConnection(sort: [{ edge: { order: ASC } }]) {
              edges {
                node {
                  id code name
                  outputsConnection(sort: [{ edge: { order: ASC } }]) { edges { node { id code name } } }
                  knowledge { id }
                  skills { id }
                }
              }
            }
          }
        }
      }
      knowledgeConnection { edges { properties { code } node { id name } } }
      skillsConnection { edges { properties { code } node { id name } } }
      attitudesConnection { edges { properties { code } node { id name } } }
    }
  }
`;

function roleCounts(role: Json): Counts {
  const needing = (list: Json[]) => sum(list.map((c) => num(c.count)));
  return {
    standards: len(role.standards),
    tasks: len(role.tasks),
    outputs: len(role.outputs),
    knowledge: len(role.knowledge),
    skills: len(role.skills),
    attitudes: len(role.attitudes),
    taskNeeds: needing(role.knowledge) + needing(role.skills),
  };
}

/** What a client of @neo4j/graphql does with the per-standard answer: the union, counted. */
function neo4jGraphqlRoleCounts(data: Json): Counts {
  const standards: Json[] = data.standards;
  const tasks = standards.flatMap((s) => edges(s.responsibilitiesConnection).flatMap((r: Json) => edges(r.node.tasksConnection).map((t: Json) => t.node)));
  const distinct = (field: string) => new Set(standards.flatMap((s) => edges(s[field]).map((e: Json) => e.node.id))).size;
  const taskNeeds = sum(tasks.map((t) => new Set([...t.knowledge, ...t.skills].map((c: Json) => c.id)).size));
  return {
    standards: standards.length,
    tasks: tasks.length,
    outputs: sum(tasks.map((t) => edges(t.outputsConnection).length)),
    knowledge: distinct('knowledgeConnection'),
    skills: distinct('skillsConnection'),
    attitudes: distinct('attitudesConnection'),
    taskNeeds,
  };
}

function roleRequirements(p: BenchParameters): Operation {
  return {
    name: `role requirements (occupation, ${p.occupationStandards} standards)`,
    api: { query: ROLE_API, variables: { occupation: p.occupationCode }, count: (data) => roleCounts(data.roleRequirements) },
    rawCypher: { file: 'role-requirements', params: { occupation: p.occupationCode }, count: (rows) => roleCounts(rows[0] ?? {}) },
    neo4jGraphql: { query: ROLE_NEO4J_GRAPHQL, variables: { occupation: p.occupationCode }, count: neo4jGraphqlRoleCounts },
  };
}

// ---------------------------------------------------------------------------------------------
// standards(first: 50) with tasks and competencies

const PAGE_SIZE = 50;

const PAGE_API = /* GraphQL */ `
  query StandardsPage($first: Int!) {
    standards(first: $first) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        cursor
        node {
          code name level
          tasks { code name knowledge { code competency { id } } skills { code competency { id } } }
          knowledge { code name competency { id name } }
          skills { code name competency { id name } }
          attitudes { code name }
        }
      }
    }
  }
`;

const PAGE_NEO4J_GRAPHQL = /* GraphQL */ `
  query StandardsPage($first: Int!) {
    standardsConnection(first: $first, where: { status: { eq: "CURRENT" } }, sort: [{ code: ASC }]) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        cursor
        node {
          code name level
          responsibilitiesConnection(sort: [{ edge: { order: ASC } }]) {
            edges {
              node {
                tasksConnection(sort: [{ edge: { order: ASC } }]) {
                  edges {
                    node {
                      code name
                      knowledgeConnection(sort: [{ edge: { code: ASC } }]) { edges { properties { code } node { id } } }
                      skillsConnection(sort: [{ edge: { code: ASC } }]) { edges { properties { code } node { id } } }
                    }
                  }
                }
              }
            }
          }
          knowledgeConnection(sort: [{ edge: { code: ASC } }]) { edges { properties { code name } node { id name } } }
          skillsConnection(sort: [{ edge: { code: ASC } }]) { edges { properties { code name } node { id name } } }
          attitudesConnection(sort: [{ edge: { code: ASC } }]) { edges { properties { code name } } }
        }
      }
    }
  }
`;

function pageCounts(totalCount: unknown, standards: Array<{ tasks: Array<{ knowledge: unknown[]; skills: unknown[] }>; knowledge: unknown[]; skills: unknown[]; attitudes: unknown[] }>): Counts {
  const tasks = standards.flatMap((s) => s.tasks);
  return {
    totalCount: num(totalCount),
    standards: standards.length,
    tasks: tasks.length,
    taskRequirements: sum(tasks.map((t) => len(t.knowledge) + len(t.skills))),
    requirements: sum(standards.map((s) => len(s.knowledge) + len(s.skills) + len(s.attitudes))),
  };
}

function standardsPage(): Operation {
  return {
    name: `standards(first: ${PAGE_SIZE}) with tasks and competencies`,
    api: {
      query: PAGE_API,
      variables: { first: PAGE_SIZE },
      count: (data) => pageCounts(data.standards.totalCount, edges(data.standards).map((e: Json) => e.node)),
    },
    rawCypher: {
      file: 'standards-page',
      params: { first: neo4j.int(PAGE_SIZE) },
      count: (rows) => pageCounts(rows[0].totalCount, rows[0].standards),
    },
    neo4jGraphql: {
      query: PAGE_NEO4J_GRAPHQL,
      variables: { first: PAGE_SIZE },
      count: (data) =>
        pageCounts(
          data.standardsConnection.totalCount,
          edges(data.standardsConnection).map((e: Json) => ({
            tasks: edges(e.node.responsibilitiesConnection).flatMap((r: Json) =>
              edges(r.node.tasksConnection).map((t: Json) => ({ knowledge: edges(t.node.knowledgeConnection), skills: edges(t.node.skillsConnection) })),
            ),
            knowledge: edges(e.node.knowledgeConnection),
            skills: edges(e.node.skillsConnection),
            attitudes: edges(e.node.attitudesConnection),
          })),
        ),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// competency(kind, name): a competency lookup with what requires it and what is similar

const COMPETENCY_FIRST = 100;
const SIMILAR_FIRST = 20;
const SIMILAR_MIN_SCORE = 0.5;

const COMPETENCY_API = /* GraphQL */ `
  query CompetencyLookup($name: String!, $first: Int!, $minScore: Float!, $similar: Int!) {
    competency(kind: SKILL, name: $name) {
      id name kind description
      requiredBy(first: $first) {
        totalCount
        edges { code node { __typename ... on Standard { code name } ... on Unit { code name } ... on Task { id code name } } }
      }
      similar(minScore: $minScore, first: $similar) { score method evidence competency { id name } }
    }
  }
`;

const COMPETENCY_NEO4J_GRAPHQL = /* GraphQL */ `
  query CompetencyLookup($id: ID!, $first: Int!, $minScore: Float!, $similar: Int!) {
    skills(where: { id: { eq: $id } }) {
      id name kind description
      standardsConnection(first: $first, sort: [{ node: { id: ASC } }]) { totalCount edges { properties { code } node { code name } } }
      unitsConnection(first: $first, sort: [{ node: { id: ASC } }]) { totalCount edges { properties { code } node { code name } } }
      tasksConnection(first: $first, sort: [{ node: { id: ASC } }]) { totalCount edges { properties { code } node { id code name } } }
      similarConnection(first: $similar, where: { edge: { score: { gte: $minScore } } }, sort: [{ edge: { score: DESC } }]) {
        edges { properties { score method evidence } node { id name } }
      }
    }
  }
`;

function competencyLookup(p: BenchParameters): Operation {
  return {
    name: 'competency lookup (requirers and similar)',
    api: {
      query: COMPETENCY_API,
      variables: { name: p.skill.name, first: COMPETENCY_FIRST, minScore: SIMILAR_MIN_SCORE, similar: SIMILAR_FIRST },
      count: (data) => ({
        found: data.competency ? 1 : 0,
        requiredByTotal: num(data.competency?.requiredBy.totalCount),
        requiredBy: len(data.competency?.requiredBy.edges),
        similar: len(data.competency?.similar),
      }),
    },
    rawCypher: {
      file: 'competency',
      params: { id: p.skill.id, first: neo4j.int(COMPETENCY_FIRST), minScore: SIMILAR_MIN_SCORE, similar: neo4j.int(SIMILAR_FIRST) },
      count: (rows) => ({
        found: rows[0]?.competency ? 1 : 0,
        requiredByTotal: num(rows[0]?.competency.requiredByCount),
        requiredBy: len(rows[0]?.competency.requiredBy),
        similar: len(rows[0]?.competency.similar),
      }),
    },
    neo4jGraphql: {
      query: COMPETENCY_NEO4J_GRAPHQL,
      variables: { id: p.skill.id, first: COMPETENCY_FIRST, minScore: SIMILAR_MIN_SCORE, similar: SIMILAR_FIRST },
      count: (data) => {
        const skill = data.skills[0];
        const parts = skill ? [skill.standardsConnection, skill.unitsConnection, skill.tasksConnection] : [];
        return {
          found: skill ? 1 : 0,
          requiredByTotal: sum(parts.map((c: Json) => num(c.totalCount))),
          requiredBy: Math.min(COMPETENCY_FIRST, sum(parts.map((c: Json) => edges(c).length))),
          similar: edges(skill?.similarConnection).length,
        };
      },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// search(text): one page of full-text hits

const SEARCH_FIRST = 20;

const SEARCH_API = /* GraphQL */ `
  query Search($text: String!, $first: Int!) {
    search(text: $text, first: $first) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        kind score field snippet cursor
        node {
          __typename
          ... on Node { id }
          ... on Standard { code name }
          ... on Unit { code name }
          ... on Task { code name }
          ... on Indicator { code text }
          ... on Knowledge { name }
          ... on Skill { name }
        }
      }
    }
  }
`;

function search(p: BenchParameters): Operation {
  return {
    name: 'search (full text, first 20)',
    api: {
      query: SEARCH_API,
      variables: { text: p.searchText, first: SEARCH_FIRST },
      count: (data) => ({ total: num(data.search.totalCount), hits: len(data.search.edges) }),
    },
    rawCypher: {
      file: 'search',
      params: { query: luceneQuery(p.searchText), first: neo4j.int(SEARCH_FIRST) },
      count: (rows) => ({ total: num(rows[0].total), hits: len(rows[0].hits) }),
    },
    neo4jGraphql: null,
  };
}

// ---------------------------------------------------------------------------------------------
// sharedCompetencies(codes): what five standards share, aligned wording included

const SHARED_MIN_SCORE = 0.5;

const SHARED_API = /* GraphQL */ `
  query Shared($codes: [String!]!, $minScore: Float!) {
    sharedCompetencies(codes: $codes, minScore: $minScore) {
      kind score documentCount
      competencies { id name }
      occurrences { document { code } code competency { id } tasks { id } }
    }
  }
`;

interface SharedGroupShape {
  documentCount?: number;
  documents?: unknown[];
  occurrences: Array<{ taskIds?: unknown[]; tasks?: unknown[] }>;
  competencies?: unknown[];
  competencyIds?: unknown[];
}

function sharedCounts(groups: SharedGroupShape[]): Counts {
  const occurrences = groups.flatMap((g) => g.occurrences);
  return {
    groups: groups.length,
    competencies: sum(groups.map((g) => len(g.competencies ?? g.competencyIds))),
    occurrences: occurrences.length,
    tasks: sum(occurrences.map((o) => len(o.tasks ?? o.taskIds))),
    documents: sum(groups.map((g) => g.documentCount ?? len(g.documents))),
  };
}

function sharedCompetencies(p: BenchParameters): Operation {
  return {
    name: `sharedCompetencies (${p.sharedCodes.length} standards)`,
    api: {
      query: SHARED_API,
      variables: { codes: p.sharedCodes, minScore: SHARED_MIN_SCORE },
      count: (data) => sharedCounts(data.sharedCompetencies),
    },
    rawCypher: {
      file: 'shared-competencies',
      params: { ids: p.sharedCodes, kinds: ['knowledge', 'skill'], minScore: SHARED_MIN_SCORE },
      finish: (rows) => sharedGroups(groupCompetencies(rows[0]?.occurrences ?? [], rows[0]?.edges ?? [], SHARED_MIN_SCORE)),
      count: sharedCounts,
    },
    neo4jGraphql: null,
  };
}

// ---------------------------------------------------------------------------------------------
// neighborhood(id, depth: 2): a bounded breadth-first subgraph around a standard

const NEIGHBOURHOOD_LIMIT = 200;

const NEIGHBOURHOOD_API = /* GraphQL */ `
  query Neighbourhood($id: ID!, $limit: Int!) {
    neighborhood(id: $id, depth: 2, limit: $limit) {
      truncated
      nodes { id label name }
      edges { source target type code }
    }
  }
`;

function neighbourhood(p: BenchParameters): Operation {
  return {
    name: `neighborhood (depth 2, limit ${NEIGHBOURHOOD_LIMIT})`,
    api: {
      query: NEIGHBOURHOOD_API,
      variables: { id: `Standard:${p.standardCode}`, limit: NEIGHBOURHOOD_LIMIT },
      count: (data) => ({
        nodes: len(data.neighborhood?.nodes),
        edges: len(data.neighborhood?.edges),
        truncated: data.neighborhood?.truncated ? 1 : 0,
      }),
    },
    rawCypher: {
      file: 'neighborhood',
      params: { id: p.standardCode, limit: neo4j.int(NEIGHBOURHOOD_LIMIT) },
      count: (rows) => ({ nodes: len(rows[0]?.nodes), edges: len(rows[0]?.edges), truncated: rows[0]?.truncated ? 1 : 0 }),
    },
    neo4jGraphql: null,
  };
}

// ---------------------------------------------------------------------------------------------
// learningPath(input: {from, to}): what a holder of one document must still learn for another

const LEARNING_MIN_SCORE = 0.5;

const LEARNING_API = /* GraphQL */ `
  query LearningPath($from: [String!], $to: String!, $minScore: Float!) {
    learningPath(input: { from: $from, to: $to, minScore: $minScore }) {
      target { code }
      minScore coverageBefore coverageAfter
      gaps { code competency { id name } closest { id } closestScore }
      steps { document { code name } level coverageAfterStep closes { code requirement { id } by { id } score } }
      uncovered { code competency { id } }
    }
  }
`;

function learningCounts(path: Json): Counts {
  if (!path) return { found: 0 };
  return {
    found: 1,
    gaps: len(path.gaps),
    steps: len(path.steps),
    closes: sum((path.steps ?? []).map((step: Json) => len(step.closes))),
    uncovered: len(path.uncovered),
    coverageAfterPercent: Math.round(num(path.coverageAfter) * 100),
  };
}

function learningPath(p: BenchParameters): Operation {
  return {
    name: 'learningPath (unit → standard)',
    api: {
      query: LEARNING_API,
      variables: { from: [p.unitCode], to: p.standardCode, minScore: LEARNING_MIN_SCORE },
      count: (data) => learningCounts(data.learningPath),
    },
    rawCypher: {
      file: 'learning-path',
      params: { target: p.standardCode, held: [p.unitCode], minScore: LEARNING_MIN_SCORE },
      finish: (rows) => {
        const head = rows.find((row) => row.requirements !== null);
        if (!head) return null;
        const candidates = rows
          .filter((row) => row.code !== null)
          .map((row) => ({ code: row.code, name: row.name, level: num(row.level), kind: row.kind, competencyIds: row.competencyIds }));
        const path = computeLearningPath({
          targetCode: p.standardCode,
          requirements: head.requirements,
          held: head.held,
          similarity: head.similarities,
          minScore: LEARNING_MIN_SCORE,
          candidates,
        });
        const uncovered = new Set(path.uncovered.map((r) => r.competencyId));
        return { ...path, uncovered: path.gaps.filter((g) => uncovered.has(g.requirement.competencyId)) };
      },
      count: learningCounts,
    },
    neo4jGraphql: null,
  };
}

/** Every operation of the benchmark, with its arguments taken from the graph. */
export function benchOperations(p: BenchParameters): Operation[] {
  return [
    standardTree(p),
    roleRequirements(p),
    standardsPage(),
    search(p),
    competencyLookup(p),
    sharedCompetencies(p),
    learningPath(p),
    neighbourhood(p),
  ];
}
