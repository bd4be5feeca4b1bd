// A catalogue larger than the seeds for the explorer's browser tests: a generated corpus by
// default, or the documents of a directory named by EXPLORER_E2E_CORPUS (e.g. the real catalogue,
// to check the views and their speed at real scale before a release).
import { generateCorpus } from '../../../src/corpus/index.js';
import type { Database } from '../../../src/db/query.js';
import { importDocuments } from '../../../src/ingest/import-documents.js';
import { readDocumentDir } from '../../../src/ingest/seed.js';

/** Size of the generated corpus: enough for hubs, clusters and a heat map, quick to import. */
export const GENERATED = { standards: 60, units: 20, seed: 17 };

export interface LoadedCorpus {
  /** `generated (60 standards, 20 units)` or the directory. */
  source: string;
  documents: number;
  failed: number;
}

/** Imports the larger corpus into the test database (alignment is the caller's to run). */
export async function loadExplorerCorpus(db: Database): Promise<LoadedCorpus> {
  const dir = process.env.EXPLORER_E2E_CORPUS;
  const inputs = dir
    ? readDocumentDir(dir)
    : [...generateCorpus(GENERATED)].map((document) => ({ name: document.fileName, text: new TextEncoder().encode(document.text) }));
  const results = await importDocuments(db, inputs);
  return {
    source: dir ?? `generated (${GENERATED.standards} standards, ${GENERATED.units} units)`,
    documents: results.length,
    failed: results.filter((result) => result.status === 'FAILED').length,
  };
}
