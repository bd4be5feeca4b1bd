// The document read API on the real Neo4j with the seeds loaded: lookups by full and base code,
// every field a standard and a unit carry, node(id) for every type, and paging through standards.
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

/** Runs an operation that must succeed and returns its data. */
async function data<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await service.graphql<T>(query, variables);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

describe('standard(code) and unit(code)', () => {
  it('finds the current version by base code and a version by full code', async () => {
    const result = await data(`{
      base: standard(code: "BLM2421-007") { id code version status }
      full: standard(code: "BLM2421-007v4") { id }
      history: standard(code: "BLM2421-007v2") { code status hasContent name publishedOn level tasks { code } }
      unit: unit(code: "BGM5R0167") { id code }
      unknown: standard(code: "XYZ0000-000") { id }
      wrongKind: unit(code: "BLM2421-007") { id }
    }`);
    expect(result.base).toEqual({ id: 'Standard:BLM2421-007v4', code: 'BLM2421-007v4', version: 4, status: 'CURRENT' });
    expect(result.full).toEqual({ id: 'Standard:BLM2421-007v4' });
    expect(result.history).toEqual({
      code: 'BLM2421-007v2',
      status: 'HISTORICAL',
      hasContent: false,
      name: '微型企業營運人員',
      publishedOn: '2019-12-31',
      level: null,
      tasks: [],
    });
    expect(result.unit).toEqual({ id: 'Unit:BGM5R0167v2', code: 'BGM5R0167v2' });
    expect(result.unknown).toBeNull();
    expect(result.wrongKind).toBeNull();
  });

  it('reads a standard as published', async () => {
    const { standard } = await data(`{
      standard(code: "BLM2421-007") {
        name kind description level publishedOn versionNote
        competencyLevel { id number }
        category { code name parent { code name } }
        occupations { code name isco08 { code match } }
        industries { code ancestors { code } }
        responsibilities { code name tasks { code } }
        versions { code status hasContent }
        supersedes { code } supersededBy { code }
        requirements glossary { term definition } otherNotes
        attitudes { code name description competency { id } tasks { code } }
      }
    }`);
    expect(standard).toMatchObject({
      name: '微型企業營運主管',
      kind: 'OCCUPATION',
      description: '熟悉市場且評估微型企業的資源需求，規劃開發營運計畫。',
      level: 4,
      publishedOn: '2025-12-15',
      versionNote: '略',
      competencyLevel: { id: 'CompetencyLevel:4', number: 4 },
      category: { code: 'BLM', name: '運籌管理', parent: { code: 'B', name: '企業經營管理' } },
      occupations: [{ code: '2421', name: '組織及政策管理專業人員', isco08: { code: '2421', match: 'broader' } }],
      industries: [{ code: 'M7010', ancestors: [{ code: 'M' }, { code: 'M70' }, { code: 'M701' }] }],
      supersedes: { code: 'BLM2421-007v3' },
      supersededBy: null,
      requirements: ['高中職以上畢業，且具3年以上相關工作經歷。'],
      glossary: [{ term: '利益關係人', definition: '包含企業負責人、股東、供應商、公部門及員工等。' }],
      otherNotes: [],
    });
    expect(standard.responsibilities).toEqual([
      { code: 'T1', name: '調查評估商機', tasks: [{ code: 'T1.1' }, { code: 'T1.2' }] },
      { code: 'T2', name: '開發商業計畫', tasks: [{ code: 'T2.1' }, { code: 'T2.2' }, { code: 'T2.3' }] },
      { code: 'T3', name: '評估微型企業資源需求', tasks: [{ code: 'T3.1' }, { code: 'T3.2' }, { code: 'T3.3' }] },
      { code: 'T4', name: '符合微型企業政府主管機關相關法規要求', tasks: [{ code: 'T4.1' }] },
    ]);
    expect(standard.versions).toEqual([
      { code: 'BLM2421-007v1', status: 'HISTORICAL', hasContent: false },
      { code: 'BLM2421-007v2', status: 'HISTORICAL', hasContent: false },
      { code: 'BLM2421-007v3', status: 'HISTORICAL', hasContent: false },
      { code: 'BLM2421-007v4', status: 'CURRENT', hasContent: true },
    ]);
    expect(standard.attitudes.map((a: { code: string; name: string }) => `${a.code} ${a.name}`)).toEqual([
      'A01 正直誠實',
      'A02 持續學習',
      'A03 謹慎細心',
      'A04 應對不確定性',
      'A05 主動積極',
      'A06 團隊意識',
    ]);
    expect(standard.attitudes[5]).toEqual({
      code: 'A06',
      name: '團隊意識',
      description: '積極參與並支持團隊，能彼此鼓勵共同達成團隊目標。',
      competency: { id: 'Attitude:團隊意識' },
      tasks: [],
    });
  });

  it('lists each K and S with the tasks that need it, and each task with its parts', async () => {
    const { standard } = await data(`{
      standard(code: "BLM2421-007v4") {
        skills { code name competency { id name } tasks { code } }
        knowledge { code tasks { code } }
        tasks {
          code name level document { code } responsibility { code }
          indicators { code text } outputs { code name }
          knowledge { code } skills { code competency { name } tasks { code } }
        }
      }
    }`);
    expect(standard.skills.map((s: { code: string; name: string }) => `${s.code} ${s.name}`)).toEqual([
      'S01 分析資訊與數據能力',
      'S02 研究能力',
      'S03 風險評估能力',
      'S04 溝通協調能力',
      'S05 報告撰寫能力',
      'S06 創意發展技術',
      'S07 談判技巧',
      'S08 資訊科技應用能力',
      'S09 讀寫能力',
    ]);
    const s04 = standard.skills[3];
    expect(s04.competency).toEqual({ id: 'Skill:溝通協調能力', name: '溝通協調能力' });
    expect(s04.tasks.map((t: { code: string }) => t.code)).toEqual(['T1.1', 'T1.2', 'T2.1', 'T2.2', 'T2.3', 'T3.1', 'T3.2', 'T3.3', 'T4.1']);
    expect(standard.knowledge.find((k: { code: string }) => k.code === 'K03').tasks.map((t: { code: string }) => t.code)).toEqual([
      'T1.2',
      'T2.1',
      'T2.2',
      'T2.3',
    ]);
    expect(standard.tasks).toHaveLength(9);
    const t23 = standard.tasks[4];
    expect(t23).toMatchObject({
      code: 'T2.3',
      name: '因應不同利益關係人提供適當資訊',
      level: 4,
      document: { code: 'BLM2421-007v4' },
      responsibility: { code: 'T2' },
      outputs: [],
      knowledge: [{ code: 'K03' }, { code: 'K06' }, { code: 'K07' }],
    });
    expect(t23.indicators.map((i: { code: string }) => i.code)).toEqual(['P2.3.1', 'P2.3.2']);
    expect(t23.skills.map((s: { code: string }) => s.code)).toEqual(['S01', 'S03', 'S04', 'S05']);
    expect(t23.skills[0]).toEqual({
      code: 'S01',
      competency: { name: '分析資訊與數據能力' },
      tasks: [{ code: 'T1.1' }, { code: 'T1.2' }, { code: 'T2.1' }, { code: 'T2.2' }, { code: 'T2.3' }],
    });
    expect(standard.tasks[1].outputs).toEqual([{ code: 'O1.2.1', name: '商業機會調查報告' }]);
  });

  it('reads a unit with its notes, assessment and the terms its indicators explain', async () => {
    const { unit } = await data(`{
      unit(code: "BGM5R0167v2") {
        name domain level status publishedOn category { code name }
        tasks { code name indicators { code } }
        knowledge { code name tasks { code } }
        skills { code name competency { notes { number term } } }
        notes { id number term text examples document { code } }
        assessment { keyEvidence contextAndResources methods }
        revisionNotes
        versions { code }
      }
    }`);
    expect(unit).toMatchObject({
      name: '促進組織業務有效運作',
      domain: '企業經營管理/一般管理',
      level: 5,
      status: 'CURRENT',
      publishedOn: null,
      category: { code: 'BGM' },
      revisionNotes: ['2020年修訂職能內容。'],
      versions: [{ code: 'BGM5R0167v2' }],
    });
    expect(unit.tasks.map((t: { code: string; name: string; indicators: unknown[] }) => [t.code, t.name, t.indicators.length])).toEqual([
      ['T1', '評估組織業務運作狀況', 4],
      ['T2', '確認業務永續的關鍵功能', 2],
      ['T3', '促進業務之持續運作與推動', 2],
      ['T4', '發展業務系統或資訊更新計畫', 4],
      ['T5', '評估組織績效報告', 4],
    ]);
    expect(unit.knowledge).toHaveLength(8);
    expect(unit.knowledge[0]).toEqual({ code: 'K01', name: '工作場所和公司的緊急程序', tasks: [] });
    expect(unit.skills).toHaveLength(9);
    expect(unit.skills[0]).toEqual({ code: 'S01', name: '分析技能', competency: { notes: [{ number: 9, term: '分析技能' }] } });
    expect(unit.notes).toHaveLength(11);
    expect(unit.notes[1]).toEqual({
      id: 'Note:BGM5R0167v2:N2',
      number: 2,
      term: '業務功能',
      text: '業務功能可能包括：現場員工的派遣、數據的投入、服務的提供、客戶聯繫的回應與組織一般提供的服務和產品。',
      examples: ['現場員工的派遣', '數據的投入', '服務的提供', '客戶聯繫的回應', '組織一般提供的服務和產品'],
      document: { code: 'BGM5R0167v2' },
    });
    expect(unit.assessment.keyEvidence).toEqual(['發展、執行並評量企業永續計畫。', '證明組織、法令、法規和法律要求的知識。']);
    expect(unit.assessment.methods).toHaveLength(7);

    const { node } = await data(`{ node(id: "Indicator:BGM5R0167v2:P1.1") { ... on Indicator { terms notes { number term } task { code } } } }`);
    expect(node).toEqual({ terms: ['主要影響', '業務功能'], notes: [{ number: 1, term: '主要影響' }, { number: 2, term: '業務功能' }], task: { code: 'T1' } });
  });
});

