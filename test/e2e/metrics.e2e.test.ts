// GET /metrics: Prometheus text format with requests by operation and outcome, latency histograms,
// errors by code, HTTP responses (including refusals before GraphQL), the Neo4j pool and imported
// documents by status - each count checked after traffic the test sends.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeed } from '../../src/ingest/seed.js';
import { clearGraph, openTestDatabase, type TestDatabase } from '../helpers/database.js';
import { startTestService, type TestService } from '../helpers/service.js';

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
  await service?.stop();
  await database?.close();
});

async function scrape(target: TestService = service): Promise<string> {
  const response = await fetch(`${target.origin}/metrics`);
  expect(response.status).toBe(200);
  return response.text();
}

/** The value of one sample line, e.g. `graphql_errors_total{code="BAD_USER_INPUT"}`; undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  it('is Prometheus text: HELP and TYPE for every metric, then name{labels} value lines', async () => {
    await service.graphql('{ __typename }');
    const response = await fetch(`${service.origin}/metrics`);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await response.text();
    const lines = text.split('\n').filter((line) => line !== '');
    for (const line of lines) {
      expect(line).toMatch(/^(# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .+|[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*\})? -?[0-9.e+Inf-]+|NaN)$/);
    }
    for (const name of [
      'graphql_requests_total',
      'graphql_request_duration_seconds',
      'graphql_errors_total',
      'http_responses_total',
      'import_documents_total',
      'neo4j_pool_connections_in_use',
      'neo4j_pool_acquisitions_waiting',
      'process_resident_memory_bytes',
    ]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
  });

  it('counts operations by name and outcome, times them, and counts errors by code', async () => {
    const before = await scrape();
    const named = 'query StandardByCode { standard(code: "BLM2421-007") { code } }';
    await service.graphql(named);
    await service.graphql(named);
    await service.graphql('{ unit(code: "BGM5R0167v2") { code } }');
    await service.graphql('query BadPage { standards(first: -5) { totalCount } }');
    await service.graphql('query Misspelt { standardz { code } }');
    const after = await scrape();
    const delta = (series: string) => (sample(after, series) ?? 0) - (sample(before, series) ?? 0);

    expect(delta('graphql_requests_total{operation="StandardByCode",outcome="ok"}')).toBe(2);
    expect(delta('graphql_requests_total{operation="anonymous",outcome="ok"}')).toBe(1);
    expect(delta('graphql_requests_total{operation="BadPage",outcome="client_error"}')).toBe(1);
    expect(delta('graphql_requests_total{operation="invalid",outcome="client_error"}')).toBe(1);
    expect(delta('graphql_errors_total{code="BAD_USER_INPUT"}')).toBe(1);
    expect(delta('graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"}')).toBe(1);
    expect(delta('graphql_request_duration_seconds_count{operation="StandardByCode"}')).toBe(2);
    expect(delta('graphql_request_duration_seconds_bucket{le="+Inf",operation="StandardByCode"}')).toBe(2);
    expect(sample(after, 'graphql_request_duration_seconds_sum{operation="StandardByCode"}')).toBeGreaterThan(0);
    // A resolver's refusal is an answer (200); a document that does not validate is not (400).
    expect(delta('http_responses_total{route="/graphql",status="200"}')).toBe(4);
    expect(delta('http_responses_total{route="/graphql",status="400"}')).toBe(1);
  });

  it('counts response-cache lookups by outcome, and a hit as an answered operation', async () => {
    const before = await scrape();
    const query = 'query CachedTwice { standard(code: "BLM2421-007") { code name } }';
    await service.graphql(query);
    await service.graphql(query);
    const after = await scrape();
    const delta = (series: string) => (sample(after, series) ?? 0) - (sample(before, series) ?? 0);
    expect(delta('response_cache_lookups_total{outcome="miss"}')).toBe(1);
    expect(delta('response_cache_lookups_total{outcome="hit"}')).toBe(1);
    expect(delta('graphql_requests_total{operation="CachedTwice",outcome="ok"}')).toBe(2);
  });

  it('counts refusals that never reach GraphQL', async () => {
    const before = await scrape();
    const huge = await fetch(service.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(2 * 1024 * 1024) } }),
    });
    expect(huge.status).toBe(413);
    await fetch(`${service.origin}/no-such-path`);
    const after = await scrape();
    expect((sample(after, 'http_responses_total{route="/graphql",status="413"}') ?? 0) - (sample(before, 'http_responses_total{route="/graphql",status="413"}') ?? 0)).toBe(1);
    expect(sample(after, 'http_responses_total{route="other",status="404"}')).toBeGreaterThanOrEqual(1);
  });

  it('keeps at most 200 operation names, so clients cannot grow it without bound', async () => {
    for (let i = 0; i < 210; i += 1) await service.graphql(`query Generated${i} { __typename }`);
    const text = await scrape();
    const names = new Set([...text.matchAll(/^graphql_requests_total\{operation="([^"]+)"/gm)].map((m) => m[1]));
    expect(names.size).toBeLessThanOrEqual(200 + 3); // + anonymous, invalid, other
    expect(sample(text, 'graphql_requests_total{operation="other",outcome="ok"}')).toBeGreaterThanOrEqual(10);
  });

  it('reports the Neo4j pool', async () => {
    const text = await scrape();
    expect(sample(text, 'neo4j_pool_connections_in_use')).toBe(0); // nothing in flight between requests
    expect(sample(text, 'neo4j_pool_acquisitions_waiting')).toBe(0);
    expect(sample(text, 'neo4j_pool_max_connections')).toBe(50);
    expect(sample(text, 'neo4j_pool_connections_idle')).toBeGreaterThanOrEqual(1);
  });

  it('counts imported documents by status, dry runs apart', async () => {
    const standard = fs.readFileSync(new URL('../../seed/icap/standard-BLM2421-007v4.txt', import.meta.url), 'utf8');
    const IMPORT = 'mutation($docs: [ImportDocumentInput!]!, $dry: Boolean) { importDocuments(input: { documents: $docs, dryRun: $dry }) { results { status } } }';
    const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
    const docs = [{ name: 'standard.txt', text: standard }, { name: 'broken.txt', text: 'not a document' }];
    const dry = await service.graphql(IMPORT, { docs, dry: true }, admin);
    expect(dry.data).toEqual({ importDocuments: { results: [{ status: 'UNCHANGED' }, { status: 'FAILED' }] } });
    const real = await service.graphql(IMPORT, { docs: docs.slice(0, 1), dry: false }, admin);
    expect(real.data).toEqual({ importDocuments: { results: [{ status: 'UNCHANGED' }] } });
    const text = await scrape();
    expect(sample(text, 'import_documents_total{status="UNCHANGED",dry_run="true"}')).toBe(1);
    expect(sample(text, 'import_documents_total{status="FAILED",dry_run="true"}')).toBe(1);
    expect(sample(text, 'import_documents_total{status="UNCHANGED",dry_run="false"}')).toBe(1);
  });

  it('is not served with METRICS_ENABLED=false', async () => {
    const quiet = await startTestService(database.driver, { METRICS_ENABLED: 'false' });
    try {
      expect((await fetch(`${quiet.origin}/metrics`)).status).toBe(404);
    } finally {
      await quiet.stop();
    }
  });
});
