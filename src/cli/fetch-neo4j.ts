// `npm run neo4j:fetch`: downloads and builds the embedded Neo4j launcher ahead of time (CI, Docker
// builds, or before going offline). `npm start` and `npm test` do the same on first use.
import { EmbeddedNeo4jError, prepareLauncher } from '../db/embedded.js';

try {
  const classpath = prepareLauncher((line) => console.log(line));
  console.log(`Embedded Neo4j launcher ready (classpath ${classpath})`);
} catch (error) {
  console.error(error instanceof EmbeddedNeo4jError ? error.message : error);
  process.exit(1);
}
