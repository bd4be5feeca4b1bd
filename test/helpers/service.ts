// Starts the GraphQL service in-process against a given driver, for HTTP-level tests.
import type { Driver } from 'neo4j-driver';
import { loadConfig, type Config } from '../../src/config.js';
import { probeNeo4j } from '../../src/db/driver.js';
import { Database } from '../../src/db/query.js';
import { createLogger } from '../../src/logger.js';
import { startServer, type RunningServer } from '../../src/server.js';

export interface TestService extends RunningServer {
  /** Base URL without a path, e.g. http://localhost:41234 */
  origin: string;
  /** POSTs a GraphQL operation and returns the parsed body. */
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }>; extensions?: Record<string, unknown> }>;
}

export async function startTestService(driver: Driver, env: Record<string, string> = {}): Promise<TestService> {
  const config: Config = loadConfig({ PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent", ...env });
  const db = new Database(driver, 'neo4j', config.queryTimeoutMs);
  const probeDatabase = () => probeNeo4j(driver, 'neo4j');
  const server = await startServer({
    config,
    log: createLogger(config.logLevel),
    services: { db, serviceVersion: 'test', neo4jVersion: async () => (await probeDatabase()).version },
    probeDatabase,
  });
  const origin = server.url.replace(/\/graphql$/, '');
  return {
    ...server,
    origin,
    async graphql(query, variables, headers = {}) {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return response.json() as Promise<never>;
    },
  };
}
