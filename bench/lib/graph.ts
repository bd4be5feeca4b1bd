// A fresh embedded Neo4j for one benchmark run, loaded the way `npm run kg -- import` loads it:
// migrations, the taxonomy, then every document through the importer, one transaction each.
import fs from 'node:fs';
import path from 'node:path';
import { connectNeo4j, type Neo4jConnection } from '../../src/db/driver.js';
import { migrate } from '../../src/db/migrations/migrate.js';
import { cypher, Database } from '../../src/db/query.js';
import type { DocumentInput, ImportResult } from '../../src/ingest/import-documents.js';
import type { AlignmentReport } from '../../src/modules/analysis/alignment.service.js';
import { runImport } from '../../src/pipeline/import-pipeline.js';
import { loadTaxonomy, readTaxonomy } from '../../src/ingest/taxonomy-loader.js';
import { SEED_DIR } from '../../src/paths.js';

export interface BenchGraph {
  connection: Neo4jConnection;
  /** A database handle with no per-statement timeout, for loading and aligning. */
  db: Database;
  uri: string;
  version: string;
  pid: number;
}

/** Starts an embedded Neo4j on an empty data directory (whatever was there is removed). */
export async function freshGraph(dataDir: string, heap: string): Promise<BenchGraph> {
  fs.rmSync(dataDir, { recursive: true, force: true });
  return openGraph(dataDir, heap);
}

/** Starts an embedded Neo4j on a data directory as it is (an earlier run's graph, for development). */
export async function openGraph(dataDir: string, heap: string): Promise<BenchGraph> {
  const connection = await connectNeo4j(
    { mode: 'embedded', dataDir, port: 0, heap, database: 'neo4j' },
    { tuning: { maxTransactionRetryTimeMs: 30_000, connectionTimeoutMs: 10_000, connectionAcquisitionTimeoutMs: 60_000 } },
  );
  const embedded = connection.embedded!;
  const db = new Database(connection.driver, connection.database, 0);
  await migrate(db);
  await loadTaxonomy(db, readTaxonomy(path.join(SEED_DIR, 'taxonomy')));
  return { connection, db, uri: embedded.uri, version: embedded.version, pid: embedded.pid };
}

/** Every `.txt` file below a directory, sorted by path so the import order is fixed. */
export function readCorpusDir(dir: string): DocumentInput[] {
  const files: string[] = [];
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.txt')) files.push(full);
    }
  };
  walk(dir);
  files.sort();
  return files.map((file) => ({ name: path.relative(dir, file), text: fs.readFileSync(file) }));
}

export interface ImportFigures {
  documents: number;
  /** Parsing and writing the documents. */
  seconds: number;
  docsPerSecond: number;
  failed: number;
  results: ImportResult[];
  /** The alignment of what they brought (a full run into an empty graph). */
  alignment: AlignmentReport | null;
}

/** Imports the documents through the product's import pipeline and times it (parsing and alignment included). */
export async function timedImport(db: Database, inputs: DocumentInput[], onProgress?: (done: number) => void): Promise<ImportFigures> {
  const report = await runImport(db, inputs, { onProgress: (p) => p.stage === 'IMPORTING' && onProgress?.(p.done) });
  const seconds = report.seconds - (report.alignment?.seconds ?? 0);
  const failed = report.results.filter((r) => r.status === 'FAILED').length;
  return { documents: inputs.length, seconds, docsPerSecond: inputs.length / seconds, failed, results: report.results, alignment: report.alignment };
}

const graphSize = cypher(
  'bench.graphSize',
  `CALL () { MATCH (n) RETURN count(n) AS nodes }
   CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
   CALL () { MATCH (s:Standard) WHERE s.hasContent RETURN count(s) AS standards }
   CALL () { MATCH (u:Unit) RETURN count(u) AS units }
   CALL () { MATCH (c:Competency) WHERE c:Knowledge OR c:Skill RETURN count(c) AS competencies }
   RETURN nodes, relationships, standards, units, competencies`,
);

export interface GraphSize {
  nodes: number;
  relationships: number;
  standards: number;
  units: number;
  competencies: number;
}

export async function measureGraph(db: Database): Promise<GraphSize> {
  const [row] = await db.read<GraphSize>(graphSize);
  return row!;
}
