// The one write path of the graph: parse -> load (one transaction per batch of documents) -> align
// what changed -> refresh what depends on it (resemblance of standards, the plan cache). The CLI, the
// GraphQL mutations and import jobs, the start-up seed and the benchmark all import through it.
import { bumpCatalogueVersion } from '../db/catalogue-version.js';
import type { Database } from '../db/query.js';
import { importDocuments, type DocumentInput, type ImportResult } from '../ingest/import-documents.js';
import { alignChanges, type AlignmentReport } from '../modules/analysis/alignment.service.js';
import { warmPlanCache } from './plan-cache.js';

/** Where an import stands: documents parsed and written, then the alignment of what changed. */
export interface PipelineProgress {
  stage: 'IMPORTING' | 'ALIGNING' | 'DONE';
  /** Documents finished (imported, unchanged or failed). */
  done: number;
  total: number;
}

export interface PipelineOptions {
  /** Parse and validate only: nothing is written, nothing aligned. */
  dryRun?: boolean;
  onProgress?: (progress: PipelineProgress) => void;
  /** Called with each document's result as soon as it is known. */
  onResult?: (result: ImportResult) => void;
}

export interface PipelineReport {
  results: ImportResult[];
  /** Null for a dry run, or when nothing changed. */
  alignment: AlignmentReport | null;
  seconds: number;
}

/** What the results wrote: the documents created or updated, and the competencies they brought. */
export function changeOf(results: readonly ImportResult[]): { documents: string[]; competencies: string[] } {
  const written = results.filter((r) => r.status === 'CREATED' || r.status === 'UPDATED');
  return {
    documents: written.map((r) => r.code).filter((code): code is string => code !== null),
    competencies: [...new Set(written.flatMap((r) => r.newCompetencyIds))],
  };
}

/** During a long import, cached answers are dropped at most this often (and once more at the end). */
const BUMP_INTERVAL_MS = 1_000;

/** Imports documents and brings everything derived from them up to date. */
export async function runImport(db: Database, inputs: DocumentInput[], options: PipelineOptions = {}): Promise<PipelineReport> {
  const started = performance.now();
  const total = inputs.length;
  let done = 0;
  let written = false;
  let lastBump = performance.now();
  /** The bump in flight during the import, if any: at most one at a time, never a queue. */
  let bumping: Promise<unknown> | null = null;
  options.onProgress?.({ stage: 'IMPORTING', done, total });
  const results = await importDocuments(db, inputs, {
    dryRun: options.dryRun ?? false,
    onResult: (result) => {
      done += 1;
      if (result.status === 'CREATED' || result.status === 'UPDATED') {
        written = true;
        // A long job's documents become visible as they commit, so cached answers must follow.
        // Best effort: the bump after the import is the one that must succeed, and a bump that
        // fails here (the database lost mid-import) must not become an unhandled rejection when
        // the import itself fails and nothing awaits it. A bump waits for the full-text index,
        // which may lag a bulk import by more than the interval: the next starts when it is done.
        if (bumping === null && performance.now() - lastBump > BUMP_INTERVAL_MS) {
          bumping = bumpCatalogueVersion(db)
            .catch(() => undefined)
            .finally(() => {
              bumping = null;
              lastBump = performance.now();
            });
        }
      }
      options.onResult?.(result);
      options.onProgress?.({ stage: 'IMPORTING', done, total });
    },
  });
  await bumping;
  let alignment: AlignmentReport | null = null;
  if (!options.dryRun) {
    if (written) await bumpCatalogueVersion(db);
    options.onProgress?.({ stage: 'ALIGNING', done, total });
    alignment = await alignChanges(db, changeOf(results));
    if (alignment) await bumpCatalogueVersion(db);
    // New data shifts the planner's statistics; plan the hot reads again before users ask - in the
    // background, so the import answers as soon as its own work is done.
    if (alignment) void warmPlanCache();
  }
  options.onProgress?.({ stage: 'DONE', done, total });
  return { results, alignment, seconds: (performance.now() - started) / 1000 };
}
