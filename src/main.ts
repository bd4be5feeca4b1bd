// The main job (`npm start`): configuration -> Neo4j (embedded or remote) -> migrations -> seed data
// when the graph is empty -> GraphQL server. SIGINT/SIGTERM stop it in the reverse order.
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, type Config } from './config.js';
import { connectNeo4j, probeNeo4j, type Neo4jConnection } from './db/driver.js';
import { EmbeddedNeo4jError } from './db/embedded.js';
import { migrate } from './db/migrations/migrate.js';
import { Database } from './db/query.js';
import { alignAll, warmAlignment } from './modules/analysis/alignment.service.js';
import { registerPlanWarmer, warmPlanCache } from './pipeline/plan-cache.js';
import { httpPost, warmThroughGraphQL } from './pipeline/warm-up.js';
import { failAbandonedJobs } from './pipeline/import-job.repository.js';
import { seedIfEmpty } from './pipeline/seed.js';
import { createLogger } from './logger.js';
import { PROJECT_ROOT } from './paths.js';
import { startServer, type RunningServer } from './server.js';

const SERVICE_VERSION = (JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee the Configuration section of README.md and .env.example.\n`);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);

  let connection: Neo4jConnection | undefined;
  let server: RunningServer | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs + 35_000);
    try {
      await server?.stop();
      log.info('HTTP server stopped');
      await connection?.close();
      log.info(connection?.embedded ? 'driver closed, embedded Neo4j stopped' : 'driver closed');
    } finally {
      clearTimeout(deadline);
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    log.info({ mode: config.neo4j.mode }, 'connecting to Neo4j');
    connection = await connectNeo4j(config.neo4j, { tuning: { maxConnectionPoolSize: config.maxConnections }, onLog: (line) => log.debug({ neo4j: line }, 'neo4j') });
    if (connection.embedded) log.info({ uri: connection.embedded.uri, version: connection.embedded.version, pid: connection.embedded.pid }, 'embedded Neo4j ready');
    const db = new Database(connection.driver, connection.database, config.queryTimeoutMs);
    const migrations = await migrate(db);
    log.info(migrations, 'migrations applied');
    const interrupted = await failAbandonedJobs(db);
    if (interrupted > 0) log.warn({ jobs: interrupted }, 'import jobs interrupted by an earlier stop are marked FAILED');
    const seeded = config.seedOnEmpty ? await seedIfEmpty(db, log) : null;
    if (seeded) {
      const failed = seeded.results.filter((r) => r.status === 'FAILED').length;
      log.info({ documents: seeded.results.length - failed, failed, alignment: seeded.alignment }, 'graph was empty: seed documents loaded and aligned');
    }
    if (migrations.realign && !seeded) log.info({ alignment: await alignAll(db) }, 'competency relations recomputed after a migration');
    const { driver, database } = connection;
    const probeDatabase = () => probeNeo4j(driver, database);
    server = await startServer({
      config,
      log,
      services: { db, serviceVersion: SERVICE_VERSION, neo4jVersion: async () => (await probeDatabase()).version },
      probeDatabase,
    });
    log.info({ url: server.url }, `GraphQL ready at ${server.url}`);
    registerPlanWarmer(async () => {
      const errors = await warmThroughGraphQL(httpPost(server!.url));
      if (errors.length > 0) log.warn({ errors }, 'warming the query plans met errors');
    });
    // In the background: the plans of the aligner's statements (so the first import is not the slow
    // one) and of the hot reads (so the first request is not).
    void warmAlignment(db)
      .then(() => warmPlanCache())
      .then(
        () => log.info('query plans warmed'),
        (error: unknown) => log.warn({ err: error }, 'warming up failed; the first requests will be slower'),
      );
  } catch (error) {
    if (error instanceof EmbeddedNeo4jError) log.fatal(error.message);
    else log.fatal({ err: error }, 'start-up failed');
    await connection?.close().catch(() => {});
    process.exit(1);
  }
}

void main();
