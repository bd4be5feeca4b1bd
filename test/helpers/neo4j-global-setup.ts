// Starts one real Neo4j for the integration and e2e tests: the embedded launcher on a free port
// with a temporary data directory (never .data/), or the server named by NEO4J_TEST_URI.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedNeo4j } from '../../src/db/embedded.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jUser: string;
    neo4jPassword: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.NEO4J_TEST_URI) {
    project.provide('neo4jUri', process.env.NEO4J_TEST_URI);
    project.provide('neo4jUser', process.env.NEO4J_TEST_USER ?? 'neo4j');
    project.provide('neo4jPassword', process.env.NEO4J_TEST_PASSWORD ?? '');
    return async () => {};
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'competency-graph-test-'));
  const neo4j = await startEmbeddedNeo4j({ dataDir, port: 0, heap: '1g' });
  project.provide('neo4jUri', neo4j.uri);
  project.provide('neo4jUser', 'neo4j');
  project.provide('neo4jPassword', '');
  return async () => {
    await neo4j.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
