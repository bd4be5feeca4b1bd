// Opens the Neo4j driver for the configured target: a server the user runs (NEO4J_URI), or the
// embedded launcher started on demand. Callers get one handle that also stops what it started.
import neo4j, { type Driver } from 'neo4j-driver';
import type { Neo4jTarget } from '../config.js';
import { portInUse, startEmbeddedNeo4j, type EmbeddedNeo4j } from './embedded.js';

export interface Neo4jConnection {
  driver: Driver;
  database: string;
  /** Present when this process started the database itself. */
  embedded?: EmbeddedNeo4j;
  /** Closes the driver, then stops the embedded database if there is one. */
  close(): Promise<void>;
}

export interface DriverTuning {
  /**
   * How long managed transactions retry transient failures. The request path keeps this short so
   * a missing database answers SERVICE_UNAVAILABLE quickly instead of hanging for the 30 s default.
   */
  maxTransactionRetryTimeMs?: number;
  maxConnectionPoolSize?: number;
  /**
   * Wait for a pooled connection before failing: a burst beyond the pool queues for up to this long
   * (an unreachable database fails on `connectionTimeoutMs` instead, long before).
   */
  connectionAcquisitionTimeoutMs?: number;
  connectionTimeoutMs?: number;
}

/** Creates a driver with fail-fast defaults suitable for serving requests. */
export function createDriver(uri: string, user: string, password: string, tuning: DriverTuning = {}): Driver {
  const auth = password ? neo4j.auth.basic(user, password) : undefined;
  return neo4j.driver(uri, auth, {
    maxTransactionRetryTime: tuning.maxTransactionRetryTimeMs ?? 500,
    maxConnectionPoolSize: tuning.maxConnectionPoolSize ?? 50,
    connectionAcquisitionTimeout: tuning.connectionAcquisitionTimeoutMs ?? 10_000,
    connectionTimeout: tuning.connectionTimeoutMs ?? 1_000,
    disableLosslessIntegers: false,
    userAgent: 'competency-graph',
  });
}

/** Starts (embedded) or reaches (remote) Neo4j and returns a verified connection. */
export async function connectNeo4j(
  target: Neo4jTarget,
  options: {
    tuning?: DriverTuning;
    onLog?: (line: string) => void;
    /**
     * For command-line tools: when the embedded database is already running (a service started it
     * on the same port), talk to it over Bolt instead of trying to open its locked files.
     */
    shareRunningEmbedded?: boolean;
  } = {},
): Promise<Neo4jConnection> {
  let embedded: EmbeddedNeo4j | undefined;
  let driver: Driver;
  if (target.mode === 'embedded' && options.shareRunningEmbedded && target.port > 0 && (await portInUse(target.port))) {
    driver = createDriver(`bolt://127.0.0.1:${target.port}`, 'neo4j', '', options.tuning);
  } else if (target.mode === 'embedded') {
    embedded = await startEmbeddedNeo4j({
      dataDir: target.dataDir,
      port: target.port,
      heap: target.heap,
      onLog: options.onLog,
    });
    driver = createDriver(embedded.uri, 'neo4j', '', options.tuning);
  } else {
    driver = createDriver(target.uri, target.user, target.password, options.tuning);
  }
  try {
    await driver.verifyConnectivity({ database: target.database });
  } catch (error) {
    await driver.close();
    await embedded?.stop();
    throw error;
  }
  return {
    driver,
    database: target.database,
    embedded,
    async close() {
      await driver.close();
      await embedded?.stop();
    },
  };
}

/** Asks the server who it is; fails fast (connection timeout) when it cannot be reached. */
export async function probeNeo4j(driver: Driver, database: string): Promise<{ version: string; database: string }> {
  const info = await driver.getServerInfo({ database });
  return { version: info.agent?.replace(/^Neo4j\//, '') ?? 'unknown', database };
}
