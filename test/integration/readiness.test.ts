// /readyz follows the database: 503 while Neo4j is down, 200 again once it is back, without a restart.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDriver } from '../../src/db/driver.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/db/embedded.js';
import { startTestService, type TestService } from '../helpers/service.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'competency-graph-ready-'));
let neo4j: EmbeddedNeo4j | undefined;
let service: TestService | undefined;
const driverHolder: { close?: () => Promise<void> } = {};

afterAll(async () => {
  await service?.stop();
  await driverHolder.close?.();
  await neo4j?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const QUERY = '{ standards(first: 1) { totalCount } }';

describe('readiness and outages', () => {
  it('reports 200 with the Neo4j version, 503 and SERVICE_UNAVAILABLE when Neo4j stops under traffic, and recovers when it returns', async () => {
    neo4j = await startEmbeddedNeo4j({ dataDir, port: 0, heap: '512m' });
    const port = neo4j.port;
    const driver = createDriver(neo4j.uri, 'neo4j', '');
    driverHolder.close = () => driver.close();
    // Without the response cache, so that every request of the traffic below reaches the database.
    service = await startTestService(driver, { RESPONSE_CACHE: 'false' });

    const healthy = await fetch(`${service.origin}/readyz`);
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toEqual({ status: 'ready', neo4j: { version: neo4j.version, database: 'neo4j' } });

    // A cold JVM on a busy machine may need a few tries to plan and compile its first query.
    let first = await service.graphql(QUERY);
    for (let attempt = 0; attempt < 5 && first.errors?.[0]?.extensions?.code === 'QUERY_TIMEOUT'; attempt += 1) first = await service.graphql(QUERY);
    expect(first.errors).toBeUndefined();
    expect(first.data).toEqual({ standards: { totalCount: 0 } });

    // Traffic keeps flowing while the database goes away: every answer is data or SERVICE_UNAVAILABLE.
    const codes = new Set<string>();
    let traffic = true;
    const load = (async () => {
      while (traffic) {
        const response = await service!.graphql(QUERY);
        for (const error of response.errors ?? []) codes.add(String(error.extensions?.code));
      }
    })();
    await neo4j.stop();

    const started = Date.now();
    const failed = await service.graphql(QUERY);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(failed.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    const readyStarted = Date.now();
    const down = await fetch(`${service.origin}/readyz`);
    expect(down.status).toBe(503);
    expect(Date.now() - readyStarted).toBeLessThan(2_000);
    expect(((await down.json()) as { status: string }).status).toBe('unavailable');
    expect((await fetch(`${service.origin}/healthz`)).status).toBe(200);
    traffic = false;
    await load;
    expect([...codes].filter((code) => code !== 'SERVICE_UNAVAILABLE')).toEqual([]);

    // Back without restarting the service.
    neo4j = await startEmbeddedNeo4j({ dataDir, port, heap: '512m' });
    const back = await fetch(`${service.origin}/readyz`);
    expect(back.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // the outage breaker's pause
    expect((await service.graphql(QUERY)).data).toEqual({ standards: { totalCount: 0 } });
  });
});
