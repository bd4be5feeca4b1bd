// The benchmark's operations, each in three variants that return the same answer: this API over
// HTTP, one hand-written Cypher statement through the driver (the floor, plus the same pure
// computation the API applies where it has one), and @neo4j/graphql over HTTP where the library can
// express the operation. Before measuring, the bench reduces every variant's answer to one
// canonical JSON form (`canonical`: ids and values; lists the schema orders kept in order, the
// others sorted) and fails with a diff when two differ.
//
// The floor returns the API's shape itself (global ids, enum values, the same field names), so
// one `canonical` serves both. @neo4j/graphql answers in its own generated shape; `reshape` turns
// it into the API's (what a client of that library would do), and `comparable` drops, from both
// sides of that one comparison, the fields the library cannot express.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';
import { DEFAULT_MAX_STEPS, DEFAULT_MIN_RELEVANCE, learningPath as computeLearningPath } from '../src/analysis/learning-path.js';
import { splitRelations, type MatchRelation, type TypedRelation } from '../src/analysis/requirement-match.js';
import { groupCompetencies, sharedGroups, type Occurrence, type SimilarityEdge } from '../src/analysis/shared-competencies.js';
import { luceneQuery, searchWords, snippetOf } from '../src/modules/search/search.text.js';
import { NODE_KINDS } from '../src/graph/node-kinds.js';
import { encodeCursor, globalIdOfNode, nodeTypeOfLabels, toGlobalId } from '../src/relay.js';
import { ordered, orderedBy, sorted, without } from './lib/canonical.js';
import type { BenchParameters } from './parameters.js';

const CYPHER_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cypher');

/** A raw Cypher statement of bench/cypher/. */
export function cypherFile(name: string): string {
  return fs.readFileSync(path.join(CYPHER_DIR, `${name}.cypher`), 'utf8');
}

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface GraphqlCall {
  query: string;
  variables: Record<string, unknown>;
}

export interface CypherCall {
  /** Name of the file in bench/cypher/. */
  file: string;
  params: Record<string, unknown>;
  /**
   * What the application does with the records after the query, timed with it (e.g. the same
   * pure computation the API applies). Receives the records as plain objects; returns the answer
   * in the API's shape (what `data` holds for the API's query).
   */
  finish(rows: Json[]): Json;
}

export interface Neo4jGraphqlCall extends GraphqlCall {
  /** The library's `data` in the API's shape (what a client of the library would compute). */
  reshape(data: Json): Json;
  /**
   * Both canonical answers reduced to what the library can express (default: as they are). Each
   * operation says in a comment what it drops and why.
   */
  comparable?(canonical: Json): Json;
}

export interface Operation {
  name: string;
  api: GraphqlCall;
  rawCypher: CypherCall;
  neo4jGraphql: Neo4jGraphqlCall | null;
  /** The canonical form of an answer in the API's shape (`data` of the API's query). */
  canonical(data: Json): Json;
}

const edges = (connection: Json): Json[] => connection?.edges ?? [];

/** Driver values as the application holds them: Integers as numbers (what src/db does for the API). */
function native(value: Json): Json {
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (Array.isArray(value)) return value.map(native);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, Json> = {};
    for (const [key, item] of Object.entries(value)) out[key] = native(item);
    return out;
  }
  return value;
}

const COMPETENCY_TYPES = { knowledge: 'Knowledge', skill: 'Skill', attitude: 'Attitude' } as const;

/** The global id of a competency's graph id (`skill:溝通協調能力` -> `Skill:溝通協調能力`). */
function competencyGlobalId(graphId: string): string {
  const kind = graphId.slice(0, graphId.indexOf(':')) as keyof typeof COMPETENCY_TYPES;
  return toGlobalId(COMPETENCY_TYPES[kind] ?? 'Skill', graphId);
}

const taskId = (graphId: string): string => toGlobalId('Task', graphId);

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
      id code baseCode version name status level kind description publishedOn versionNote
      requirements otherNotes glossaryTerms glossaryDefinitions
      categories(sort: [{ code: ASC }]) { code name }
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
      attitudesConnection(sort: [{ edge: { code: ASC } }]) { edges { properties { code name description } node { id name description } } }
    }
  }
