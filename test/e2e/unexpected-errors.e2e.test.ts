// The unexpected-error path, provoked for real: a document whose name the test plants as a number
// makes the standards filter's Cypher fail inside Neo4j (toLower of an integer). The service runs
// as `npm start` runs it (src/main.ts, its own process, JSON logs on stdout) against the test Neo4j.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearGraph, openTestDatabase, type TestDatabase } from '../helpers/database.js';
import { startServiceOnTestDatabase, type ServiceProcess } from '../helpers/processes.js';

const BAD_CODE = 'ZZERR-001v1';

let database: TestDatabase;
let service: ServiceProcess;
let url: string;

beforeAll(async () => {
  database = await openTestDatabase();
  await clearGraph(database.driver);
  // A standard as the loader writes one, except that its name is an integer.
  await database.driver.executeQuery(
    `CREATE (:Document:Standard {id: $code, code: $code, baseCode: 'ZZERR-001', version: 1, name: 42,
             status: 'CURRENT', hasContent: true, documentKind: 'STANDARD'})`,
    { code: BAD_CODE },
  );
  ({ service, url } = await startServiceOnTestDatabase({
    NODE_ENV: 'production',
  }));
});

afterAll(async () => {
  await service?.stop();
  await database?.driver.executeQuery('MATCH (d:Document {id: $code}) DETACH DELETE d', { code: BAD_CODE });
  await database?.close();
});

describe('an error nobody planned for', () => {
  it('answers INTERNAL_SERVER_ERROR with an error id, no stack and no Cypher, and logs the stack under the same id and request id', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'unexpected-error-test-1' },
      body: JSON.stringify({ query: 'query Broken { standards(filter: { text: "no such words" }) { totalCount edges { node { code } } } }' }),
    });
    const text = await response.text();
    const body = JSON.parse(text) as { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
    expect(body.errors).toHaveLength(1);
    const error = body.errors![0]!;
    expect(error.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    const errorId = error.extensions?.errorId as string;
    expect(errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(error.message).toBe(`Internal server error (error id ${errorId})`);
    // Nothing of the cause reaches the client: no stack, no driver message, no statement text.
    expect(Object.keys(error.extensions!).sort()).toEqual(['code', 'errorId']);
    expect(text).not.toMatch(/stack|at .*\.(ts|js):\d+|toLower|CONTAINS|MATCH|Type mismatch|Long\(|Neo\.ClientError|Integer/i);

    const logged = await service.waitForLog((line) => line.errorId === errorId, 10_000);
    expect(logged.level).toBe(50); // pino's error level
    expect(logged.msg).toBe('unexpected error in a GraphQL operation');
    expect(logged.requestId).toBe('unexpected-error-test-1');
    expect(logged.operationName).toBe('Broken');
    const err = logged.err as { message: string; stack: string };
    expect(err.message).toMatch(/toLower/); // Neo4j's own words: the cause stays in the log
    expect(err.stack).toMatch(/\n\s+at /);
    // The request line of the same request carries the same id, so the two can be joined.
    const requestLine = await service.waitForLog((line) => line.msg === 'request' && line.requestId === 'unexpected-error-test-1', 10_000);
    expect(requestLine.status).toBe(200);
  });

  it('counts it in /metrics as a server error of that operation', async () => {
    const metrics = await (await fetch(url.replace(/\/graphql$/, '/metrics'))).text();
    expect(metrics).toMatch(/^graphql_errors_total\{code="INTERNAL_SERVER_ERROR"\} [1-9]\d*$/m);
    expect(metrics).toMatch(/^graphql_requests_total\{operation="Broken",outcome="server_error"\} 1$/m);
  });

  it('answers the same query normally once the planted data is gone', async () => {
    await database.driver.executeQuery('MATCH (d:Document {id: $code}) SET d.name = $name', { code: BAD_CODE, name: '錯誤示範' });
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ standards(filter: { text: "錯誤" }) { totalCount edges { node { code } } } }' }),
    });
    expect(await response.json()).toEqual({
      data: { standards: { totalCount: 1, edges: [{ node: { code: BAD_CODE } }] } },
      extensions: expect.any(Object),
    });
  });
});
