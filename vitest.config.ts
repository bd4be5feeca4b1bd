import { defineConfig } from 'vitest/config';

// Two projects: `unit` needs nothing; `integration` and `e2e` share one real Neo4j started by the
// global setup (embedded, on a free port, temporary data) unless NEO4J_TEST_URI points at one.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
        },
      },
      {
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
