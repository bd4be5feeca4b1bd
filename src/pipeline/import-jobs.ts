// Import jobs: a large import runs in the background through the same pipeline as any other, while
// its progress and each document's result are written to the graph as they come. Jobs run one at a
// time per process, in the order they were started.
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/query.js';
import type { DocumentInput, ImportResult } from '../ingest/import-documents.js';
import { runImport, type PipelineProgress } from './import-pipeline.js';
import { beat, findJob, HEARTBEAT_MS, insertJob, writeFinish, writeProgress, type StoredJob } from './import-job.repository.js';

/** A document's result as a job keeps it (what the import brought for alignment is internal). */
export type ShownResult = Omit<ImportResult, 'newCompetencyIds'>;

/** A job as the API shows it. */
export interface ImportJobView {
  id: string;
  state: StoredJob['state'];
  stage: StoredJob['stage'];
  progress: { done: number; total: number; failed: number };
  results: ShownResult[];
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** Progress is written at most this often (and at the end), so a job is not slowed by its own reports. */
const PROGRESS_EVERY_MS = 500;

/** This process, as the owner of the jobs it runs. */
const OWNER = randomUUID();

/**
 * What this process's jobs are doing and have done since it started, for /metrics: jobs waiting and
 * running now, jobs finished by final state, and the documents the jobs finished by status.
 */
export interface ImportJobActivity {
  queued: number;
  running: number;
  finished: Record<'SUCCEEDED' | 'FAILED', number>;
  documents: Record<ShownResult['status'], number>;
}

const activity: ImportJobActivity = {
  queued: 0,
  running: 0,
  finished: { SUCCEEDED: 0, FAILED: 0 },
  documents: { CREATED: 0, UPDATED: 0, UNCHANGED: 0, FAILED: 0 },
};

/** A copy of this process's job activity (jobs run one at a time per process, so it is per process). */
export function importJobActivity(): ImportJobActivity {
  return { ...activity, finished: { ...activity.finished }, documents: { ...activity.documents } };
}

let queue: Promise<unknown> = Promise.resolve();

function view(job: StoredJob): ImportJobView {
  return {
    id: job.id,
    state: job.state,
    stage: job.stage,
    progress: { done: job.done, total: job.total, failed: job.failed },
    results: job.results.map((json) => JSON.parse(json) as ShownResult),
    error: job.error,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
  };
}

export async function readImportJob(db: Database, id: string): Promise<ImportJobView | null> {
  const job = await findJob(db, id);
  return job ? view(job) : null;
}

/**
 * Records a job and queues it; answers at once with the job as stored. `onFinished` is told when it
 * ends (tests and metrics use it).
 */
export async function startImportJob(
  db: Database,
  inputs: DocumentInput[],
  onFinished?: (job: ImportJobView | null) => void,
): Promise<ImportJobView> {
  const id = randomUUID();
  // The job outlives the request that starts it, so it does not write through the request's view
  // (its read snapshot, its round-trip count), and the per-statement timeout that bounds a read
  // (NEO4J_QUERY_TIMEOUT_MS) does not apply to its batches of writes and its alignment: like the
  // CLI, it runs under the server's own transaction timeout.
  const jobDb = db.detached();
  await insertJob(jobDb, id, inputs.length, OWNER);
  activity.queued += 1;
  const run = queue.then(() => runJob(jobDb, id, inputs));
  queue = run.catch(() => undefined);
  void run.then(async () => onFinished?.(await readImportJob(jobDb, id).catch(() => null)));
  return (await readImportJob(db, id)) as ImportJobView;
}

async function runJob(db: Database, id: string, inputs: DocumentInput[]): Promise<void> {
  activity.queued -= 1;
  activity.running += 1;
  let outcome: 'SUCCEEDED' | 'FAILED' = 'FAILED';
  const pending: Array<{ position: number; json: string }> = [];
  let progress: PipelineProgress = { stage: 'IMPORTING', done: 0, total: inputs.length };
  let failed = 0;
  let lastWrite = 0;
  let writing: Promise<void> = Promise.resolve();
  const flush = (force: boolean): Promise<void> => {
    if (!force && performance.now() - lastWrite < PROGRESS_EVERY_MS) return writing;
    lastWrite = performance.now();
    const results = pending.splice(0);
    const snapshot = { state: 'RUNNING' as const, stage: progress.stage, done: progress.done, failed };
    writing = writing.then(() => writeProgress(db, id, snapshot, results));
    return writing;
  };
  const heartbeat = setInterval(() => void beat(db, id).catch(() => undefined), HEARTBEAT_MS);
  let position = 0;
  try {
    await flush(true);
    await runImport(db, inputs, {
      onResult: (result) => {
        activity.documents[result.status] += 1;
        if (result.status === 'FAILED') failed += 1;
        const { newCompetencyIds: _internal, ...shown } = result;
        pending.push({ position: position++, json: JSON.stringify(shown) });
      },
      onProgress: (p) => {
        progress = p;
        void flush(p.stage !== 'IMPORTING');
      },
    });
    await flush(true);
    await writeFinish(db, id, 'SUCCEEDED', null);
    outcome = 'SUCCEEDED';
  } catch (error) {
    await flush(true).catch(() => undefined);
    await writeFinish(db, id, 'FAILED', error instanceof Error ? error.message : String(error)).catch(() => undefined);
  } finally {
    clearInterval(heartbeat);
    activity.running -= 1;
    activity.finished[outcome] += 1;
  }
}
