// Cypher for import jobs: a job is a node that any replica can read; each finished document's result
// hangs off it as its own node, so progress is written as it happens without rewriting what came
// before.
import { cypher, int, type Database } from '../db/query.js';

const createJob = cypher(
  'importJob.create',
  `CREATE (j:ImportJob {id: $id, state: 'QUEUED', stage: 'IMPORTING', total: $total, done: 0, failed: 0,
                        owner: $owner, createdAt: datetime(), heartbeatAt: datetime()})`,
);

const recordProgress = cypher(
  'importJob.progress',
  `MATCH (j:ImportJob {id: $id})
   SET j.state = $state, j.stage = $stage, j.done = $done, j.failed = $failed, j.heartbeatAt = datetime()
   WITH j
   UNWIND $results AS result
   CREATE (j)-[:HAS_RESULT]->(:ImportJobResult {position: result.position, result: result.json})`,
);

const heartbeat = cypher('importJob.heartbeat', `MATCH (j:ImportJob {id: $id}) SET j.heartbeatAt = datetime()`);

const finishJob = cypher(
  'importJob.finish',
  `MATCH (j:ImportJob {id: $id})
   SET j.state = $state, j.stage = 'DONE', j.error = $error, j.finishedAt = datetime(), j.heartbeatAt = datetime()`,
);

const readJob = cypher(
  'importJob.read',
  // A job whose process stopped beating while it ran reads as failed, whatever it last wrote.
  `MATCH (j:ImportJob {id: $id})
   WITH j, j.state IN ['QUEUED', 'RUNNING'] AND j.heartbeatAt < datetime() - duration({seconds: $staleSeconds}) AS abandoned
   RETURN j.id AS id,
          CASE WHEN abandoned THEN 'FAILED' ELSE j.state END AS state,
          CASE WHEN abandoned THEN 'DONE' ELSE j.stage END AS stage,
          j.total AS total, j.done AS done, j.failed AS failed,
          CASE WHEN abandoned THEN $abandonedError ELSE j.error END AS error,
          toString(j.createdAt) AS createdAt, toString(j.finishedAt) AS finishedAt,
          COLLECT { MATCH (j)-[:HAS_RESULT]->(r:ImportJobResult) RETURN r.result ORDER BY r.position } AS results`,
);

const failAbandoned = cypher(
  'importJob.failAbandoned',
  `MATCH (j:ImportJob)
   WHERE j.state IN ['QUEUED', 'RUNNING'] AND j.heartbeatAt < datetime() - duration({seconds: $staleSeconds})
   SET j.state = 'FAILED', j.stage = 'DONE', j.error = $abandonedError, j.finishedAt = datetime()
   RETURN count(j) AS failed`,
);

/** A running job writes a heartbeat at least this often; one silent for STALE_SECONDS has stopped. */
export const HEARTBEAT_MS = 5_000;
export const STALE_SECONDS = 30;
const ABANDONED = 'interrupted: the service running the job stopped before it finished';

export interface StoredJob {
  id: string;
  state: 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED';
  stage: 'IMPORTING' | 'ALIGNING' | 'DONE';
  total: number;
  done: number;
  failed: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  /** Each finished document's result, as JSON, in input order. */
  results: string[];
}

export async function insertJob(db: Database, id: string, total: number, owner: string): Promise<void> {
  await db.write(createJob, { id, total: int(total), owner });
}

export async function writeProgress(
  db: Database,
  id: string,
  progress: Pick<StoredJob, 'state' | 'stage' | 'done' | 'failed'>,
  results: Array<{ position: number; json: string }>,
): Promise<void> {
  await db.write(recordProgress, {
    id,
    ...progress,
    done: int(progress.done),
    failed: int(progress.failed),
    results: results.map((r) => ({ position: int(r.position), json: r.json })),
  });
}

export async function beat(db: Database, id: string): Promise<void> {
  await db.write(heartbeat, { id });
}

export async function writeFinish(db: Database, id: string, state: 'SUCCEEDED' | 'FAILED', error: string | null): Promise<void> {
  await db.write(finishJob, { id, state, error });
}

export async function findJob(db: Database, id: string): Promise<StoredJob | null> {
  const [row] = await db.read<StoredJob>(readJob, { id, staleSeconds: int(STALE_SECONDS), abandonedError: ABANDONED });
  return row ?? null;
}

/** Marks jobs whose process stopped as FAILED (at start-up); returns how many. */
export async function failAbandonedJobs(db: Database): Promise<number> {
  const [row] = await db.write<{ failed: number }>(failAbandoned, { staleSeconds: int(STALE_SECONDS), abandonedError: ABANDONED });
  return row?.failed ?? 0;
}
