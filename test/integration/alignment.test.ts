// Alignment on the real Neo4j: the seeds' differently worded competencies are linked by typed
// relations (and unrelated ones are not), runs are idempotent, and an import aligns only what it brought.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDocuments } from '../../src/ingest/import-documents.js';
import { loadSeed } from '../../src/ingest/seed.js';
import { alignAll, alignChanges } from '../../src/modules/analysis/alignment.service.js';
import { changeOf } from '../../src/pipeline/import-pipeline.js';
import { clearGraph, openTestDatabase, type TestDatabase } from '../helpers/database.js';
import { seedStandardAs } from '../helpers/seed-variants.js';
import { graphSnapshot } from '../helpers/snapshot.js';

let test: TestDatabase;
beforeAll(async () => {
  test = await openTestDatabase();
  await clearGraph(test.driver);
  await loadSeed(test.db);
  await alignAll(test.db);
});
afterAll(() => test.close());

/** The stored relation between a and b: its type, and whether it points from a to b. */
async function similarity(a: string, b: string): Promise<{ type: string; fromA: boolean; score: number; evidence: string } | null> {
  const { records } = await test.driver.executeQuery(
    `MATCH (x:Competency {id: $a})-[r:EQUIVALENT_TO|NARROWER_THAN|RELATED_TO]-(y:Competency {id: $b})
     RETURN type(r) AS type, startNode(r) = x AS fromA, r.score AS score, r.evidence AS evidence`,
    { a, b },
  );
  const record = records[0];
  return record ? { type: record.get('type'), fromA: record.get('fromA'), score: record.get('score'), evidence: record.get('evidence') } : null;
}

/** The seed standard under another code, with its S04 溝通協調能力 worded `skill` instead. */
function seedVariant(code: string, skill: string): string {
  return seedStandardAs(code).replaceAll('S04溝通協調能力', `S04${skill}`);
}

/** The typed relations of a snapshot, but those touching `name`. */
const relationsWithout = (snapshot: Awaited<ReturnType<typeof graphSnapshot>>, name: string) =>
  snapshot.relationships.filter((r) => /"(EQUIVALENT_TO|NARROWER_THAN|RELATED_TO)"/.test(r) && !r.includes(name));

describe('alignment of the seed documents', () => {
  it('makes 分析技能 / 分析資訊與數據能力 and 溝通和協商技能 / 溝通協調能力 equivalent, with evidence', async () => {
    const analysis = await similarity('skill:分析技能', 'skill:分析資訊與數據能力');
    expect(analysis?.type).toBe('EQUIVALENT_TO');
    expect(analysis?.evidence).toContain('分析');
    const communication = await similarity('skill:溝通和協商技能', 'skill:溝通協調能力');
    expect(communication?.type).toBe('EQUIVALENT_TO');
    expect(communication?.evidence).toMatch(/協商|協調/);
  });

  it('stores a specialisation from the narrower competency to the broader one', async () => {
    const applied = await similarity('skill:資訊科技應用能力', 'skill:資訊科技技能');
    expect(applied).toMatchObject({ type: 'NARROWER_THAN', fromA: true });
  });

  it('relates nothing between 談判技巧 and 資訊科技技能', async () => {
    expect(await similarity('skill:談判技巧', 'skill:資訊科技技能')).toBeNull();
  });

  it('links only competencies of the same kind, once per pair', async () => {
    const { records } = await test.driver.executeQuery(
      `MATCH (a:Competency)-[r:EQUIVALENT_TO|NARROWER_THAN|RELATED_TO]->(b:Competency)
       RETURN sum(CASE WHEN a.kind <> b.kind THEN 1 ELSE 0 END) AS mixed,
              count(r) AS edges, count(DISTINCT [a.id, b.id]) AS pairs,
              sum(CASE WHEN EXISTS { (b)-[:EQUIVALENT_TO|NARROWER_THAN|RELATED_TO]->(a) } THEN 1 ELSE 0 END) AS bothWays`,
    );
    expect(records[0]?.get('mixed').toNumber()).toBe(0);
    expect(records[0]?.get('edges').toNumber()).toBe(records[0]?.get('pairs').toNumber());
    expect(records[0]?.get('bothWays').toNumber()).toBe(0);
    expect(records[0]?.get('edges').toNumber()).toBeGreaterThan(0);
  });

  it('aligning twice creates no duplicate edges and changes nothing', async () => {
    const before = await graphSnapshot(test.driver);
    await alignAll(test.db);
    expect(await graphSnapshot(test.driver)).toEqual(before);
  });

  it('an import aligns the competencies it brings, and leaves other edges alone', async () => {
    const before = await graphSnapshot(test.driver);
    const results = await importDocuments(test.db, [{ name: 'variant.txt', text: seedVariant('BLM2421-099', '溝通協調技能') }]);
    expect(results[0]?.status).toBe('CREATED');
    const report = await alignChanges(test.db, changeOf(results));
    expect(report?.mode).toBe('incremental');
    const variant = await similarity('skill:溝通協調技能', 'skill:溝通協調能力');
    expect(variant?.type).toBe('EQUIVALENT_TO');
    // Edges between the seed's own competencies are as they were.
    expect(relationsWithout(await graphSnapshot(test.driver), '溝通協調技能')).toEqual(relationsWithout(before, '溝通協調技能'));
  });

  it("a process's first import builds the index from the graph and aligns only what the import brought", async () => {
    // A second driver is a second process: it has no index of its own yet.
    const other = await openTestDatabase();
    try {
      const before = await graphSnapshot(test.driver);
      const results = await importDocuments(other.db, [{ name: 'first-import.txt', text: seedVariant('BLM2421-098', '溝通協調之技能') }]);
      const report = await alignChanges(other.db, changeOf(results));
      expect(report).toMatchObject({ mode: 'incremental', competencies: 1 });
      expect((await similarity('skill:溝通協調之技能', 'skill:溝通協調能力'))?.type).toBe('EQUIVALENT_TO');
      expect(relationsWithout(await graphSnapshot(test.driver), '溝通協調之技能')).toEqual(relationsWithout(before, '溝通協調之技能'));
    } finally {
      await other.close();
    }
  });
});
