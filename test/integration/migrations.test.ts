import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bumpCatalogueVersion } from '../../src/db/catalogue-version.js';
import { migrate } from '../../src/db/migrations/migrate.js';
import { MIGRATIONS } from '../../src/db/migrations/migrations.js';
import { openTestDatabase, type TestDatabase } from '../helpers/database.js';

let test: TestDatabase;
beforeAll(async () => {
  test = await openTestDatabase(); // applies the migrations once
});
afterAll(() => test.close());

async function schemaSnapshot() {
  const constraints = await test.driver.executeQuery('SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name');
  const indexes = await test.driver.executeQuery('SHOW INDEXES YIELD name, state RETURN name, state ORDER BY name');
  const migrations = await test.driver.executeQuery('MATCH (m:Migration) RETURN m.version AS v ORDER BY v');
  return {
    constraints: constraints.records.map((r) => r.get('name') as string),
    indexes: indexes.records.map((r) => `${r.get('name')}:${r.get('state')}`),
    migrations: migrations.records.map((r) => Number(r.get('v'))),
  };
}

describe('migrations', () => {
  it('create the id constraints and the CJK full-text index, and record every version', async () => {
    const snapshot = await schemaSnapshot();
    expect(snapshot.constraints).toEqual(expect.arrayContaining(['standard_id', 'unit_id', 'task_id', 'skill_id', 'migration_version']));
    expect(snapshot.indexes).toContain('entity_text:ONLINE');
    expect(snapshot.migrations).toEqual(MIGRATIONS.map((m) => m.version));
    const config = await test.driver.executeQuery(
      `SHOW FULLTEXT INDEXES YIELD name, options WHERE name = 'entity_text'
       RETURN options.indexConfig['fulltext.analyzer'] AS analyzer, options.indexConfig['fulltext.eventually_consistent'] AS eventual`,
    );
    expect(config.records[0]?.get('analyzer')).toBe('cjk');
    // Updated after each commit, not inside it (migration 7): writers await it before bumping the catalogue version.
    expect(config.records[0]?.get('eventual')).toBe(true);
  });

  it('are idempotent: a second run applies nothing and changes nothing', async () => {
    const before = await schemaSnapshot();
    const report = await migrate(test.db);
    expect(report.applied).toEqual([]);
    expect(report.alreadyApplied).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await schemaSnapshot()).toEqual(before);
  });

  it('leave the full-text index to catch up after commit, and a catalogue bump waits for it', async () => {
    for (let i = 0; i < 10; i++) {
      const name = `遠洋漁船冷凍艙巡檢${'甲乙丙丁戊己庚辛壬癸'[i]}`;
      await test.driver.executeQuery('CREATE (:Output {id: $id, name: $name})', { id: `migration-test:${i}`, name });
      await bumpCatalogueVersion(test.db);
      const { records } = await test.driver.executeQuery(
        `CALL db.index.fulltext.queryNodes('entity_text', $text) YIELD node RETURN collect(node.id) AS ids`,
        { text: `"${name}"` },
      );
      expect(records[0]!.get('ids')).toEqual([`migration-test:${i}`]);
    }
    await test.driver.executeQuery("MATCH (n:Output) WHERE n.id STARTS WITH 'migration-test:' DELETE n");
  });
});
