// Hostile and careless traffic against the live HTTP server on the real Neo4j: every abuse is refused
// with the right status and code, a normal query is answered right after, user strings shaped like
// Cypher or Lucene change nothing, and writes need the admin token.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeed } from '../../src/ingest/seed.js';
import { clearGraph, openTestDatabase, type TestDatabase } from '../helpers/database.js';
import { startTestService, type TestService } from '../helpers/service.js';
import { graphSnapshot } from '../helpers/snapshot.js';

const ADMIN_TOKEN = 'test-admin-token-0123456789';

let database: TestDatabase;
let service: TestService;
beforeAll(async () => {
  database = await openTestDatabase();
  await clearGraph(database.driver);
  await loadSeed(database.db);
  service = await startTestService(database.driver, { ADMIN_TOKEN });
});
afterAll(async () => {
  await service.stop();
  await database.close();
});

const NORMAL = '{ standard(code: "BLM2421-007") { code name } }';

async function post(body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const response = await fetch(service.url, { method: 'POST', headers, body });
  const text = await response.text();
  let json: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } | null = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, json, text };
}

/** After every refusal the server still answers a normal query. */
async function expectStillServing(): Promise<void> {
  const { status, json } = await post(JSON.stringify({ query: NORMAL }));
  expect(status).toBe(200);
  expect(json?.data).toEqual({ standard: { code: 'BLM2421-007v4', name: '微型企業營運主管' } });
}

/** A legitimate-looking query `levels` fields deep: standard -> tasks -> document -> tasks -> … */
function nested(levels: number): string {
  let selection = 'code';
  for (let level = 1; level < levels; level += 1) selection = level % 2 === 1 ? `tasks { ${selection} }` : `document { ${selection} }`;
  return `{ standard(code: "BLM2421-007") { ${selection} } }`;
}

