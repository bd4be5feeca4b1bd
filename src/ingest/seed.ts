// First-start data: when the graph holds no documents, load the taxonomy and the documents in
// seed/icap/, so a new installation answers real questions right away.
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { cypher, type Database } from '../db/query.js';
import { SEED_DIR } from '../paths.js';
import { importDocuments, type ImportResult } from './import-documents.js';
import { loadTaxonomy, readTaxonomy } from './taxonomy-loader.js';

const countDocuments = cypher('seed.countDocuments', 'MATCH (d:Document) RETURN count(d) AS documents');

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

/** Loads the seed data when the graph holds no documents; returns what it loaded, or null. */
export async function seedIfEmpty(db: Database, log: Logger): Promise<{ documents: number; failed: number } | null> {
  const [row] = await db.read<{ documents: number }>(countDocuments);
  if ((row?.documents ?? 0) > 0) return null;
  const results = await loadSeed(db);
  const failed = results.filter((r) => r.status === 'FAILED');
  for (const result of failed) log.error({ document: result.name, errors: result.errors }, 'seed document failed to import');
  return { documents: results.length - failed.length, failed: failed.length };
}