describe('node(id)', () => {
  const ids = [
    ['Standard:BLM2421-007v4', 'Standard'],
    ['Standard:BLM2421-007v1', 'Standard'],
    ['Unit:BGM5R0167v2', 'Unit'],
    ['Responsibility:BLM2421-007v4:T1', 'Responsibility'],
    ['Task:BLM2421-007v4:T1.1', 'Task'],
    ['Task:BGM5R0167v2:T3', 'Task'],
    ['Indicator:BLM2421-007v4:P1.1.1', 'Indicator'],
    ['Output:BLM2421-007v4:O1.2.1', 'Output'],
    ['Note:BGM5R0167v2:N1', 'Note'],
    ['Knowledge:創新商業模式', 'Knowledge'],
    ['Skill:溝通協調能力', 'Skill'],
    ['Attitude:正直誠實', 'Attitude'],
    ['Occupation:2421', 'Occupation'],
    ['Industry:M7010', 'Industry'],
    ['Category:BLM', 'Category'],
    ['CompetencyLevel:4', 'CompetencyLevel'],
  ] as const;

  it('returns every type by its global id, and the id back', async () => {
    const query = `{ ${ids.map(([id], i) => `n${i}: node(id: ${JSON.stringify(id)}) { __typename id }`).join(' ')} }`;
    const result = await data(query);
    expect(ids.map((_, i) => result[`n${i}`])).toEqual(ids.map(([id, type]) => ({ __typename: type, id })));
  });

  it('returns null for unknown, malformed or mistyped ids', async () => {
    const result = await data(`{
      a: node(id: "Standard:NOPE0000-000v1") { id }
      b: node(id: "nonsense") { id }
      c: node(id: "Unit:BLM2421-007v4") { id }
      d: node(id: "Skill:創新商業模式") { id }
      e: node(id: "Planet:Earth") { id }
      f: node(id: "Task:") { id }
    }`);
    expect(result).toEqual({ a: null, b: null, c: null, d: null, e: null, f: null });
  });
});