`;

const competencyRef = (c: Json) => (c ? { id: c.id, name: c.name } : null);

/**
 * Ordered, as the schema says: responsibilities (published order), their tasks, each task's
 * indicators, every K/S/A list (code order). Sorted: occupations, industries, outputs (the schema
 * gives them no order), and the document's lines (requirements, otherNotes, glossary), whose order
 * the schema does not state either.
 */
function treeCanonical(data: Json): Json {
  const s = data?.standard;
  if (!s) return null;
  const requirement = (r: Json) => ({ code: r.code, competency: competencyRef(r.competency) });
  return {
    id: s.id,
    code: s.code,
    baseCode: s.baseCode,
    version: s.version,
    name: s.name,
    status: s.status,
    level: s.level,
    kind: s.kind,
    description: s.description,
    publishedOn: s.publishedOn,
    versionNote: s.versionNote,
    requirements: sorted(s.requirements),
    otherNotes: sorted(s.otherNotes),
    glossary: sorted(s.glossary, (g: Json) => ({ term: g.term, definition: g.definition })),
    category: s.category ? { code: s.category.code, name: s.category.name } : null,
    occupations: sorted(s.occupations, (o: Json) => ({ code: o.code, name: o.name })),
    industries: sorted(s.industries, (i: Json) => ({ code: i.code, name: i.name })),
    responsibilities: ordered(s.responsibilities, (r: Json) => ({
      code: r.code,
      name: r.name,
      tasks: ordered(r.tasks, (t: Json) => ({
        code: t.code,
        name: t.name,
        level: t.level,
        outputs: sorted(t.outputs, (o: Json) => ({ code: o.code, name: o.name })),
        indicators: ordered(t.indicators, (i: Json) => ({ code: i.code, text: i.text })),
        knowledge: ordered(t.knowledge, requirement),
        skills: ordered(t.skills, requirement),
      })),
    })),
    knowledge: ordered(s.knowledge, (r: Json) => ({ ...requirement(r), name: r.name })),
    skills: ordered(s.skills, (r: Json) => ({ ...requirement(r), name: r.name })),
    attitudes: ordered(s.attitudes, (r: Json) => ({ ...requirement(r), name: r.name, description: r.description })),
  };
}

const STANDARD_KIND: Record<string, string> = { 職業: 'OCCUPATION', 職類: 'JOB_CATEGORY' };

/** @neo4j/graphql's connection-shaped tree in the API's shape. */
function neo4jGraphqlTree(data: Json): Json {
  const s = data.standards[0];
  if (!s) return { standard: null };
  const terms: string[] = s.glossaryTerms ?? [];
  const requirement = (e: Json) => ({ code: e.properties.code, competency: { id: competencyGlobalId(e.node.id), name: e.node.name } });
  const listed = (e: Json) => ({ ...requirement(e), name: e.properties.name ?? e.node.name });
  return {
    standard: {
      id: toGlobalId('Standard', s.id),
      code: s.code ?? s.id,
      baseCode: s.baseCode,
      version: s.version,
      name: s.name,
      status: s.status,
      level: s.level,
      kind: s.kind ? (STANDARD_KIND[s.kind] ?? null) : null,
      description: s.description,
      publishedOn: s.publishedOn,
      versionNote: s.versionNote,
      requirements: s.requirements ?? [],
      otherNotes: s.otherNotes ?? [],
      glossary: terms.map((term, i) => ({ term, definition: s.glossaryDefinitions?.[i] ?? '' })),
      category: s.categories[0] ?? null,
      occupations: s.occupations,
      industries: s.industries,
      responsibilities: edges(s.responsibilitiesConnection).map((r: Json) => ({
        code: r.node.code,
        name: r.node.name,
        tasks: edges(r.node.tasksConnection).map((t: Json) => ({
          code: t.node.code,
          name: t.node.name,
          level: t.node.level,
          outputs: edges(t.node.outputsConnection).map((e: Json) => e.node),
          indicators: edges(t.node.indicatorsConnection).map((e: Json) => e.node),
          knowledge: edges(t.node.knowledgeConnection).map(requirement),
          skills: edges(t.node.skillsConnection).map(requirement),
        })),
      })),
      knowledge: edges(s.knowledgeConnection).map(listed),
      skills: edges(s.skillsConnection).map(listed),
      attitudes: edges(s.attitudesConnection).map((e: Json) => ({ ...listed(e), description: e.properties.description ?? e.node.description })),
    },
  };
}

function standardTree(p: BenchParameters): Operation {
  return {
    name: 'standard full tree by code',
    api: { query: STANDARD_TREE_API, variables: { code: p.standardCode } },
    rawCypher: { file: 'standard-tree', params: { code: p.standardCode }, finish: (rows) => ({ standard: rows[0]?.standard ?? null }) },
    neo4jGraphql: { query: STANDARD_TREE_NEO4J_GRAPHQL, variables: { code: p.standardCode }, reshape: neo4jGraphqlTree },
    canonical: treeCanonical,
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
                  id code name position
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

/**
 * Ordered, as the schema says: standards (by code), the role's tasks (by standard, then published
 * order) and outputs (in task order), each competency's documents (by code) and tasks. K, S and A
 * are "most needed first": their sequence of (count, documentCount) is kept; the schema then
 * names the tie-breaker ("then name") but the API breaks ties by code first and compares names by
 * locale, so rows with equal counts are compared as a set. `codes` has no stated order: sorted.
 */
function roleCanonical(data: Json): Json {
  const role = data?.roleRequirements;
  if (!role) return null;
  const competencies = (list: Json[]) =>
    orderedBy(
      list,
      (c: Json) => [c.count, c.documentCount],
      (c: Json) => ({
        competency: competencyRef(c.competency),
        count: c.count,
        documentCount: c.documentCount,
        codes: sorted(c.codes),
        documents: ordered(c.documents, (d: Json) => d.code),
        tasks: ordered(c.tasks, (t: Json) => t.id),
      }),
    );
  return {
    standards: ordered(role.standards, (s: Json) => ({ code: s.code, name: s.name })),
    knowledge: competencies(role.knowledge),
    skills: competencies(role.skills),
    attitudes: competencies(role.attitudes),
    tasks: ordered(role.tasks, (t: Json) => ({ id: t.id, code: t.code, name: t.name })),
    outputs: ordered(role.outputs, (o: Json) => ({ id: o.id, code: o.code, name: o.name })),
  };
}

/** What a client of @neo4j/graphql computes from the per-standard answer: the union, counted. */
function neo4jGraphqlRole(data: Json): Json {
  const standards: Json[] = data.standards;
  const tasks: Json[] = standards.flatMap((s) =>
    edges(s.responsibilitiesConnection)
      .flatMap((r: Json) => edges(r.node.tasksConnection).map((t: Json) => t.node))
      .sort((a: Json, b: Json) => a.position - b.position),
  );
  const needing = new Map<string, string[]>();
  for (const t of tasks) {
    for (const id of new Set<string>([...t.knowledge, ...t.skills].map((c: Json) => c.id))) needing.set(id, [...(needing.get(id) ?? []), t.id]);
  }
  const union = (field: string) => {
    const rows = new Map<string, { id: string; name: string; documents: Set<string>; codes: Set<string> }>();
    for (const s of standards) {
      for (const e of edges(s[field])) {
        const row = rows.get(e.node.id) ?? { id: e.node.id, name: e.node.name, documents: new Set<string>(), codes: new Set<string>() };
        row.documents.add(s.code);
        row.codes.add(e.properties.code);
        rows.set(e.node.id, row);
      }
    }
    return [...rows.values()]
      .map((row) => ({
        competency: { id: competencyGlobalId(row.id), name: row.name },
        count: needing.get(row.id)?.length ?? 0,
        documentCount: row.documents.size,
        codes: [...row.codes],
        documents: [...row.documents].sort().map((code) => ({ code })),
        tasks: (needing.get(row.id) ?? []).map((id) => ({ id: taskId(id) })),
      }))
      .sort((a, b) => b.count - a.count || b.documentCount - a.documentCount);
  };
  return {
    roleRequirements: {
      standards: standards.map((s) => ({ code: s.code, name: s.name })),
      knowledge: union('knowledgeConnection'),
      skills: union('skillsConnection'),
      attitudes: union('attitudesConnection'),
      tasks: tasks.map((t) => ({ id: taskId(t.id), code: t.code, name: t.name })),
      outputs: tasks.flatMap((t) => edges(t.outputsConnection).map((e: Json) => ({ ...e.node, id: toGlobalId('Output', e.node.id) }))),
    },
  };
}

function roleRequirements(p: BenchParameters): Operation {
  return {
    name: `role requirements (occupation, ${p.occupationStandards} standards)`,
    api: { query: ROLE_API, variables: { occupation: p.occupationCode } },
    rawCypher: { file: 'role-requirements', params: { occupation: p.occupationCode }, finish: (rows) => ({ roleRequirements: rows[0] ?? null }) },
    // The library filters occupations one level down (the occupation or its parent), not at any
    // depth as the API does: the bench picks a 4-digit occupation without children, where both agree.
    neo4jGraphql: { query: ROLE_NEO4J_GRAPHQL, variables: { occupation: p.occupationCode }, reshape: neo4jGraphqlRole },
    canonical: roleCanonical,
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
    standardsConnection(first: $first, where: { status: { eq: "CURRENT" } }, sort: [{ id: ASC }]) {
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
                      code name position
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
          attitudesConnection(sort: [{ edge: { code: ASC } }]) { edges { properties { code name } node { name } } }
        }
      }
    }
  }
`;

