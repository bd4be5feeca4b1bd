// Keeps the typed competency relations (equivalent, narrower, related) in step with the documents: a full run (`npm run kg -- align`) or an
// incremental one after an import, limited to the pairs that involve the imported competencies.
import { alignCompetencies, type CompetencyInput } from '../../analysis/alignment/index.js';
import type { Database } from '../../db/query.js';
import type { ImportResult } from '../../ingest/import-documents.js';
import { readAlignmentCorpus, replaceAllRelations, replaceRelationsOf } from './alignment.repository.js';
import { refreshResemblance } from './analysis.service.js';

export interface AlignmentReport {
  mode: 'full' | 'incremental';
  /** Competencies aligned: the whole corpus, or the ones asked for. */
  competencies: number;
  pairs: number;
  /** RESEMBLES edges between current standards (for career paths). */
  resemblances: number;
  seconds: number;
}

async function alignCorpus(db: Database, corpus: CompetencyInput[], only: Set<string> | null, started: number): Promise<AlignmentReport> {
  let report: Omit<AlignmentReport, 'seconds' | 'resemblances'>;
  if (!only) {
    const pairs = alignCompetencies(corpus);
    await replaceAllRelations(db, pairs);
    report = { mode: 'full', competencies: corpus.length, pairs: pairs.length };
  } else {
    const known = new Set(corpus.map((c) => c.id));
    const present = [...only].filter((id) => known.has(id));
    const pairs = present.length > 0 ? alignCompetencies(corpus, { only: new Set(present) }) : [];
    await replaceRelationsOf(db, present, pairs);
    report = { mode: 'incremental', competencies: present.length, pairs: pairs.length };
  }
  // Which standards resemble which follows from the competencies and their alignment.
  const resemblances = await refreshResemblance(db);
  return { ...report, resemblances, seconds: (performance.now() - started) / 1000 };
}

/** Aligns every competency with every other (blocked, not quadratic) and rewrites all relations. */
export async function alignAll(db: Database): Promise<AlignmentReport> {
  const started = performance.now();
  return alignCorpus(db, await readAlignmentCorpus(db), null, started);
}

/** Re-aligns only the given competencies against the whole corpus. */
export async function alignOnly(db: Database, ids: Iterable<string>): Promise<AlignmentReport> {
  const started = performance.now();
  return alignCorpus(db, await readAlignmentCorpus(db), new Set(ids), started);
}

/**
 * After an import: aligns the competencies the import added (existing ones keep their edges). When
 * they are a large share of the corpus, one full run is cheaper than an incremental one.
 */
export async function alignAfterImport(db: Database, results: ImportResult[]): Promise<AlignmentReport | null> {
  const started = performance.now();
  const touched = new Set(results.flatMap((r) => r.newCompetencyIds));
  if (touched.size === 0) return null;
  const corpus = await readAlignmentCorpus(db);
  return alignCorpus(db, corpus, touched.size > corpus.length / 3 ? null : touched, started);
}
