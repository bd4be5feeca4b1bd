// Competencies and classifications on the real Neo4j with the seeds loaded: lookup by published
// name, what requires a competency (paged), typed relations read in their direction,
// the competency list, and the occupation/industry/category hierarchies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeed } from '../../src/ingest/seed.js';
import { clearGraph, openTestDatabase, writeByHand, type TestDatabase } from '../helpers/database.js';
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

describe('competency(kind, name)', () => {
  it('finds a competency by its published name, ignoring width and spacing', async () => {
    const result = await data(`{
      exact: competency(kind: SKILL, name: "溝通協調能力") { id kind name }
      spaced: competency(kind: SKILL, name: " 溝通協調 能力 ") { id }
      attitude: competency(kind: ATTITUDE, name: "正直誠實") { id kind description }
      wrongKind: competency(kind: KNOWLEDGE, name: "溝通協調能力") { id }
      unknown: competency(kind: SKILL, name: "飛行") { id }
    }`);
    expect(result).toEqual({
      exact: { id: 'Skill:溝通協調能力', kind: 'SKILL', name: '溝通協調能力' },
      spaced: { id: 'Skill:溝通協調能力' },
      attitude: {
        id: 'Attitude:正直誠實',
        kind: 'ATTITUDE',
        description: '展現高道德標準及值得信賴的行為，且能以維持組織誠信為行事原則，瞭解違反組織、自己及他人的道德標準之影響。',
      },
      wrongKind: null,
      unknown: null,
    });
  });

  it('pages through the documents and tasks that require it', async () => {
    const page = async (after: string | null) =>
      (
        await data(
          `query ($after: String) { competency(kind: SKILL, name: "溝通協調能力") {
            requiredBy(first: 4, after: $after) {
              totalCount pageInfo { hasNextPage endCursor }
              edges { code node { __typename ... on Standard { code } ... on Task { id } } }
            } } }`,
          { after },
        )
      ).competency.requiredBy;
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const current = await page(after);
      expect(current.totalCount).toBe(10);
      seen.push(...current.edges.map((e: { code: string; node: { code?: string; id?: string } }) => `${e.code} ${e.node.code ?? e.node.id}`));
      if (!current.pageInfo.hasNextPage) break;
      after = current.pageInfo.endCursor;
    }
    expect(seen).toEqual([
      'S04 BLM2421-007v4',
      ...['T1.1', 'T1.2', 'T2.1', 'T2.2', 'T2.3', 'T3.1', 'T3.2', 'T3.3', 'T4.1'].map((t) => `S04 Task:BLM2421-007v4:${t}`),
    ]);
  });

  it("lists a requiring document's long texts when asked for, and a list read without them never stands in for the document", async () => {
    // The source document (工作描述 and 建議擔任此職類/職業之學歷/經歷/或能力條件 of BLM2421-007v4).
    const description = '熟悉市場且評估微型企業的資源需求，規劃開發營運計畫。';
    const requirements = ['高中職以上畢業，且具3年以上相關工作經歷。'];
    const result = await data(`{ competency(kind: SKILL, name: "溝通協調能力") {
      brief: requiredBy(first: 2) { edges { node {
        ... on Standard { code name description requirements }
        ... on Task { code document { ... on Standard { code description requirements } } } } } }
    } }`);
    expect(result.competency.brief.edges).toEqual([
      { node: { code: 'BLM2421-007v4', name: '微型企業營運主管', description, requirements } },
      { node: { code: 'T1.1', document: { code: 'BLM2421-007v4', description, requirements } } },
    ]);
    // Codes and names only: the documents are read as summaries; the task's document, read after
    // them in the same request, is still the whole document.
    const summaries = await data(`{ competency(kind: SKILL, name: "溝通協調能力") {
      requiredBy(first: 2) { edges { node {
        ... on Standard { code name version status }
        ... on Task { code document { ... on Standard { code description requirements } } } } } }
    } }`);
    expect(summaries.competency.requiredBy.edges).toEqual([
      { node: { code: 'BLM2421-007v4', name: '微型企業營運主管', version: 4, status: 'CURRENT' } },
      { node: { code: 'T1.1', document: { code: 'BLM2421-007v4', description, requirements } } },
    ]);
    // Codes and names alone read each document's reference; the document read after it is whole
    // (版本 V4, 發展更新日期 2025/12/15 in the source).
    const references = await data(`{ competency(kind: SKILL, name: "溝通協調能力") {
      requiredBy(first: 2) { edges { node {
        __typename ... on Node { id } ... on Standard { code name }
        ... on Task { code document { ... on Standard { code version publishedOn } } } } } }
    } }`);
    expect(references.competency.requiredBy.edges).toEqual([
      { node: { __typename: 'Standard', id: 'Standard:BLM2421-007v4', code: 'BLM2421-007v4', name: '微型企業營運主管' } },
      { node: { __typename: 'Task', id: 'Task:BLM2421-007v4:T1.1', code: 'T1.1', document: { code: 'BLM2421-007v4', version: 4, publishedOn: '2025-12-15' } } },
    ]);
  });

  it('reads typed relations in their direction: equivalents by default, broader, narrower and related on request', async () => {
    const similar = async () =>
      (
        await data(`{ competency(kind: SKILL, name: "溝通協調能力") {
          default: similar { competency { id } relation score method evidence }
          all: similar(relations: [EQUIVALENT, BROADER, NARROWER, RELATED]) { competency { id } relation score }
          strong: similar(minScore: 0.5, relations: [EQUIVALENT, RELATED]) { competency { id } }
          one: similar(first: 1, relations: [NARROWER, RELATED]) { competency { id } }
          equivalents { competency { id } }
          broader { competency { id } }
          narrower { competency { id } relation }
          related { competency { id } }
        } }`)
      ).competency;
    expect(await similar()).toEqual({ default: [], all: [], strong: [], one: [], equivalents: [], broader: [], narrower: [], related: [] });
    await writeByHand(
      test.driver,
      `MATCH (a:Skill {id: 'skill:溝通協調能力'}), (b:Skill {id: 'skill:溝通和協商技能'}), (c:Skill {id: 'skill:分析技能'}), (d:Skill {id: 'skill:談判技巧'})
       CREATE (b)-[:EQUIVALENT_TO {score: 0.82, method: 'lexical', evidence: '溝通 shared'}]->(a)
       CREATE (d)-[:NARROWER_THAN {score: 0.6, method: 'containment', evidence: 'qualifier'}]->(a)
       CREATE (a)-[:RELATED_TO {score: 0.3, method: 'lexical', evidence: ['few characters shared']}]->(c)`,
    );
    try {
      expect(await similar()).toEqual({
        default: [{ competency: { id: 'Skill:溝通和協商技能' }, relation: 'EQUIVALENT', score: 0.82, method: 'lexical', evidence: '溝通 shared' }],
        all: [
          { competency: { id: 'Skill:溝通和協商技能' }, relation: 'EQUIVALENT', score: 0.82 },
          { competency: { id: 'Skill:談判技巧' }, relation: 'NARROWER', score: 0.6 },
          { competency: { id: 'Skill:分析技能' }, relation: 'RELATED', score: 0.3 },
        ],
        strong: [{ competency: { id: 'Skill:溝通和協商技能' } }],
        one: [{ competency: { id: 'Skill:談判技巧' } }],
        equivalents: [{ competency: { id: 'Skill:溝通和協商技能' } }],
        broader: [],
        narrower: [{ competency: { id: 'Skill:談判技巧' }, relation: 'NARROWER' }],
        related: [{ competency: { id: 'Skill:分析技能' } }],
      });
      // Seen from the narrower side, the same relation reads BROADER.
      const other = await data('{ competency(kind: SKILL, name: "談判技巧") { broader { competency { id } relation } } }');
      expect(other.competency.broader).toEqual([{ competency: { id: 'Skill:溝通協調能力' }, relation: 'BROADER' }]);
    } finally {
      await writeByHand(test.driver, 'MATCH ()-[r:EQUIVALENT_TO|NARROWER_THAN|RELATED_TO]->() DELETE r');
    }
    const response = await service.graphql('{ competency(kind: SKILL, name: "溝通協調能力") { similar(minScore: 2) { score } } }');
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('competencies(kind, text, first, after)', () => {
  it('lists competencies by kind and text, with stable cursors', async () => {
    const result = await data(`{
      all: competencies { totalCount }
      skills: competencies(kind: SKILL) { totalCount }
      attitudes: competencies(kind: ATTITUDE, first: 100) { edges { node { name } } }
      text: competencies(text: "風險評估") { totalCount edges { node { id } } }
      spaced: competencies(text: "風險 評估") { totalCount }
    }`);
    // 15 K and 9 S of the standard, 8 K and 9 S of the unit (one K shared: none), 6 A.
    expect(result.all.totalCount).toBe(47);
    expect(result.skills.totalCount).toBe(18);
    expect(result.attitudes.edges).toHaveLength(6);
    expect(result.text.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([
      'Knowledge:商業機會的風險評估',
      'Skill:風險評估和管理技能',
      'Skill:風險評估能力',
    ]);
    expect(result.spaced.totalCount).toBe(3);

    const pages: string[] = [];
    let after: string | null = null;
    do {
      const page: any = (
        await data(`query ($after: String) { competencies(kind: KNOWLEDGE, first: 10, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`, { after })
      ).competencies;
      expect(page.totalCount).toBe(23);
      pages.push(...page.edges.map((e: { node: { id: string } }) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(pages).toHaveLength(23);
    expect(new Set(pages).size).toBe(23);
    expect([...pages].sort()).toEqual(pages);
  });
});

describe('classifications', () => {
  it('walks an occupation up and down and lists its standards, descendants included', async () => {
    const result = await data(`{
      occupation(code: "24") {
        id code name depth isProvisional
        parent { code }
        children { code }
        standards { totalCount edges { node { code } } }
      }
      leaf: occupation(code: "2421") { ancestors { code } children { code } isco08 { code match } }
      industry(code: "M7010") { name parent { code parent { code } } standards { totalCount } }
      category(code: "B") { name children { code } standards { totalCount } units { edges { node { code } } } }
      roots: occupations { code }
      under: industries(parentCode: "M70") { code }
      unknown: occupation(code: "0000") { code }
      levels: competencyLevels { number }
    }`);
    expect(result.occupation).toMatchObject({
      id: 'Occupation:24',
      code: '24',
      depth: 2,
      isProvisional: false,
      parent: { code: '2' },
      standards: { totalCount: 1, edges: [{ node: { code: 'BLM2421-007v4' } }] },
    });
    expect(result.occupation.children.map((c: { code: string }) => c.code)).toContain('242');
    expect(result.leaf).toEqual({ ancestors: [{ code: '2' }, { code: '24' }, { code: '242' }], children: [], isco08: { code: '2421', match: 'broader' } });
    expect(result.industry).toEqual({ name: '企業總管理機構', parent: { code: 'M701', parent: { code: 'M70' } }, standards: { totalCount: 1 } });
    expect(result.category).toMatchObject({ name: '企業經營管理', standards: { totalCount: 1 }, units: { edges: [{ node: { code: 'BGM5R0167v2' } }] } });
    expect(result.category.children.map((c: { code: string }) => c.code)).toEqual(expect.arrayContaining(['BGM', 'BLM']));
    expect(result.roots.map((r: { code: string }) => r.code)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(result.under).toEqual([{ code: 'M701' }, { code: 'M702' }]);
    expect(result.unknown).toBeNull();
    expect(result.levels.map((l: { number: number }) => l.number)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
