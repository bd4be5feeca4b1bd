import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    const analyzer = await test.driver.executeQuery(
      "SHOW FULLTEXT INDEXES YIELD name, options WHERE name = 'entity_text' RETURN options.indexConfig['fulltext.analyzer'] AS analyzer",
    );
    expect(analyzer.records[0]?.get('analyzer')).toBe('cjk');
  });

  it('are idempotent: a second run applies nothing and changes nothing', async () => {
    const before = await schemaSnapshot();
    const report = await migrate(test.db);
    expect(report.applied).toEqual([]);
    expect(report.alreadyApplied).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await schemaSnapshot()).toEqual(before);
  });
});
