// The response cache across replicas: two service processes on one Neo4j, an import through one of
// them, and the other's cached answers dropped within a second (it reads the catalogue version once
// a second). The importing process answers right after its own import. GET answers carry an ETag
// and answer 304 to a matching If-None-Match; errors, mutations and admin requests are never cached.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../src/corpus/generate-corpus.js';
import { VERSION_POLL_MS } from '../../src/http/catalogue-watcher.js';
import { clearGraph, openTestDatabase, type TestDatabase } from '../helpers/database.js';
import { startServiceOnTestDatabase, type ServiceProcess } from '../helpers/processes.js';
import { startTestService, type TestService } from '../helpers/service.js';

const ADMIN_TOKEN = 'cache-admin-token-0123456789';
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
const DOCUMENTS = [...generateCorpus({ standards: 3, units: 0, seed: 20261130 })].map((d) => ({ name: d.fileName, text: d.text }));
const LIST = 'query Codes { standards(first: 50) { totalCount edges { node { code } } } }';

let database: TestDatabase;
let importer: TestService;
let replica: ServiceProcess;
let replicaUrl: string;

interface Answer {
  status: number;
  cache: string | null;
  etag: string | null;
  body: { data?: { standards: { totalCount: number; edges: Array<{ node: { code: string } }> } }; errors?: unknown[]; extensions?: Record<string, unknown> };
}

async function post(url: string, query: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { status: response.status, cache: response.headers.get('x-cache'), etag: response.headers.get('etag'), body: (await response.json()) as Answer['body'] };
}

async function importDocuments(documents: typeof DOCUMENTS): Promise<void> {
  const answer = await importer.graphql<{ importDocuments: { results: Array<{ status: string }> } }>(
    'mutation Import($input: ImportDocumentsInput!) { importDocuments(input: $input) { results { status } } }',
    { input: { documents } },
    admin,
  );
  expect(answer.errors).toBeUndefined();
  expect(answer.data!.importDocuments.results.map((r) => r.status)).toEqual(documents.map(() => 'CREATED'));
}

const codesOf = (answer: Answer) => answer.body.data!.standards.edges.map((edge) => edge.node.code).sort();

beforeAll(async () => {
  database = await openTestDatabase();
  await clearGraph(database.driver);
  // The importer reads the version only once a minute: its answers after its own import can only be
  // right if its own writes reach its cache at once.
  importer = await startTestService(database.driver, { ADMIN_TOKEN, RESPONSE_CACHE_POLL_MS: '60000' });
  ({ service: replica, url: replicaUrl } = await startServiceOnTestDatabase({ ADMIN_TOKEN }));
  await importDocuments(DOCUMENTS.slice(0, 1));
});

afterAll(async () => {
  await replica?.stop();
  await importer?.stop();
  await database?.close();
});