/** Ordered, as the schema says: the page (by code), each standard's tasks (published order), every K/S/A list (code order). */
function pageCanonical(data: Json): Json {
  const page = data?.standards;
  if (!page) return null;
  const requirement = (r: Json) => ({ code: r.code, competency: { id: r.competency.id } });
  const listed = (r: Json) => ({ code: r.code, name: r.name, competency: competencyRef(r.competency) });
  return {
    totalCount: page.totalCount,
    pageInfo: { hasNextPage: page.pageInfo.hasNextPage, endCursor: page.pageInfo.endCursor },
    edges: ordered(page.edges, (e: Json) => ({
      cursor: e.cursor,
      node: {
        code: e.node.code,
        name: e.node.name,
        level: e.node.level,
        tasks: ordered(e.node.tasks, (t: Json) => ({
          code: t.code,
          name: t.name,
          knowledge: ordered(t.knowledge, requirement),
          skills: ordered(t.skills, requirement),
        })),
        knowledge: ordered(e.node.knowledge, listed),
        skills: ordered(e.node.skills, listed),
        attitudes: ordered(e.node.attitudes, (r: Json) => ({ code: r.code, name: r.name })),
      },
    })),
  };
}

function standardsPage(): Operation {
  return {
    name: `standards(first: ${PAGE_SIZE}) with tasks and competencies`,
    api: { query: PAGE_API, variables: { first: PAGE_SIZE } },
    rawCypher: {
      file: 'standards-page',
      params: { first: neo4j.int(PAGE_SIZE) },
      // The cursors are the API's keyset cursors: an encoding of each standard's code.
      finish: (rows) => {
        const standards: Json[] = rows[0].standards;
        const edgeList = standards.map(({ id, ...node }) => ({ cursor: encodeCursor({ kind: 'key', key: id }), node }));
        return {
          standards: {
            totalCount: rows[0].totalCount,
            pageInfo: { hasNextPage: rows[0].hasNextPage, endCursor: edgeList.at(-1)?.cursor ?? null },
            edges: edgeList,
          },
        };
      },
    },
    neo4jGraphql: {
      query: PAGE_NEO4J_GRAPHQL,
      variables: { first: PAGE_SIZE },
      reshape: (data) => ({
        standards: {
          totalCount: data.standardsConnection.totalCount,
          pageInfo: data.standardsConnection.pageInfo,
          edges: edges(data.standardsConnection).map((e: Json) => ({
            cursor: e.cursor,
            node: {
              code: e.node.code,
              name: e.node.name,
              level: e.node.level,
              tasks: edges(e.node.responsibilitiesConnection)
                .flatMap((r: Json) => edges(r.node.tasksConnection).map((t: Json) => t.node))
                .sort((a: Json, b: Json) => a.position - b.position)
                .map((t: Json) => ({
                  code: t.code,
                  name: t.name,
                  knowledge: edges(t.knowledgeConnection).map((k: Json) => ({ code: k.properties.code, competency: { id: competencyGlobalId(k.node.id) } })),
                  skills: edges(t.skillsConnection).map((k: Json) => ({ code: k.properties.code, competency: { id: competencyGlobalId(k.node.id) } })),
                })),
              knowledge: edges(e.node.knowledgeConnection).map((k: Json) => ({
                code: k.properties.code,
                name: k.properties.name ?? k.node.name,
                competency: { id: competencyGlobalId(k.node.id), name: k.node.name },
              })),
              skills: edges(e.node.skillsConnection).map((k: Json) => ({
                code: k.properties.code,
                name: k.properties.name ?? k.node.name,
                competency: { id: competencyGlobalId(k.node.id), name: k.node.name },
              })),
              attitudes: edges(e.node.attitudesConnection).map((k: Json) => ({ code: k.properties.code, name: k.properties.name ?? k.node.name })),
            },
          })),
        },
      }),
      // Cursors are opaque and each library encodes its own: dropped from this comparison only.
      comparable: (canonical) => without(canonical, ['cursor', 'endCursor']),
    },
    canonical: pageCanonical,
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

/** Every label search returns, and the search kind of each GraphQL type (as the API derives them). */
const SEARCH_LABELS = NODE_KINDS.filter((kind) => kind.searchKind !== null).map((kind) => kind.label);
const SEARCH_KIND = new Map<string, string>(NODE_KINDS.flatMap((kind) => (kind.searchKind ? [[kind.type, kind.searchKind] as const] : [])));

/** The fields the query selects on each type of hit. */
function searchNode(type: string, graphId: string, p: Record<string, unknown>): Json {
  const node: Json = { __typename: type, id: toGlobalId(type as never, graphId) };
  if (type === 'Standard' || type === 'Unit' || type === 'Task') Object.assign(node, { code: p.code ?? p.id, name: p.name });
  else if (type === 'Indicator') Object.assign(node, { code: p.code, text: p.text });
  else if (type === 'Knowledge' || type === 'Skill') node.name = typeof p.name === 'string' ? p.name : graphId;
  return node;
}

/** Ordered, as the schema says: best first; hits with equal scores (which the schema does not order) as a set. */
function searchCanonical(data: Json): Json {
  const s = data?.search;
  if (!s) return null;
  return {
    totalCount: s.totalCount,
    pageInfo: { hasNextPage: s.pageInfo.hasNextPage, endCursor: s.pageInfo.endCursor },
    edges: orderedBy(
      s.edges,
      (e: Json) => e.score,
      (e: Json) => ({ kind: e.kind, score: e.score, field: e.field, snippet: e.snippet, cursor: e.cursor, node: e.node }),
    ),
  };
}

function search(p: BenchParameters): Operation {
  const words = searchWords(p.searchText);
  return {
    name: `search (full text, first ${SEARCH_FIRST})`,
    api: { query: SEARCH_API, variables: { text: p.searchText, first: SEARCH_FIRST } },
    rawCypher: {
      file: 'search',
      params: { query: luceneQuery(p.searchText), first: neo4j.int(SEARCH_FIRST), labels: SEARCH_LABELS },
      // Kind, field, snippet and cursor as the API derives them from each hit (src/modules/search).
      finish: (rows) => {
        const total = native(rows[0].total);
        const hits: Json[] = rows[0].hits;
        const page = hits.slice(0, SEARCH_FIRST).map((hit, index) => {
          const type = nodeTypeOfLabels(hit.labels)!;
          return {
            kind: SEARCH_KIND.get(type),
            score: hit.score,
            ...snippetOf(hit.properties, words),
            cursor: encodeCursor({ kind: 'offset', offset: index }),
            node: searchNode(type, String(hit.properties.id), hit.properties),
          };
        });
        return {
          search: {
            totalCount: total,
            pageInfo: { hasNextPage: hits.length > SEARCH_FIRST || page.length < total, endCursor: page.at(-1)?.cursor ?? null },
            edges: page,
          },
        };
      },
    },
    neo4jGraphql: null,
    canonical: searchCanonical,
  };
}

// ---------------------------------------------------------------------------------------------
// competency(kind, name): a competency lookup with what requires it and what is equivalent

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
      standardsConnection(first: $first, sort: [{ node: { id: ASC } }]) { totalCount edges { properties { code } node { id code name } } }
      unitsConnection(first: $first, sort: [{ node: { id: ASC } }]) { totalCount edges { properties { code } node { id code name } } }
      tasksConnection(first: $first, sort: [{ node: { id: ASC } }]) { totalCount edges { properties { code } node { id code name } } }
      similarConnection(first: $similar, where: { edge: { score: { gte: $minScore } } }, sort: [{ edge: { score: DESC } }]) {
        edges { properties { score method evidence } node { id name } }
      }
    }
  }
