// Search and exploration on the real Neo4j with the seeds loaded: CJK full-text search with
// literal text, bounded neighbourhoods, shortest paths and graph statistics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeed } from '../../src/ingest/seed.js';
import { clearGraph, openTestDatabase, type TestDatabase } from '../helpers/database.js';
import { startTestService, type TestService } from '../helpers/service.js';

let test: TestDatabase;
let service: TestService;
beforeAll(async () => {
  test = await openTestDatabase();
  await clearGraph(test.driver);
  await loadSeed(test.db);
  service = await startTestService(test.driver, { DEBUG_ERRORS: 'true' });
});
afterAll(async () => {
  await service?.stop();
  await test?.close();
});

async function data<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await service.graphql<T>(query, variables);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

const SEARCH = `query ($text: String!, $kinds: [SearchKind!], $first: Int, $after: String) {
  search(text: $text, kinds: $kinds, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor kind score field snippet node { __typename ... on Node { id } } }
  }
}`;

interface SearchEdge {
  cursor: string;
  kind: string;
  score: number;
  field: string;
  snippet: string;
  node: { __typename: string; id: string };
}

async function search(variables: Record<string, unknown>) {
  return (await data<{ search: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: SearchEdge[] } }>(SEARCH, variables)).search;
}

describe('search', () => {
  it('finds 風險評估 in the skill, the knowledge and the output that contain it, with snippets', async () => {
    const result = await search({ text: '風險評估' });
    expect(result.totalCount).toBe(4);
    expect(result.edges.map((e) => e.node.id).sort()).toEqual([
      'Knowledge:商業機會的風險評估',
      'Output:BLM2421-007v4:O2.1.1',
      'Skill:風險評估和管理技能',
      'Skill:風險評估能力',
    ]);
    const scores = result.edges.map((e) => e.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const output = result.edges.find((e) => e.kind === 'OUTPUT')!;
    expect(output).toMatchObject({ field: 'name', snippet: '商業<mark>風險評估</mark>報告', node: { __typename: 'Output' } });
    expect(result.edges.find((e) => e.node.id === 'Skill:風險評估能力')).toMatchObject({ kind: 'SKILL', snippet: '<mark>風險評估</mark>能力' });
  });

  it('narrows by kind and pages by cursor', async () => {
    const skills = await search({ text: '風險評估', kinds: ['SKILL'] });
    expect(skills.totalCount).toBe(2);
    expect(skills.edges.every((e) => e.kind === 'SKILL')).toBe(true);

    const all = await search({ text: '溝通', first: 100 });
    expect(all.totalCount).toBeGreaterThan(3);
    const first = await search({ text: '溝通', first: 2 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await search({ text: '溝通', first: 2, after: first.pageInfo.endCursor });
    expect([...first.edges, ...second.edges].map((e) => e.node.id)).toEqual(all.edges.slice(0, 4).map((e) => e.node.id));
  });

  it('takes text literally: Lucene syntax is never an error', async () => {
    const nasty = ['風險評估 AND (OR) NOT "*" ~2 ^3 [a TO z] {x} field:value \\ / && || ! ? - +', '"', '\\', '*?', 'AND', ':', ')('];
    for (const text of nasty) {
      const response = await service.graphql(SEARCH, { text });
      expect(response.errors, text).toBeUndefined();
    }
    // Words are all required; operators and punctuation are only text.
    const mixed = await search({ text: '風險評估 AND (能力)' });
    expect(mixed.edges.map((e) => e.node.id)).toEqual(['Skill:風險評估能力']);
    expect((await search({ text: '+-&&||!(){}[]^"~*?:\\/' })).totalCount).toBe(0);
    const blank = await service.graphql(SEARCH, { text: '   ' });
    expect(blank.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('follows a hit into its fields like any other entity', async () => {
    const { search: result } = await data(`{ search(text: "分析影響產品及服務", kinds: [TASK]) {
      edges { node { ... on Task { code document { code } knowledge { code } skills { code tasks { code } } } } } } }`);
    expect(result.edges).toHaveLength(1);
    expect(result.edges[0].node).toMatchObject({ code: 'T1.1', document: { code: 'BLM2421-007v4' }, knowledge: [{ code: 'K01' }, { code: 'K02' }] });
    expect(result.edges[0].node.skills.map((s: { code: string }) => s.code)).toEqual(['S01', 'S02', 'S03', 'S04', 'S05', 'S06']);
    expect(result.edges[0].node.skills[5].tasks).toEqual([{ code: 'T1.1' }, { code: 'T1.2' }]);
  });

  it('finds codes and taxonomy entries', async () => {
    const byCode = await search({ text: 'BLM2421-007v4', kinds: ['STANDARD'] });
    expect(byCode.edges[0]?.node.id).toBe('Standard:BLM2421-007v4');
    const occupation = await search({ text: '組織及政策管理專業人員', kinds: ['OCCUPATION'] });
    expect(occupation.edges.map((e) => e.node.id)).toContain('Occupation:2421');
  });
});

const SUBGRAPH = 'nodes { id label name } edges { source target type code } truncated';

describe('neighborhood', () => {
  it('returns a task with its responsibility, indicators, K, S and level, and the edges among them', async () => {
    const { neighborhood } = await data(`{ neighborhood(id: "Task:BLM2421-007v4:T1.1") { ${SUBGRAPH} } }`);
    expect(neighborhood.truncated).toBe(false);
    expect(neighborhood.nodes).toHaveLength(13);
    expect(neighborhood.nodes[0]).toEqual({ id: 'Task:BLM2421-007v4:T1.1', label: 'Task', name: '分析影響產品及服務的環境因素' });
    const labels = neighborhood.nodes.map((n: { label: string }) => n.label).sort();
    expect(labels).toEqual(['CompetencyLevel', 'Indicator', 'Indicator', 'Knowledge', 'Knowledge', 'Responsibility', 'Skill', 'Skill', 'Skill', 'Skill', 'Skill', 'Skill', 'Task']);
    expect(neighborhood.edges).toHaveLength(12);
    expect(neighborhood.edges).toContainEqual({ source: 'Task:BLM2421-007v4:T1.1', target: 'Skill:溝通協調能力', type: 'REQUIRES', code: 'S04' });
    expect(neighborhood.edges).toContainEqual({ source: 'Responsibility:BLM2421-007v4:T1', target: 'Task:BLM2421-007v4:T1.1', type: 'HAS_TASK', code: null });
  });

  it('counts the unit neighbourhood, filters by type, goes deeper and stops at the limit', async () => {
    const result = await data(`{
      unit: neighborhood(id: "Unit:BGM5R0167v2") { nodes { label } edges { type } truncated }
      skills: neighborhood(id: "Unit:BGM5R0167v2", labels: ["Skill", "Note"]) { nodes { label } edges { type } }
      deep: neighborhood(id: "Skill:溝通協調能力", depth: 2) { nodes { id } truncated }
      cut: neighborhood(id: "Skill:溝通協調能力", depth: 2, limit: 5) { nodes { id } truncated }
      centre: neighborhood(id: "Unit:BGM5R0167v2", depth: 0) { nodes { id entity { id } } edges { type } }
      unknown: neighborhood(id: "Unit:NOPE") { truncated }
    }`);
    // 5 tasks, 8 K, 9 S, 11 notes, category BGM, level 5, and the unit itself.
    expect(result.unit.nodes).toHaveLength(36);
    expect(result.unit.truncated).toBe(false);
    // One edge to each, three skills explained by notes (分析技能, 溝通和協商技能, 自我管理技能),
    // and the five tasks at level 5.
    expect(result.unit.edges).toHaveLength(35 + 3 + 5);
    expect(result.unit.edges.filter((e: { type: string }) => e.type === 'EXPLAINED_BY')).toHaveLength(3);
    expect(result.skills.nodes).toHaveLength(1 + 9 + 11);
    expect(result.skills.edges).toHaveLength(9 + 11 + 3);
    // The standard and its 9 tasks, then everything around those.
    expect(result.deep.nodes.length).toBeGreaterThan(11);
    expect(result.deep.truncated).toBe(false);
    expect(result.cut).toEqual({
      nodes: [{ id: 'Skill:溝通協調能力' }, { id: 'Standard:BLM2421-007v4' }, { id: 'Task:BLM2421-007v4:T1.1' }, { id: 'Task:BLM2421-007v4:T1.2' }, { id: 'Task:BLM2421-007v4:T2.1' }],
      truncated: true,
    });
    expect(result.centre).toEqual({ nodes: [{ id: 'Unit:BGM5R0167v2', entity: { id: 'Unit:BGM5R0167v2' } }], edges: [] });
    expect(result.unknown).toBeNull();
  });

  it('refuses depths, limits and labels outside what is documented', async () => {
    for (const args of ['depth: 4', 'limit: 0', 'limit: 1001', 'labels: ["Planet"]']) {
      const response = await service.graphql(`{ neighborhood(id: "Unit:BGM5R0167v2", ${args}) { truncated } }`);
      expect(response.errors?.[0]?.extensions?.code, args).toBe('BAD_USER_INPUT');
    }
  });
});

describe('path and graphStats', () => {
  it('finds a shortest connection: four relationships from a task to its career cluster', async () => {
    const { path } = await data(`{ path(from: "Task:BLM2421-007v4:T1.1", to: "Category:B") { ${SUBGRAPH} } }`);
    // Through the standard (or through its level): either way four relationships, ending BLM -> B.
    expect(path.nodes).toHaveLength(5);
    expect(path.nodes[0].id).toBe('Task:BLM2421-007v4:T1.1');
    expect(path.nodes.slice(2).map((n: { id: string }) => n.id)).toEqual(['Standard:BLM2421-007v4', 'Category:BLM', 'Category:B']);
    expect(path.edges).toHaveLength(4);
    path.edges.forEach((edge: { source: string; target: string }, i: number) => {
      expect([edge.source, edge.target].sort()).toEqual([path.nodes[i].id, path.nodes[i + 1].id].sort());
    });
    expect(path.edges[3]).toEqual({ source: 'Category:BLM', target: 'Category:B', type: 'PART_OF', code: null });
    expect(path.truncated).toBe(false);
    const result = await data(`{
      tooShort: path(from: "Task:BLM2421-007v4:T1.1", to: "Category:B", maxLength: 2) { nodes { id } }
      same: path(from: "Skill:溝通協調能力", to: "Skill:溝通協調能力") { nodes { id } edges { type } }
      unknown: path(from: "Skill:溝通協調能力", to: "Skill:不存在") { nodes { id } }
    }`);
    expect(result).toEqual({ tooShort: null, same: { nodes: [{ id: 'Skill:溝通協調能力' }], edges: [] }, unknown: null });
  });

  it('counts nodes and relationships by label and type', async () => {
    const { graphStats } = await data('{ graphStats { nodeCount relationshipCount labels { label count } relationshipTypes { type count } } }');
    const [expected] = (await test.driver.executeQuery('MATCH (n) WHERE NOT n:Migration AND NOT n:Catalogue RETURN count(n) AS n')).records;
    expect(graphStats.nodeCount).toBe(Number(expected!.get('n')));
    const label = (name: string) => graphStats.labels.find((l: { label: string }) => l.label === name)?.count;
    expect(label('Standard')).toBe(4);
    expect(label('Unit')).toBe(1);
    expect(label('Task')).toBe(14);
    expect(label('Indicator')).toBe(47);
    expect(label('Migration')).toBeUndefined();
    const type = (name: string) => graphStats.relationshipTypes.find((t: { type: string }) => t.type === name)?.count;
    expect(type('HAS_TASK')).toBe(14);
    expect(type('SUPERSEDES')).toBe(3);
    expect(graphStats.relationshipTypes.reduce((sum: number, t: { count: number }) => sum + t.count, 0)).toBe(graphStats.relationshipCount);
  });
});
