// A burst beyond the Bolt connection pool queues rather than failing: a request waits for a
// connection up to 10 s, answers SERVICE_UNAVAILABLE only after that, and the outage breaker stays
// closed (a burst is not an outage), so the next request is served at once. The pool is held busy
// by open transactions on the service's own driver; /metrics shows the pool in use and the queue.
import type { Driver, Session, Transaction } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDriver } from '../../src/db/driver.js';
import { startTestService, type TestService } from '../helpers/service.js';

const POOL_SIZE = 2;
const QUERY = '{ standards(first: 1) { totalCount } }';

let driver: Driver;
let service: TestService;

beforeAll(async () => {
  // The driver main.ts builds, with a pool of two (NEO4J_MAX_CONNECTIONS=2).
  driver = createDriver(inject('neo4jUri'), inject('neo4jUser'), inject('neo4jPassword'), { maxConnectionPoolSize: POOL_SIZE });
  // Without the response cache: its once-a-second version read would take a place in the queue this
  // test counts exactly, and repeated queries would not reach the pool at all.
  service = await startTestService(driver, { RESPONSE_CACHE: 'false' });
  expect((await service.graphql(QUERY)).errors).toBeUndefined();
});

afterAll(async () => {
  await service?.stop();
  await driver?.close();
});

/** Takes one pooled connection and keeps it until released. */
async function holdConnection(): Promise<{ release(): Promise<void> }> {
  const session: Session = driver.session();
  const tx: Transaction = session.beginTransaction();
  await tx.run('RETURN 1');
  return {
    async release() {
      await tx.rollback();
      await session.close();
    },
  };
}

async function gauge(name: string): Promise<number> {
  const text = await (await fetch(`${service.origin}/metrics`)).text();
  const match = new RegExp(`^${name} (\\d+)$`, 'm').exec(text);
  if (!match) throw new Error(`${name} is not in /metrics`);
  return Number(match[1]);
}

describe('a burst beyond the connection pool', () => {
  it('queues a request until a connection frees up', async () => {
    const held = [await holdConnection(), await holdConnection()];
    const started = Date.now();
    const pending = service.graphql(QUERY);
    try {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(await gauge('neo4j_pool_connections_in_use')).toBe(POOL_SIZE);
      expect(await gauge('neo4j_pool_acquisitions_waiting')).toBe(1);
      expect(await gauge('neo4j_pool_max_connections')).toBe(POOL_SIZE);
    } finally {
      await held[0]!.release();
    }
    const answer = await pending;
    await held[1]!.release();
    expect(answer.errors).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
    expect(await gauge('neo4j_pool_acquisitions_waiting')).toBe(0);
  });

  it('answers SERVICE_UNAVAILABLE after 10 s of waiting, and the next request is served at once', async () => {
    const held = [await holdConnection(), await holdConnection()];
    const started = Date.now();
    const answer = await service.graphql(QUERY).finally(() => Promise.all(held.map((h) => h.release())));
    const waited = Date.now() - started;
    expect(answer.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(waited).toBeGreaterThanOrEqual(9_500);
    expect(waited).toBeLessThan(15_000);

    // Within the outage breaker's pause (1 s): a tripped breaker would refuse this without trying.
    const next = await service.graphql(QUERY);
    expect(Date.now() - started - waited).toBeLessThan(1_000);
    expect(next.errors).toBeUndefined();
    expect(next.data).toMatchObject({ standards: { totalCount: expect.any(Number) } });
  });
});
