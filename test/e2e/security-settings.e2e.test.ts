// Every setting of the README's "Security and limits" table that test/e2e/hardening.e2e.test.ts
// does not already cover, each against a live server on the test Neo4j with the setting changed:
// directives, tokens, the admin body limit, CORS origins, the rate limit (and its loopback switch),
// introspection, DEBUG_ERRORS and field suggestions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeed } from '../../src/ingest/seed.js';
import { clearGraph, openTestDatabase, type TestDatabase } from '../helpers/database.js';
import { startTestService, type TestService } from '../helpers/service.js';

const ADMIN_TOKEN = 'test-admin-token-0123456789';
const NORMAL = '{ standard(code: "BLM2421-007") { code } }';

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
  await clearGraph(database.driver);
  await loadSeed(database.db);
});
afterAll(async () => {
  await database?.close();
});

/** Runs `body` against a server started with `env`, and stops it afterwards. */
async function withService(env: Record<string, string>, body: (service: TestService) => Promise<void>): Promise<void> {
  const service = await startTestService(database.driver, env);
  try {
    await body(service);
  } finally {
    await service.stop();
  }
}

interface Answer {
  status: number;
  headers: Headers;
  json: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } | null;
}

async function post(service: TestService, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(service.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  let json: Answer['json'] = null;
  try {
    json = JSON.parse(text) as Answer['json'];
  } catch {
    json = null;
  }
  return { status: response.status, headers: response.headers, json };
}

describe('MAX_QUERY_DIRECTIVES', () => {
  const withDirectives = (n: number) => `{ ${Array.from({ length: n }, () => '__typename @include(if: true)').join(' ')} }`;

  it('allows the default of 20 directives and refuses 21', async () => {
    await withService({}, async (service) => {
      expect((await post(service, { query: withDirectives(20) })).json).toEqual({ data: { __typename: 'Query' }, extensions: expect.any(Object) });
      const refused = await post(service, { query: withDirectives(21) });
      expect(refused.status).toBe(400);
      expect(refused.json?.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(refused.json?.errors?.[0]?.message).toMatch(/directives/i);
    });
  });

  it('follows the setting', async () => {
    await withService({ MAX_QUERY_DIRECTIVES: '3' }, async (service) => {
      expect((await post(service, { query: withDirectives(3) })).status).toBe(200);
      expect((await post(service, { query: withDirectives(4) })).status).toBe(400);
    });
  });
});

describe('MAX_QUERY_TOKENS', () => {
  // 12 tokens of the operation around n - 12 list items. (Thousands of one repeated field would not
  // do: graphql-js aborts validating that many overlapping fields, a limit of its own.)
  const withTokens = (n: number) => `{ sharedCompetencies(codes: [${Array.from({ length: n - 12 }, () => '"X"').join(' ')}]) { kind } }`;
  const parsed = (answer: Answer) => answer.json?.errors?.[0]?.extensions?.code !== 'GRAPHQL_PARSE_FAILED';

  it('parses a document of 5000 tokens and stops the parser beyond it', async () => {
    await withService({}, async (service) => {
      // Parsed, then refused for what it asks (too many codes): the token limit let it through.
      const atLimit = await post(service, { query: withTokens(5000) });
      expect(parsed(atLimit)).toBe(true);
      expect(atLimit.json?.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const refused = await post(service, { query: withTokens(5001) });
      expect(refused.status).toBe(400);
      expect(refused.json?.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
      expect(refused.json?.errors?.[0]?.message).toMatch(/Document contains more th[ae]t? 5000 tokens/);
    });
  });

  it('follows the setting', async () => {
    await withService({ MAX_QUERY_TOKENS: '50' }, async (service) => {
      expect(parsed(await post(service, { query: withTokens(50) }))).toBe(true);
      const refused = await post(service, { query: withTokens(51) });
      expect(refused.json?.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
      expect(refused.json?.errors?.[0]?.message).toMatch(/more th[ae]t? 50 tokens/);
    });
  });
});

describe('BODY_LIMIT and ADMIN_BODY_LIMIT', () => {
  const IMPORT = 'mutation($docs: [ImportDocumentInput!]!) { importDocuments(input: { documents: $docs, dryRun: true }) { results { status } } }';
  /** An import of one document padded to about `kb` kilobytes. */
  const importOf = (kb: number) => ({ query: IMPORT, variables: { docs: [{ name: 'x.txt', text: 'x'.repeat(kb * 1024) }] } });

  it('gives requests with the admin token the larger limit, and everyone else the ordinary one', async () => {
    await withService({ ADMIN_TOKEN, BODY_LIMIT: '10kb', ADMIN_BODY_LIMIT: '100kb' }, async (service) => {
      const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
      const accepted = await post(service, importOf(50), admin);
      expect(accepted.status).toBe(200);
      expect(accepted.json?.data).toEqual({ importDocuments: { results: [{ status: 'FAILED' }] } });

      const overAdmin = await post(service, importOf(200), admin);
      expect(overAdmin.status).toBe(413);
      expect(overAdmin.json?.errors?.[0]).toEqual({ message: 'Request body exceeds the limit of 100kb.', extensions: { code: 'PAYLOAD_TOO_LARGE' } });

      for (const headers of [{}, { authorization: 'Bearer not-the-admin-token-at-all' }] as Array<Record<string, string>>) {
        const ordinary = await post(service, importOf(50), headers);
        expect(ordinary.status).toBe(413);
        expect(ordinary.json?.errors?.[0]?.message).toBe('Request body exceeds the limit of 10kb.');
      }
    });
  });

  it('lets an admin send 2 MB by default, which an ordinary request may not', async () => {
    await withService({ ADMIN_TOKEN }, async (service) => {
      expect((await post(service, importOf(2048), { authorization: `Bearer ${ADMIN_TOKEN}` })).status).toBe(200);
      expect((await post(service, importOf(2048))).status).toBe(413);
    });
  });
});

describe('CORS_ORIGINS', () => {
  const preflight = (service: TestService, origin: string) =>
    fetch(service.url, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });

  it('sends no CORS headers by default, so browsers allow same-origin pages only', async () => {
    await withService({}, async (service) => {
      const answer = await post(service, { query: NORMAL }, { origin: 'https://elsewhere.example' });
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
      expect((await preflight(service, 'https://elsewhere.example')).headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  it('allows the listed origins and no others', async () => {
    await withService({ CORS_ORIGINS: 'https://hr.example.org, https://curriculum.example.org' }, async (service) => {
      for (const origin of ['https://hr.example.org', 'https://curriculum.example.org']) {
        const answer = await post(service, { query: NORMAL }, { origin });
        expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
        const allowed = await preflight(service, origin);
        expect(allowed.status).toBe(204);
        expect(allowed.headers.get('access-control-allow-origin')).toBe(origin);
        expect(allowed.headers.get('access-control-allow-headers')).toMatch(/content-type/i);
      }
      const other = await post(service, { query: NORMAL }, { origin: 'https://elsewhere.example' });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
      expect((await preflight(service, 'https://elsewhere.example')).headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  it('allows any origin with *', async () => {
    await withService({ CORS_ORIGINS: '*' }, async (service) => {
      const answer = await post(service, { query: NORMAL }, { origin: 'https://anywhere.example' });
      expect(answer.headers.get('access-control-allow-origin')).toBe('https://anywhere.example');
    });
  });
});

describe('RATE_LIMIT_PER_MINUTE and RATE_LIMIT_LOOPBACK', () => {
  it('answers 429 with RATE_LIMITED and Retry-After beyond the limit', async () => {
    await withService({ RATE_LIMIT_PER_MINUTE: '3', RATE_LIMIT_LOOPBACK: 'true' }, async (service) => {
      for (let i = 0; i < 3; i += 1) expect((await post(service, { query: NORMAL })).status).toBe(200);
      const limited = await post(service, { query: NORMAL });
      expect(limited.status).toBe(429);
      expect(limited.json?.errors?.[0]).toEqual({ message: 'Rate limit of 3 requests per minute exceeded.', extensions: { code: 'RATE_LIMITED' } });
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      // Every route of the service counts against the same budget.
      expect((await fetch(`${service.origin}/healthz`)).status).toBe(429);
    });
  });

  it('leaves loopback clients alone unless RATE_LIMIT_LOOPBACK is set', async () => {
    await withService({ RATE_LIMIT_PER_MINUTE: '3' }, async (service) => {
      for (let i = 0; i < 8; i += 1) expect((await post(service, { query: NORMAL })).status).toBe(200);
    });
  });

  it('is off by default', async () => {
    await withService({}, async (service) => {
      const statuses = await Promise.all(Array.from({ length: 40 }, () => fetch(`${service.origin}/healthz`).then((r) => r.status)));
      expect(new Set(statuses)).toEqual(new Set([200]));
    });
  });
});

describe('INTROSPECTION', () => {
  const INTROSPECT = '{ __schema { queryType { name } } }';

  it('answers introspection by default', async () => {
    await withService({}, async (service) => {
      expect((await post(service, { query: INTROSPECT })).json?.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    });
  });

  it('refuses it when set to false, and still answers ordinary queries', async () => {
    await withService({ INTROSPECTION: 'false' }, async (service) => {
      const refused = await post(service, { query: INTROSPECT });
      expect(refused.status).toBe(400);
      expect(refused.json?.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(refused.json?.errors?.[0]?.message).toMatch(/introspection/i);
      expect((await post(service, { query: '{ __type(name: "Standard") { name } }' })).status).toBe(400);
      expect((await post(service, { query: NORMAL })).json?.data).toEqual({ standard: { code: 'BLM2421-007v4' } });
    });
  });
});

describe('DEBUG_ERRORS and field suggestions', () => {
  const REFUSED = '{ standards(first: -5) { totalCount } }';

  it('sends stack traces only with DEBUG_ERRORS=true', async () => {
    await withService({}, async (service) => {
      const error = (await post(service, { query: REFUSED })).json?.errors?.[0];
      expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error?.extensions).not.toHaveProperty('stacktrace');
    });
    await withService({ DEBUG_ERRORS: 'true' }, async (service) => {
      const error = (await post(service, { query: REFUSED })).json?.errors?.[0];
      expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
      expect((error?.extensions?.stacktrace as string[]).join('\n')).toMatch(/\n\s+at /);
    });
  });

  it('suggests field names only when NODE_ENV=development', async () => {
    const MISSPELT = '{ standardz(code: "BLM2421-007") { code } }';
    await withService({ NODE_ENV: 'production' }, async (service) => {
      const message = (await post(service, { query: MISSPELT })).json?.errors?.[0]?.message;
      expect(message).toMatch(/Cannot query field "standardz"/);
      expect(message).not.toMatch(/Did you mean/);
    });
    await withService({ NODE_ENV: 'development' }, async (service) => {
      expect((await post(service, { query: MISSPELT })).json?.errors?.[0]?.message).toMatch(/Did you mean "standard/);
    });
  });
});