`;

/** Ordered, as the schema says: requirers by id; equivalents strongest first (equal scores as a set). */
function competencyCanonical(data: Json): Json {
  const c = data?.competency;
  if (!c) return null;
  return {
    id: c.id,
    name: c.name,
    kind: c.kind,
    description: c.description,
    requiredBy: { totalCount: c.requiredBy.totalCount, edges: ordered(c.requiredBy.edges, (e: Json) => ({ code: e.code, node: e.node })) },
    similar: orderedBy(
      c.similar,
      (s: Json) => s.score,
      (s: Json) => ({ score: s.score, method: s.method, evidence: s.evidence, competency: competencyRef(s.competency) }),
    ),
  };
}

/** The library's three requirer connections merged as the API pages them: one entry per requirer (its first code), by id. */
function neo4jGraphqlCompetency(data: Json): Json {
  const skill = data.skills[0];
  if (!skill) return { competency: null };
  const requirers = new Map<string, { id: string; code: string; node: Json }>();
  const add = (connection: Json, node: (n: Json) => Json) => {
    for (const e of edges(connection)) {
      const seen = requirers.get(e.node.id);
      if (!seen || e.properties.code < seen.code) requirers.set(e.node.id, { id: e.node.id, code: e.properties.code, node: node(e.node) });
    }
  };
  add(skill.standardsConnection, (n) => ({ __typename: 'Standard', code: n.code ?? n.id, name: n.name }));
  add(skill.unitsConnection, (n) => ({ __typename: 'Unit', code: n.code ?? n.id, name: n.name }));
  add(skill.tasksConnection, (n) => ({ __typename: 'Task', id: taskId(n.id), code: n.code, name: n.name }));
  const page = [...requirers.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(0, COMPETENCY_FIRST);
  return {
    competency: {
      id: competencyGlobalId(skill.id),
      name: skill.name,
      kind: String(skill.kind).toUpperCase(),
      description: skill.description,
      requiredBy: {
        totalCount: [skill.standardsConnection, skill.unitsConnection, skill.tasksConnection].reduce((sum: number, c: Json) => sum + c.totalCount, 0),
        edges: page.map(({ code, node }) => ({ code, node })),
      },
      similar: edges(skill.similarConnection).map((e: Json) => ({
        score: e.properties.score,
        method: e.properties.method,
        evidence: e.properties.evidence,
        competency: { id: competencyGlobalId(e.node.id), name: e.node.name },
      })),
    },
  };
}

function competencyLookup(p: BenchParameters): Operation {
  return {
    name: 'competency lookup (requirers and equivalents)',
    api: { query: COMPETENCY_API, variables: { name: p.skill.name, first: COMPETENCY_FIRST, minScore: SIMILAR_MIN_SCORE, similar: SIMILAR_FIRST } },
    rawCypher: {
      file: 'competency',
      params: { id: p.skill.id, first: neo4j.int(COMPETENCY_FIRST), minScore: SIMILAR_MIN_SCORE, similar: neo4j.int(SIMILAR_FIRST) },
      finish: (rows) => ({ competency: rows[0]?.competency ?? null }),
    },
    // The library counts requirer relationships, not requirers (a document listing the skill twice
    // counts twice); the bench picks a skill no requirer lists twice (parameters.ts), where both agree.
    neo4jGraphql: {
      query: COMPETENCY_NEO4J_GRAPHQL,
      variables: { id: p.skill.id, first: COMPETENCY_FIRST, minScore: SIMILAR_MIN_SCORE, similar: SIMILAR_FIRST },
      reshape: neo4jGraphqlCompetency,
    },
    canonical: competencyCanonical,
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

/**
 * Ordered, as the schema says: most widely shared first, then by score (groups equal on both as a
 * set). A group's members, its occurrences and their tasks have no stated order: sorted.
 */
function sharedCanonical(data: Json): Json {
  return orderedBy(
    data?.sharedCompetencies,
    (g: Json) => [g.documentCount, g.score],
    (g: Json) => ({
      kind: g.kind,
      score: g.score,
      documentCount: g.documentCount,
      competencies: sorted(g.competencies, competencyRef),
      occurrences: sorted(g.occurrences, (o: Json) => ({
        document: o.document.code,
        code: o.code,
        competency: o.competency.id,
        tasks: sorted(o.tasks, (t: Json) => t.id),
      })),
    }),
  );
}

function sharedCompetencies(p: BenchParameters): Operation {
  return {
    name: `sharedCompetencies (${p.sharedCodes.length} standards)`,
    api: { query: SHARED_API, variables: { codes: p.sharedCodes, minScore: SHARED_MIN_SCORE } },
    rawCypher: {
      file: 'shared-competencies',
      params: { ids: p.sharedCodes, kinds: ['knowledge', 'skill'], minScore: SHARED_MIN_SCORE },
      finish: (rows) => {
        const row = rows[0];
        const occurrences: Occurrence[] = row?.occurrences ?? [];
        const names = new Map<string, string>((row?.names ?? []).map((c: Json) => [c.id, c.name]));
        const groups = sharedGroups(groupCompetencies(occurrences, (row?.edges ?? []) as SimilarityEdge[], SHARED_MIN_SCORE));
        return {
          sharedCompetencies: groups.map((g) => ({
            kind: g.kind.toUpperCase(),
            score: g.score,
            documentCount: g.documents.length,
            competencies: g.competencyIds.map((id) => ({ id: competencyGlobalId(id), name: names.get(id) })),
            occurrences: g.occurrences.map((o) => ({
              document: { code: o.document },
              code: o.code,
              competency: { id: competencyGlobalId(o.competencyId) },
              tasks: o.taskIds.map((id) => ({ id: taskId(id) })),
            })),
          })),
        };
      },
    },
    neo4jGraphql: null,
    canonical: sharedCanonical,
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

/** Ordered, as the schema says: nodes (the centre, then by distance and id). Edges have no stated order: sorted. */
function neighbourhoodCanonical(data: Json): Json {
  const n = data?.neighborhood;
  if (!n) return null;
  return {
    truncated: n.truncated,
    nodes: ordered(n.nodes, (x: Json) => ({ id: x.id, label: x.label, name: x.name })),
    edges: sorted(n.edges, (e: Json) => ({ source: e.source, target: e.target, type: e.type, code: e.code })),
  };
}

function neighbourhood(p: BenchParameters): Operation {
  return {
    name: `neighborhood (depth 2, limit ${NEIGHBOURHOOD_LIMIT})`,
    api: { query: NEIGHBOURHOOD_API, variables: { id: toGlobalId('Standard', p.standardCode), limit: NEIGHBOURHOOD_LIMIT } },
    rawCypher: {
      file: 'neighborhood',
      params: { id: p.standardCode, limit: neo4j.int(NEIGHBOURHOOD_LIMIT) },
      // Global ids and labels from each node's labels, as the API derives them (src/relay.ts).
      finish: (rows) => {
        const row = rows[0];
        if (!row) return { neighborhood: null };
        const ids = new Map<string, string>(row.nodes.map((n: Json) => [n.id, globalIdOfNode(n.labels, n.id)]));
        return {
          neighborhood: {
            truncated: row.truncated,
            nodes: row.nodes.map((n: Json) => ({ id: ids.get(n.id), label: nodeTypeOfLabels(n.labels) ?? n.labels[0] ?? 'Node', name: n.name })),
            edges: row.edges.flatMap((e: Json) => {
              const source = ids.get(e.source);
              const target = ids.get(e.target);
              return source && target ? [{ source, target, type: e.type, code: e.code ?? null }] : [];
            }),
          },
        };
      },
    },
    neo4jGraphql: null,
    canonical: neighbourhoodCanonical,
  };
}

// ---------------------------------------------------------------------------------------------
// learningPath(input: {from, to}): what a holder of one document must still learn for another

const LEARNING_MIN_SCORE = 0.5;

const LEARNING_API = /* GraphQL */ `
  query LearningPath($from: [String!], $to: String!, $minScore: Float!) {
    learningPath(input: { from: $from, to: $to, minScore: $minScore }) {
      target { code }
      minScore minRelevance coverageBefore coverageAfter readiness readinessAfter
      gaps { code status competency { id name } closest { id } closestRelation closestScore tasks { id } }
      taskGaps { task { id } missing { code } partlyHeld { code closest { id } } held { code by { id } relation score } }
      dispositions { code competency { id } description isHeld }
      steps {
        document { code name } tasks { id } level relevance newItemCount coverageAfterStep readinessAfterStep reason
        closes { code requirement { id } by { id } relation score tasks { id } }
      }
      uncovered { code status competency { id } uncoveredReason tasks { id } }
    }
  }
