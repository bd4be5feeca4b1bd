// The front door answers plain queries without Express; everything else goes through the /graphql
// route. Both paths must give the same answers: each request here is sent plainly (the door) and
// with an allowed `Origin` header (Express, with CORS), with the response cache off and on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeed } from '../../src/ingest/seed.js';
import { clearGraph, openTestDatabase, type TestDatabase } from '../helpers/database.js';
import { startTestService, type TestService } from '../helpers/service.js';

const ORIGIN = 'http://client.example';

let database: TestDatabase;
const services: Record<'cache off' | 'cache on', TestService | undefined> = { 'cache off': undefined, 'cache on': undefined };

beforeAll(async () => {
  database = await openTestDatabase();
  await clearGraph(database.driver);
  await loadSeed(database.db);
  services['cache off'] = await startTestService(database.driver, { RESPONSE_CACHE: 'false', CORS_ORIGINS: ORIGIN });
  services['cache on'] = await startTestService(database.driver, { RESPONSE_CACHE: 'true', CORS_ORIGINS: ORIGIN });
}, 180_000);

afterAll(async () => {
  for (const service of Object.values(services)) await service?.stop();
  if (database) await clearGraph(database.driver);
  await database?.close();
});

interface Sent {
  status: number;
  contentType: string | null;
  contentLength: string | null;
  requestId: string | null;
  allowOrigin: string | null;
  vary: string | null;
  body: string;
}

async function send(url: string, body: string, headers: Record<string, string> = {}): Promise<Sent> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    contentLength: response.headers.get('content-length'),
    requestId: response.headers.get('x-request-id'),
    allowOrigin: response.headers.get('access-control-allow-origin'),
    vary: response.headers.get('vary'),
    body: text,
  };
}

/**
 * An answer's body as an object. With the cache on, the routed request repeats the plain one and may
 * be a hit, which reports the zero round trips it cost: that count is left out of the comparison.
 */
function comparable(body: string, mode: 'cache off' | 'cache on'): unknown {
  const answer = JSON.parse(body) as { extensions?: Record<string, unknown> };
  if (mode === 'cache on' && answer.extensions) delete answer.extensions.dbRoundTrips;
  return answer;
}

const request = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });

const REQUESTS: Record<string, string> = {
  'a standard with its tasks': request('query Tree($code: String!) { standard(code: $code) { code name tasks { code name } } }', { code: 'BLM2421-007v4' }),
  'a unit by code': request('{ unit(code: "BGM5R0167v2") { code name } }'),
  'an unknown field (validation error)': request('{ standard(code: "BLM2421-007v4") { noSuchField } }'),
  'a variable of the wrong type': request('query Tree($code: String!) { standard(code: $code) { code } }', { code: 42 }),
  'a mutation without the admin token': request('mutation { importDocuments(input: { documents: [] }) { results { status } } }'),
  'no query at all': JSON.stringify({ variables: {} }),
};

describe.each(['cache off', 'cache on'] as const)('the front door, %s', (mode) => {
  it.each(Object.keys(REQUESTS))('answers %s as the /graphql route does', async (name) => {
    const url = services[mode]!.url;
    const plain = await send(url, REQUESTS[name]!);
    const routed = await send(url, REQUESTS[name]!, { origin: ORIGIN });
    // The second request went through Express: CORS answered it.
    expect(routed.allowOrigin).toBe(ORIGIN);
    expect(plain.allowOrigin).toBeNull();
    // The first did not: with origins configured, Express's CORS adds `Vary: Origin` even to a
    // request without one. The door leaves it off (shared caches never keep a POST's answer).
    expect(routed.vary).toBe('Origin');
    expect(plain.vary).toBeNull();
    expect(plain.status).toBe(routed.status);
    expect(plain.contentType).toBe(routed.contentType);
    expect(comparable(plain.body, mode)).toEqual(comparable(routed.body, mode));
    expect(Number(plain.contentLength)).toBe(Buffer.byteLength(plain.body));
    expect(plain.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reads the seed standard through the door', async () => {
    const plain = await send(services[mode]!.url, REQUESTS['a standard with its tasks']!);
    const answer = JSON.parse(plain.body) as { data: { standard: { code: string; name: string; tasks: unknown[] } } };
    // From the seed document: BLM2421-007v4 (V4, 最新版本) is 微型企業營運主管, with tasks under its responsibilities.
    expect(answer.data.standard.code).toBe('BLM2421-007v4');
    expect(answer.data.standard.name).toBe('微型企業營運主管');
    expect(answer.data.standard.tasks.length).toBeGreaterThan(0);
  });

  it('refuses malformed JSON with 400 BAD_REQUEST on both paths', async () => {
    const url = services[mode]!.url;
    for (const headers of [{}, { origin: ORIGIN }] as Array<Record<string, string>>) {
      const answer = await send(url, '{"query": ', headers);
      expect(answer.status).toBe(400);
      expect((JSON.parse(answer.body) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('BAD_REQUEST');
    }
  });
});
