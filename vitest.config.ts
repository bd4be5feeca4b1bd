import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// Two projects: `unit` needs nothing; `integration` and `e2e` share one real Neo4j started by the
// global setup (embedded, on a free port, temporary data) unless NEO4J_TEST_URI points at one.
export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS and ESM builds without an exports map: Node (and so Apollo Server)
    // loads the CommonJS one, Vite would hand our sources the ESM one, and graphql refuses to mix
    // types from two instances. Point every import at the one Node uses.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          globalSetup: ['test/helpers/neo4j-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // One database for all files: run files one after another so suites do not race on it.
          fileParallelism: false,
        },
      },
    ],
  },
});