describe('request limits', () => {
  it('refuses a 25-level nesting with a clear code', async () => {
    const { status, json } = await post(JSON.stringify({ query: nested(25) }));
    expect(status).toBe(400);
    expect(json?.errors?.[0]?.message).toMatch(/depth/i);
    expect(json?.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    await expectStillServing();
  });

  it('refuses 300 aliases', async () => {
    const aliases = Array.from({ length: 300 }, (_, i) => `a${i}: standard(code: "BLM2421-007") { code }`).join(' ');
    const { status, json } = await post(JSON.stringify({ query: `{ ${aliases} }` }));
    expect(status).toBe(400);
    expect(json?.errors?.[0]?.message).toMatch(/alias/i);
    await expectStillServing();
  });

  it('refuses a list larger than its maximum and an over-budget operation', async () => {
    const overMaximum = await post(JSON.stringify({ query: '{ standards(first: 150) { totalCount } }' }));
    expect(overMaximum.json?.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(overMaximum.json?.errors?.[0]?.message).toMatch(/100/);
    const huge = await post(JSON.stringify({ query: '{ standards(first: 100000) { edges { node { code } } } }' }));
    expect(huge.status).toBe(400);
    expect(huge.json?.errors?.[0]?.extensions?.code).toBe('COST_LIMIT_EXCEEDED');
    const costly = await post(
      JSON.stringify({
        query: `query($n: Int) { standards(first: $n) { edges { node { tasks { indicators { code } knowledge { competency { similar(first: 100) { competency { requiredBy(first: 100) { totalCount } } } } } } } } } }`,
        variables: { n: 100 },
      }),
    );
    expect(costly.status).toBe(400);
    expect(costly.json?.errors?.[0]?.extensions?.code).toBe('COST_LIMIT_EXCEEDED');
    await expectStillServing();
  });

  it('answers 413 to an oversized body and 400 to malformed JSON', async () => {
    const huge = await post(JSON.stringify({ query: NORMAL, variables: { padding: 'x'.repeat(2 * 1024 * 1024) } }));
    expect(huge.status).toBe(413);
    expect(huge.json?.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    const malformed = await post('{"query": "{ standard(code: ');
    expect(malformed.status).toBe(400);
    expect(malformed.json?.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    await expectStillServing();
  });

  it('refuses wrong content types, batches and mutations over GET', async () => {
    const plain = await post(JSON.stringify({ query: NORMAL }), { 'content-type': 'text/plain' });
    expect(plain.status).toBe(400); // CSRF prevention: a simple request cannot run an operation
    const batch = await post(JSON.stringify([{ query: NORMAL }, { query: NORMAL }]));
    expect(batch.status).toBe(400);
    const getMutation = await fetch(`${service.url}?query=${encodeURIComponent('mutation { ping }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(getMutation.status).toBe(405);
    await expectStillServing();
  });

  it('never sends stack traces or Cypher to the client', async () => {
    const { json, text } = await post(JSON.stringify({ query: '{ standards(first: -5) { totalCount } }' }));
    expect(json?.errors?.length).toBeGreaterThan(0);
    expect(text).not.toMatch(/stacktrace|MATCH \(|at .*\.ts:\d+/);
  });
});

describe('admin operations', () => {
  const IMPORT = 'mutation($docs: [ImportDocumentInput!]!) { importDocuments(input: { documents: $docs, dryRun: true }) { results { status } } }';
  const docs = [{ name: 'x.txt', text: 'nothing' }];

  it('need the bearer token: missing or wrong is UNAUTHENTICATED', async () => {
    const missing = await service.graphql(IMPORT, { docs });
    expect(missing.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const wrong = await service.graphql(IMPORT, { docs }, { authorization: 'Bearer not-the-token-at-all' });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const right = await service.graphql<{ importDocuments: { results: Array<{ status: string }> } }>(IMPORT, { docs }, { authorization: `Bearer ${ADMIN_TOKEN}` });
    expect(right.errors).toBeUndefined();
    expect(right.data?.importDocuments.results).toEqual([{ status: 'FAILED' }]);
  });

  it('report the forms an import normalised as warnings beside the errors', async () => {
    const text = readFileSync(new URL('../../seed/icap/standard-BLM2421-007v4.txt', import.meta.url), 'utf8').replace('\tM7010', '\tM-70-701-7010');
    const query =
      'mutation($docs: [ImportDocumentInput!]!) { importDocuments(input: { documents: $docs, dryRun: true }) { results { status errors { message } warnings { kind message line field } } } }';
    const response = await service.graphql<{ importDocuments: { results: unknown[] } }>(query, { docs: [{ name: 's.txt', text }] }, { authorization: `Bearer ${ADMIN_TOKEN}` });
    expect(response.errors).toBeUndefined();
    expect(response.data?.importDocuments.results).toEqual([
      {
        status: expect.stringMatching(/^(CREATED|UNCHANGED|UPDATED)$/),
        errors: [],
        warnings: [{ kind: 'HYPHENATED_CODE', message: '行業別代碼 M-70-701-7010 read as M7010', line: 16, field: '行業別' }],
      },
    ]);
  });

  it('are disabled when no ADMIN_TOKEN is configured', async () => {
    const open = await startTestService(database.driver);
    try {
      const attempt = await open.graphql(IMPORT, { docs }, { authorization: 'Bearer ' });
      expect(attempt.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await open.stop();
    }
  });
});

describe('hostile strings in arguments', () => {
  const HOSTILE = [
    '") RETURN 1 //',
    "' OR 1=1 --",
    'MATCH (n) DETACH DELETE n',
    '*:*',
    'name:"x" OR text:*',
    '[a TO z]',
    '\\',
    '~0.5',
    '(((',
    'a AND OR NOT b',
    '/regex.*/',
    '{!lucene}',
    '\u0000',
    '風險評估"',
  ];

  it('change nothing and break nothing in any string argument', async () => {
    const before = await graphSnapshot(database.driver);
    for (const text of HOSTILE) {
      const query = `query($t: String!, $id: ID!) {
        search(text: $t, first: 5) { totalCount edges { snippet } }
        standard(code: $t) { code }
        unit(code: $t) { code }
        competency(kind: SKILL, name: $t) { name }
        occupation(code: $t) { name }
        node(id: $id) { id }
        neighborhood(id: $id) { nodes { id } }
        similarDocuments(code: $t) { score }
      }`;
      const { data, errors } = await service.graphql(query, { t: text, id: `Standard:${text}` });
      const codes = (errors ?? []).map((e) => e.extensions?.code);
      expect(codes.every((code) => code === 'BAD_USER_INPUT'), `${text}: ${JSON.stringify(errors)}`).toBe(true);
      expect(data).toBeTruthy();
    }
    expect(await graphSnapshot(database.driver)).toEqual(before);
  });

  it('fuzzed arguments never produce a 500 or an error without a code', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }), fc.integer({ min: -5, max: 2000 }), async (text, n) => {
        const { status, json } = await post(
          JSON.stringify({
            query: `query($t: String!, $id: ID!, $n: Int) { search(text: $t, first: $n) { totalCount } neighborhood(id: $id, depth: $n, limit: $n) { nodes { id } } }`,
            variables: { t: text, id: text, n },
          }),
        );
        expect(status).toBeLessThan(500);
        for (const error of json?.errors ?? []) {
          expect(['BAD_USER_INPUT', 'COST_LIMIT_EXCEEDED']).toContain(error.extensions?.code);
        }
      }),
      { numRuns: 60 },
    );
  });
});
