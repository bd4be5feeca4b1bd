// How busy the Neo4j driver's connection pool is. The driver (6.x) publishes no pool statistics, so
// they are read from its pool object; when a driver release moves them, this answers null and the
// pool gauges are left out of the scrape (the metrics test fails, so an upgrade notices).
import type { Driver } from 'neo4j-driver';

export interface PoolStats {
  /** Connections lent out to sessions now. */
  inUse: number;
  /** Connections open and free. */
  idle: number;
  /** Sessions waiting for a connection because every one is in use. */
  waiting: number;
  /** The pool's size limit (NEO4J_MAX_CONNECTIONS). */
  max: number;
}

interface DriverPool {
  _maxSize: number;
  _activeResourceCounts: Record<string, number>;
  _acquireRequests: Record<string, unknown[]>;
  _pools: Record<string, { length: number }>;
}

function poolOf(driver: Driver): DriverPool | null {
  // The provider (and its pool) is created with the driver's first session.
  const provider = (driver as unknown as { _connectionProvider?: { _connectionPool?: DriverPool } })._connectionProvider;
  const pool = provider?._connectionPool;
  if (!pool || typeof pool._maxSize !== 'number' || !pool._activeResourceCounts || !pool._acquireRequests || !pool._pools) return null;
  return pool;
}

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

/** The pool's figures summed over every server it talks to; null before the first session or when unreadable. */
export function poolStats(driver: Driver): PoolStats | null {
  const pool = poolOf(driver);
  if (!pool) return null;
  return {
    inUse: sum(Object.values(pool._activeResourceCounts)),
    idle: sum(Object.values(pool._pools).map((idle) => idle.length)),
    waiting: sum(Object.values(pool._acquireRequests).map((queue) => queue.length)),
    max: pool._maxSize,
  };
}