`;

/**
 * Ordered, as the schema says: gaps (the target's code order), taskGaps (the target's task order),
 * steps (lower to higher level; steps of one level as a set). No stated order, so sorted: what a
 * task gap lists, dispositions, a step's tasks and the gaps it closes, uncovered gaps, and tasks.
 */
function learningCanonical(data: Json): Json {
  const l = data?.learningPath;
  if (!l) return null;
  const ids = (list: Json[]) => sorted(list, (t: Json) => t.id);
  return {
    target: l.target.code,
    minScore: l.minScore,
    minRelevance: l.minRelevance,
    coverageBefore: l.coverageBefore,
    coverageAfter: l.coverageAfter,
    readiness: l.readiness,
    readinessAfter: l.readinessAfter,
    gaps: ordered(l.gaps, (g: Json) => ({
      code: g.code,
      status: g.status,
      competency: competencyRef(g.competency),
      closest: g.closest?.id ?? null,
      closestRelation: g.closestRelation,
      closestScore: g.closestScore,
      tasks: ids(g.tasks),
    })),
    taskGaps: ordered(l.taskGaps, (t: Json) => ({
      task: t.task.id,
      missing: sorted(t.missing, (g: Json) => g.code),
      partlyHeld: sorted(t.partlyHeld, (g: Json) => ({ code: g.code, closest: g.closest?.id ?? null })),
      held: sorted(t.held, (h: Json) => ({ code: h.code, by: h.by.id, relation: h.relation, score: h.score })),
    })),
    dispositions: sorted(l.dispositions, (d: Json) => ({ code: d.code, competency: d.competency.id, description: d.description, isHeld: d.isHeld })),
    steps: orderedBy(
      l.steps,
      (s: Json) => s.level,
      (s: Json) => ({
        document: { code: s.document.code, name: s.document.name },
        tasks: ids(s.tasks),
        level: s.level,
        relevance: s.relevance,
        newItemCount: s.newItemCount,
        coverageAfterStep: s.coverageAfterStep,
        readinessAfterStep: s.readinessAfterStep,
        reason: s.reason,
        closes: sorted(s.closes, (c: Json) => ({
          code: c.code,
          requirement: c.requirement.id,
          by: c.by.id,
          relation: c.relation,
          score: c.score,
          tasks: ids(c.tasks),
        })),
      }),
    ),
    uncovered: sorted(l.uncovered, (g: Json) => ({
      code: g.code,
      status: g.status,
      competency: g.competency.id,
      uncoveredReason: g.uncoveredReason,
      tasks: ids(g.tasks),
    })),
  };
}

const RELATION_NAMES: Record<MatchRelation, string | null> = {
  same: null,
  equivalent: 'EQUIVALENT',
  narrower: 'NARROWER',
  broader: 'BROADER',
  related: 'RELATED',
};

/**
 * The learning path from the statement's one row: the same pure computation the API runs
 * (src/analysis: the typed relations split into what meets a requirement and what only comes
 * close, then `learningPath` with the API's defaults), in the API's shape.
 */
function learningFinish(rows: Json[], minScore: number): Json {
  if (!rows[0]) return { learningPath: null };
  const row = native(rows[0]);
  const { meets, partial } = splitRelations(row.relations as TypedRelation[]);
  const path = computeLearningPath({
    targetCode: row.target,
    ...(row.level > 0 ? { targetLevel: row.level } : {}),
    requirements: row.requirements,
    tasks: row.tasks,
    held: row.held,
    similarity: meets,
    partial,
    minScore,
    minRelevance: DEFAULT_MIN_RELEVANCE,
    maxSteps: DEFAULT_MAX_STEPS,
    candidates: row.candidates,
  });
  const competency = (id: string) => ({ id: competencyGlobalId(id) });
  const tasks = (list: string[] | undefined) => (list ?? []).map((id) => ({ id: taskId(id) }));
  const names = new Map<string, string>(row.requirements.map((r: Json) => [r.competencyId, r.name]));
  const gapsById = new Map(path.gaps.map((g) => [g.requirement.competencyId, g]));
  return {
    learningPath: {
      target: { code: row.target },
      minScore,
      minRelevance: DEFAULT_MIN_RELEVANCE,
      coverageBefore: path.coverageBefore,
      coverageAfter: path.coverageAfter,
      readiness: path.readinessBefore,
      readinessAfter: path.readinessAfter,
      gaps: path.gaps.map((g) => ({
        code: g.requirement.code,
        status: g.status === 'partial' ? 'PARTLY_HELD' : 'MISSING',
        competency: { ...competency(g.requirement.competencyId), name: names.get(g.requirement.competencyId) },
        closest: g.closest ? competency(g.closest.competencyId) : null,
        closestRelation: g.closest ? RELATION_NAMES[g.closest.relation] : null,
        closestScore: g.closest?.score ?? null,
        tasks: tasks(g.requirement.taskIds),
      })),
      taskGaps: path.tasks
        .filter((t) => !t.ready)
        .map((t) => ({
          task: { id: taskId(t.task.id) },
          missing: t.missing.map((s) => ({ code: s.requirement.code })),
          partlyHeld: t.partial.map((s) => ({ code: s.requirement.code, closest: s.match ? competency(s.match.competencyId) : null })),
          held: t.held.map((s) => ({
            code: s.requirement.code,
            by: competency(s.match?.competencyId ?? s.requirement.competencyId),
            relation: s.match ? RELATION_NAMES[s.match.relation] : null,
            score: s.match?.score ?? 1,
          })),
        })),
      dispositions: path.dispositions.map((d) => ({
        code: d.requirement.code,
        competency: competency(d.requirement.competencyId),
        description: d.requirement.description ?? null,
        isHeld: d.held,
      })),
      steps: path.steps.map((step) => ({
        document: { code: step.document.code, name: step.document.name },
        tasks: tasks(step.tasks.map((t) => t.id)),
        level: step.level || null,
        relevance: step.relevance,
        newItemCount: step.newItems,
        coverageAfterStep: step.coverageAfterStep,
        readinessAfterStep: step.readinessAfterStep,
        reason: step.reason,
        closes: step.closes.map((c) => ({
          code: c.requirement.code,
          requirement: competency(c.requirement.competencyId),
          by: competency(c.competencyId),
          relation: RELATION_NAMES[c.relation],
          score: c.score,
          tasks: tasks(c.requirement.taskIds),
        })),
      })),
      uncovered: path.uncovered.map((u) => ({
        code: u.code,
        status: gapsById.get(u.competencyId)?.status === 'partial' ? 'PARTLY_HELD' : 'MISSING',
        competency: competency(u.competencyId),
        uncoveredReason: u.reason,
        tasks: tasks(u.taskIds),
      })),
    },
  };
}

function learningPath(p: BenchParameters): Operation {
  return {
    name: `learningPath (${p.learner.kind} → standard)`,
    api: { query: LEARNING_API, variables: { from: [p.learner.code], to: p.standardCode, minScore: LEARNING_MIN_SCORE } },
    rawCypher: {
      file: 'learning-path',
      params: { target: p.standardCode, held: [p.learner.code], minScore: LEARNING_MIN_SCORE, kinds: ['knowledge', 'skill'] },
      finish: (rows) => learningFinish(rows, LEARNING_MIN_SCORE),
    },
    neo4jGraphql: null,
    canonical: learningCanonical,
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