describe('the response cache', () => {
  it('answers a repeated query from memory with the same body, reporting no database round trip', async () => {
    // Wait until the replica has read the version the first import wrote (at most one poll).
    await new Promise((resolve) => setTimeout(resolve, VERSION_POLL_MS + 200));
    const first = await post(replicaUrl, LIST);
    const second = await post(replicaUrl, LIST);
    expect(first.cache).toBe('miss');
    expect(second.cache).toBe('hit');
    expect(second.body.data).toEqual(first.body.data);
    expect(codesOf(second)).toHaveLength(1);
    expect(first.body.extensions?.dbRoundTrips).toBeGreaterThan(0);
    expect(second.body.extensions?.dbRoundTrips).toBe(0);
  });

  it('answers a hit like any other request: with its request id, counted in the metrics, whichever way it came in', async () => {
    // The replica warms its query plans with GraphQL requests of its own after start-up: count only
    // once they are done. A response is counted when node reports it sent, which can come a moment
    // after the client already holds it: let the earlier responses settle before each reading.
    await replica.waitForLog((line) => line.msg === 'query plans warmed');
    const graphqlResponses = async () => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const text = await (await fetch(replicaUrl.replace('/graphql', '/metrics'))).text();
      return Number(/^http_responses_total\{route="\/graphql",status="200"\} (\d+)$/m.exec(text)?.[1] ?? 0);
    };
    await post(replicaUrl, LIST);
    const before = await graphqlResponses();
    // A plain query is answered before Express; one with an Origin header goes through the route's CORS handling.
    const plain = await fetch(replicaUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'cache-hit-1' }, body: JSON.stringify({ query: LIST }) });
    const crossOrigin = await post(replicaUrl, LIST, { origin: 'http://elsewhere.example' });
    expect(plain.headers.get('x-cache')).toBe('hit');
    expect(plain.headers.get('x-request-id')).toBe('cache-hit-1');
    expect(crossOrigin.cache).toBe('hit');
    expect(((await plain.json()) as Answer['body']).data).toEqual(crossOrigin.body.data);
    expect(await graphqlResponses()).toBe(before + 2);
    // A body that is not JSON is refused the same way on either path.
    const malformed = await fetch(replicaUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('BAD_REQUEST');
  });

  it('drops the answers of another process within a second of an import', async () => {
    expect((await post(replicaUrl, LIST)).cache).toBe('hit');
    await importDocuments(DOCUMENTS.slice(1, 2));
    const imported = performance.now();
    let firstFresh: number | null = null;
    while (performance.now() - imported < 5 * VERSION_POLL_MS) {
      const asked = performance.now();
      const answer = await post(replicaUrl, LIST);
      if (codesOf(answer).length === 2) {
        firstFresh = asked - imported;
        // Fresh because the replica read the new version, not because it stopped trusting its cache.
        expect(answer.cache).toBe('miss');
        break;
      }
      expect(answer.cache).toBe('hit');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(firstFresh).not.toBeNull();
    // One poll of the version, plus the polling step of this loop and timer jitter.
    expect(firstFresh!).toBeLessThanOrEqual(VERSION_POLL_MS + 100);
  });

  it('answers right after an import made through the same process', async () => {
    await post(importer.url, LIST);
    expect((await post(importer.url, LIST)).cache).toBe('hit');
    await importDocuments(DOCUMENTS.slice(2, 3));
    const after = await post(importer.url, LIST);
    expect(after.cache).toBe('miss');
    expect(codesOf(after)).toHaveLength(3);
  });

  it('gives GET answers an ETag and answers 304 when the client already holds them', async () => {
    const url = `${importer.url}?query=${encodeURIComponent(LIST)}`;
    const headers = { accept: 'application/json', 'apollo-require-preflight': 'true' };
    const first = await fetch(url, { headers });
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    // Shared caches keep answers apart by media type and by origin (CORS headers differ by origin).
    expect(first.headers.get('vary')).toBe('Accept, Origin');
    const again = await fetch(url, { headers: { ...headers, 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const stale = await fetch(url, { headers: { ...headers, 'if-none-match': '"something-else"' } });
    expect(stale.status).toBe(200);
    expect(stale.headers.get('etag')).toBe(etag);
    expect(stale.headers.get('x-cache')).toBe('hit');
    expect(stale.headers.get('vary')).toBe('Accept, Origin');
  });

  it('never caches errors, mutations or admin requests', async () => {
    const refused = 'query Refused { standards(first: -5) { totalCount } }';
    expect((await post(importer.url, refused)).body.errors).toBeDefined();
    expect((await post(importer.url, refused)).cache).not.toBe('hit');
    const ping = 'mutation Ping { ping }';
    await post(importer.url, ping);
    expect((await post(importer.url, ping)).cache).not.toBe('hit');
    await post(importer.url, LIST, admin);
    const asAdmin = await post(importer.url, LIST, admin);
    expect(asAdmin.cache).toBeNull();
    expect(asAdmin.body.extensions?.dbRoundTrips).toBeGreaterThan(0);
  });

  it('is off with RESPONSE_CACHE=false', async () => {
    const uncached = await startTestService(database.driver, { RESPONSE_CACHE: 'false' });
    try {
      await post(uncached.url, LIST);
      const again = await post(uncached.url, LIST);
      expect(again.cache).toBeNull();
      expect(again.body.extensions?.dbRoundTrips).toBeGreaterThan(0);
    } finally {
      await uncached.stop();
    }
  });
});
