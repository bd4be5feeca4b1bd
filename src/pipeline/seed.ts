// First-start data through the pipeline: the taxonomy, then the documents in seed/icap/, imported and
// aligned like any other import.
import type { Logger } from 'pino';
import path from 'node:path';
import { bumpCatalogueVersion } from '../db/catalogue-version.js';
import type { Database } from '../db/query.js';
import { countDocuments, readDocumentDir } from '../ingest/seed.js';
import { loadTaxonomy, readTaxonomy } from '../ingest/taxonomy-loader.js';
import { SEED_DIR } from '../paths.js';
import { runImport, type PipelineReport } from './import-pipeline.js';

/** Loads the taxonomy and the seed documents (unchanged documents are skipped), and aligns them. */
export async function seedGraph(db: Database, seedDir: string = SEED_DIR): Promise<PipelineReport> {
  await loadTaxonomy(db, readTaxonomy(path.join(seedDir, 'taxonomy')));
  await bumpCatalogueVersion(db);
  return runImport(db, readDocumentDir(path.join(seedDir, 'icap')));
}

/** Seeds the graph when it holds no documents; returns what it loaded, or null. */
export async function seedIfEmpty(db: Database, log: Logger): Promise<PipelineReport | null> {
  if ((await countDocuments(db)) > 0) return null;
  const report = await seedGraph(db);
  for (const result of report.results.filter((r) => r.status === 'FAILED')) {
    log.error({ document: result.name, errors: result.errors }, 'seed document failed to import');
  }
  return report;
}
