// One request reads one snapshot: the loaders' batches and a service's own statements run in the
// same read transaction, however many statements the operation needs.
import { ApolloServer } from '@apollo/server';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDocuments } from '../../src/ingest/import-documents.js';
import { loadSeed } from '../../src/ingest/seed.js';
import { createRequestContext, type RequestContext } from '../../src/modules/context.js';
import { loadTypeDefs, resolvers } from '../../src/modules/index.js';
import { clearGraph, openTestDatabase, type TestDatabase } from '../helpers/database.js';
import { seedStandardAs } from '../helpers/seed-variants.js';

let test: TestDatabase;
let server: ApolloServer<RequestContext>;
beforeAll(async () => {
  test = await openTestDatabase();
  await clearGraph(test.driver);
  await loadSeed(test.db);
  // A second standard that shares the seed standard's competencies word for word.
  await importDocuments(test.db, [{ name: 'twin.txt', text: seedStandardAs('BLM2421-901') }]);
  server = new ApolloServer<RequestContext>({ typeDefs: loadTypeDefs(), resolvers });
  await server.start();
}, 180_000);
afterAll(async () => {
  await server?.stop();
  if (test) await clearGraph(test.driver);
  await test?.close();
});

function contextFor(): RequestContext {
  return createRequestContext(
    { db: test.db, serviceVersion: 'test', neo4jVersion: async () => 'test' },
    { requestId: 'one-snapshot', isAdmin: false, log: pino({ level: 'silent' }) },
  );
}

describe('a request', () => {
  it('reads through one transaction when it uses both loaders and a service', async () => {
    const contextValue = contextFor();
    const response = await server.executeOperation(
      {
        // `sharedCompetencies` is a service (its own statements); the documents, tasks and
        // competencies under it come back through the loaders.
        query: `{
          standard(code: "BLM2421-007v4") { code tasks { code } }
          sharedCompetencies(codes: ["BLM2421-007v4", "BLM2421-901v4"]) {
            competencies { name }
            occurrences { document { code name } code tasks { code name } }
          }
        }`,
      },
      { contextValue },
    );
    expect(response.body.kind).toBe('single');
    const result = response.body.kind === 'single' ? response.body.singleResult : null;
    expect(result?.errors).toBeUndefined();
    expect((result?.data?.standard as { tasks: unknown[] }).tasks.length).toBeGreaterThan(0);
    expect((result?.data?.sharedCompetencies as unknown[]).length).toBeGreaterThan(0);
    // Several statements (the by-code lookups with their first level, then the service's read) ...
    expect(contextValue.roundTrips.count).toBeGreaterThan(1);
    // ... and one transaction for all of them.
    expect(contextValue.roundTrips.readTransactions).toBe(1);
  });

  it('opens a new transaction for each request', async () => {
    const first = contextFor();
    const second = contextFor();
    const query = '{ standard(code: "BLM2421-007v4") { code } }';
    await server.executeOperation({ query }, { contextValue: first });
    await server.executeOperation({ query }, { contextValue: second });
    expect(first.roundTrips.readTransactions).toBe(1);
    expect(second.roundTrips.readTransactions).toBe(1);
  });
});
