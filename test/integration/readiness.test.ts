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

describe('readiness', () => {
  it('reports 200 with the Neo4j version, 503 when Neo4j stops, and 200 when it returns', async () => {
    neo4j = await startEmbeddedNeo4j({ dataDir, port: 0, heap: '512m' });
    const port = neo4j.port;
    const driver = createDriver(neo4j.uri, 'neo4j', '');
    driverHolder.close = () => driver.close();
    service = await startTestService(driver);

    const healthy = await fetch(`${service.origin}/readyz`);
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toEqual({ status: 'ready', neo4j: { version: neo4j.version, database: 'neo4j' } });

    await neo4j.stop();
    const started = Date.now();
    const down = await fetch(`${service.origin}/readyz`);
    expect(down.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(((await down.json()) as { status: string }).status).toBe('unavailable');
    expect((await fetch(`${service.origin}/healthz`)).status).toBe(200);

    neo4j = await startEmbeddedNeo4j({ dataDir, port, heap: '512m' });
    const back = await fetch(`${service.origin}/readyz`);
    expect(back.status).toBe(200);
  });
});
