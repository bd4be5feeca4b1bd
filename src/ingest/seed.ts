// The seed data on disk: the taxonomy and the documents in seed/icap/. `loadSeed` writes them without
// aligning (tests use it to arrange a graph); the service seeds through src/pipeline/seed.ts.
import fs from 'node:fs';
import path from 'node:path';
import { cypher, type Database } from '../db/query.js';
import { SEED_DIR } from '../paths.js';
import { importDocuments, type ImportResult } from './import-documents.js';
import { loadTaxonomy, readTaxonomy } from './taxonomy-loader.js';

const countDocumentsQuery = cypher('seed.countDocuments', 'MATCH (d:Document) RETURN count(d) AS documents');

/** Reads every `.txt` document in a directory, sorted by name. */
export function readDocumentDir(dir: string): Array<{ name: string; text: Uint8Array }> {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => ({ name: file, text: fs.readFileSync(path.join(dir, file)) }));
}

/** Loads the taxonomy and the seed documents (idempotent: unchanged documents are skipped). */
export async function loadSeed(db: Database, seedDir: string = SEED_DIR): Promise<ImportResult[]> {
  await loadTaxonomy(db, readTaxonomy(path.join(seedDir, 'taxonomy')));
  return importDocuments(db, readDocumentDir(path.join(seedDir, 'icap')));
}

/** How many documents the graph holds. */
export async function countDocuments(db: Database): Promise<number> {
  const [row] = await db.read<{ documents: number }>(countDocumentsQuery);
  return row?.documents ?? 0;
}
