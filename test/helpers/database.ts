// Access to the test Neo4j started by the global setup, for arranging and asserting in Cypher.
import { inject } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { createDriver } from '../../src/db/driver.js';
import { migrate } from '../../src/db/migrations/migrate.js';
import { bumpCatalogueVersion } from '../../src/db/catalogue-version.js';
import { Database } from '../../src/db/query.js';

export interface TestDatabase {
  driver: Driver;
  db: Database;
  close(): Promise<void>;
}

/** A driver and a migrated Database on the shared test Neo4j. Close it in afterAll. */
export async function openTestDatabase(): Promise<TestDatabase> {
  const driver = createDriver(inject('neo4jUri'), inject('neo4jUser'), inject('neo4jPassword'), {
    maxTransactionRetryTimeMs: 5_000,
  });
  const db = new Database(driver, 'neo4j', 30_000);
  await migrate(db);
  return { driver, db, close: () => driver.close() };
}

/**
 * Removes every node and relationship except the migration records (tests that need a clean graph),
 * and bumps the catalogue version as every write does, so no service answers from its cache.
 */
export async function clearGraph(driver: Driver): Promise<void> {
  await driver.executeQuery('MATCH (n) WHERE NOT n:Migration AND NOT n:Catalogue DETACH DELETE n');
  await bumpCatalogueVersion(new Database(driver, 'neo4j', 30_000));
}

/**
 * Runs a statement that changes catalogue data by hand (arranging a test) and bumps the catalogue
 * version as the service's own writes do, so no response cache serves answers from before it.
 */
export async function writeByHand(driver: Driver, text: string, params: Record<string, unknown> = {}): Promise<void> {
  await driver.executeQuery(text, params);
  await bumpCatalogueVersion(new Database(driver, 'neo4j', 30_000));
}