describe('standards(filter, first, after)', () => {
  it('filters by classification (descendants included), level, status and text', async () => {
    const codes = async (filter: string) =>
      (await data(`{ standards(filter: ${filter}) { totalCount edges { node { code } } } }`)).standards;
    const current = { totalCount: 1, edges: [{ node: { code: 'BLM2421-007v4' } }] };
    const none = { totalCount: 0, edges: [] };
    expect(await codes('{ occupationCode: "24" }')).toEqual(current);
    expect(await codes('{ occupationCode: "2422" }')).toEqual(none);
    expect(await codes('{ industryCode: "M" }')).toEqual(current);
    expect(await codes('{ categoryCode: "B", levelMin: 4, levelMax: 4 }')).toEqual(current);
    expect(await codes('{ levelMin: 5 }')).toEqual(none);
    expect(await codes('{ text: "微型企業" }')).toEqual(current);
    expect(await codes('{ text: "blm2421" }')).toEqual(current);
    expect((await codes('{ status: HISTORICAL }')).totalCount).toBe(3);
    expect((await codes('{ status: null }')).totalCount).toBe(4);
    expect((await data('{ units(filter: { categoryCode: "BGM" }) { totalCount } }')).units.totalCount).toBe(1);
  });

  it('pages with stable cursors and a right totalCount', async () => {
    const page = async (after: string | null) =>
      (
        await data(`query ($after: String) { standards(filter: { status: null }, first: 3, after: $after) {
          totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { code } } } }`, { after })
      ).standards;
    const first = await page(null);
    expect(first.totalCount).toBe(4);
    expect(first.edges.map((e: { node: { code: string } }) => e.node.code)).toEqual(['BLM2421-007v1', 'BLM2421-007v2', 'BLM2421-007v3']);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(first.pageInfo.endCursor).toBe(first.edges[2].cursor);
    const second = await page(first.pageInfo.endCursor);
    expect(second).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: false, hasPreviousPage: true } });
    expect(second.edges.map((e: { node: { code: string } }) => e.node.code)).toEqual(['BLM2421-007v4']);
    // The same cursor gives the same page again; a cursor from the middle continues after it.
    expect(await page(first.pageInfo.endCursor)).toEqual(second);
    const fromMiddle = await page(first.edges[0].cursor);
    expect(fromMiddle.edges.map((e: { node: { code: string } }) => e.node.code)).toEqual(['BLM2421-007v2', 'BLM2421-007v3', 'BLM2421-007v4']);
  });

  it('refuses bad arguments with BAD_USER_INPUT saying what is allowed', async () => {
    const cases = [
      ['{ standards(first: 101) { totalCount } }', 'between 0 and 100'],
      ['{ standards(first: -1) { totalCount } }', 'between 0 and 100'],
      ['{ standards(after: "not-a-cursor") { totalCount } }', 'not a cursor'],
      ['{ standards(filter: { levelMin: 0 }) { totalCount } }', 'level from 1 to 6'],
      ['{ standards(filter: { levelMin: 5, levelMax: 3 }) { totalCount } }', 'must not exceed'],
    ];
    for (const [query, message] of cases) {
      const response = await service.graphql(query!);
      expect(response.errors?.[0]?.extensions?.code, query).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.message).toContain(message);
    }
  });
});
