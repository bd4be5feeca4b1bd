// Warms Neo4j's query-plan cache for the service's hot reads, so that the first user request after
// start-up or after an import is not the one that pays for planning (hundreds of milliseconds
// against tens). The service registers how to warm (it runs representative GraphQL operations, which
// plan exactly the statements users' requests plan); a process without a server (the CLI) has none.

type Warmer = () => Promise<void>;

const warmers = new Set<Warmer>();

/** Registers a warm-up; returns a function that removes it (on shutdown). */
export function registerPlanWarmer(warmer: Warmer): () => void {
  warmers.add(warmer);
  return () => warmers.delete(warmer);
}

/** Runs every registered warm-up; a failing one is not an import's failure, so errors are swallowed. */
export async function warmPlanCache(): Promise<void> {
  for (const warmer of warmers) await warmer().catch(() => undefined);
}
