// The read API's cost on the database follows the shape of a query, not the size of its answer:
// the same deep query over 1 and over 50 standards takes the same number of Cypher round trips,
// reported as `extensions.dbRoundTrips`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDocuments } from '../../src/ingest/import-documents.js';
import { loadSeed } from '../../src/ingest/seed.js';
import { clearGraph, openTestDatabase, type TestDatabase } from '../helpers/database.js';
import { seedStandardAs } from '../helpers/seed-variants.js';
import { startTestService, type TestService } from '../helpers/service.js';

const COPIES = 49;

let test: TestDatabase;
let service: TestService;
beforeAll(async () => {
  test = await openTestDatabase();
  await clearGraph(test.driver);
  await loadSeed(test.db);
  // 49 more standards for occupation 2421: the seed standard under other codes and names.
  const copies = Array.from({ length: COPIES }, (_, i) => {
    const base = `BLM2421-${String(101 + i)}`;
    return {
      name: `copy-${base}.txt`,
      text: seedStandardAs(base).replaceAll('微型企業營運主管', `微型企業營運主管${i + 1}`),
    };
  });
  const results = await importDocuments(test.db, copies);
  expect(results.filter((r) => r.status !== 'CREATED')).toEqual([]);
  // The deep query below is far over the default cost budget; this test is about round trips.
  service = await startTestService(test.driver, { DEBUG_ERRORS: 'true', MAX_QUERY_COST: '100000000' });
}, 300_000);
afterAll(async () => {
  await service?.stop();
  if (test) await clearGraph(test.driver);
  await test?.close();
});

const DEEP = `query ($first: Int!) {
  standards(filter: { occupationCode: "2421" }, first: $first) {
    totalCount
    edges { node {
      id code name level publishedOn
      competencyLevel { description }
      category { name parent { name children { code } } }
      occupations { name ancestors { code } }
      industries { name }
      versions { code supersededBy { code } }
      responsibilities { code name tasks { code } }
      attitudes { code competency { name } }
      knowledge { code competency { name } tasks { code } }
      tasks {
        code name level
        document { code }
        indicators { code text notes { number } }
        outputs { code name task { code } }
        knowledge { code competency { id name requiredBy(first: 3) { totalCount edges { code node { __typename } } } } }
        skills { code tasks { code } competency { name notes { number } similar { score competency { name } } } }
      }
    } }
  }
}`;

describe('dbRoundTrips', () => {
  it('is the same for a deep query over 1 and over 50 standards, and small', async () => {
    const one = await service.graphql<any>(DEEP, { first: 1 });
    const fifty = await service.graphql<any>(DEEP, { first: 50 });
    expect(one.errors).toBeUndefined();
    expect(fifty.errors).toBeUndefined();
    expect(one.data.standards.totalCount).toBe(50);
    expect(one.data.standards.edges).toHaveLength(1);
    expect(fifty.data.standards.edges).toHaveLength(50);
    const tasks = fifty.data.standards.edges.flatMap((e: any) => e.node.tasks);
    expect(tasks).toHaveLength(450);
    expect(tasks.flatMap((t: any) => t.indicators)).toHaveLength(50 * 31);

    const trips = one.extensions?.dbRoundTrips as number;
    expect(fifty.extensions?.dbRoundTrips).toBe(trips);
    // One statement per level of the selection that reads something: the page; the standards'
    // fields; their tasks' and categories' fields; the competencies' and indicators' fields.
    expect(trips).toBe(4);
    console.info(`deep query: ${trips} round trips for 1 standard and for 50`);
  });

  it('reads a document or a competency asked for by its key together with its first level, in one statement', async () => {
    const tree = await service.graphql<any>(`{ standard(code: "BLM2421-007v4") {
      code occupations { code } responsibilities { code tasks { code } } knowledge { code } attitudes { code } } }`);
    expect(tree.errors).toBeUndefined();
    expect(tree.data.standard.code).toBe('BLM2421-007v4');
    expect(tree.data.standard.responsibilities.length).toBeGreaterThan(0);
    expect(tree.extensions?.dbRoundTrips).toBe(1);
    // The whole tree, each task with its outputs and indicators, is still one statement (values
    // from the seed document: T1.2 produces O1.2.1 商業機會調查報告 and has indicators P1.2.1-P1.2.5).
    const whole = await service.graphql<any>(`{ standard(code: "BLM2421-007v4") {
      responsibilities { tasks { code outputs { code name } indicators { code } } } } }`);
    expect(whole.errors).toBeUndefined();
    const t12 = whole.data.standard.responsibilities.flatMap((r: any) => r.tasks).find((t: any) => t.code === 'T1.2');
    expect(t12.outputs).toEqual([{ code: 'O1.2.1', name: '商業機會調查報告' }]);
    expect(t12.indicators.map((i: any) => i.code)).toEqual(['P1.2.1', 'P1.2.2', 'P1.2.3', 'P1.2.4', 'P1.2.5']);
    expect(whole.extensions?.dbRoundTrips).toBe(1);
    // A base code must be resolved to a version first: two statements.
    const byBase = await service.graphql<any>('{ standard(code: "BLM2421-007") { code responsibilities { code } } }');
    expect(byBase.data.standard.responsibilities).toEqual(tree.data.standard.responsibilities.map((r: any) => ({ code: r.code })));
    expect(byBase.extensions?.dbRoundTrips).toBe(2);
    const skill = await service.graphql<any>(`{ competency(kind: SKILL, name: "溝通協調能力") {
      name ... on Skill { requiredBy(first: 3) { totalCount } } similar(relations: [EQUIVALENT, BROADER]) { score } } }`);
    expect(skill.errors).toBeUndefined();
    expect(skill.data.competency.requiredBy.totalCount).toBeGreaterThan(0);
    expect(skill.extensions?.dbRoundTrips).toBe(1);
  });

  it('answers sharedCompetencies and overlap, codes resolved and documents read, in one statement', async () => {
    // BLM2421-101 is a base code: the statement resolves it to the current version itself.
    const shared = await service.graphql<any>(`{ sharedCompetencies(codes: ["BLM2421-007v4", "BLM2421-101", "BGM5R0167v2"]) {
      kind score documentCount competencies { id name } occurrences { document { code name } code competency { id name } tasks { id code name } } } }`);
    expect(shared.errors).toBeUndefined();
    const occurrences = shared.data.sharedCompetencies.flatMap((group: any) => group.occurrences);
    expect(occurrences.some((o: any) => o.document.code === 'BLM2421-101v4' && o.tasks.length > 0 && o.competency.name)).toBe(true);
    expect(shared.extensions?.dbRoundTrips).toBe(1);
    const overlap = await service.graphql<any>(`{ overlap(codes: ["BLM2421-007v4", "BLM2421-101"]) { documents { code name } matrix } }`);
    expect(overlap.errors).toBeUndefined();
    expect(overlap.data.overlap.documents.map((d: any) => d.code)).toEqual(['BLM2421-007v4', 'BLM2421-101v4']);
    expect(overlap.extensions?.dbRoundTrips).toBe(1);
  });

  it('counts every statement in every response, errors included', async () => {
    const simple = await service.graphql('{ standard(code: "BLM2421-007") { code } }');
    expect(simple.extensions?.dbRoundTrips).toBe(1);
    const nothing = await service.graphql('{ __typename }');
    expect(nothing.extensions?.dbRoundTrips).toBe(0);
    const refused = await service.graphql('{ standards(first: 500) { totalCount } }');
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.extensions?.dbRoundTrips).toBe(0);
  });
});
