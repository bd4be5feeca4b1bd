// Fault injection: the service (src/main.ts in its own process, as `npm start` runs it) is killed with
// SIGKILL while an import job is writing a batch; a new service process is then started on the same
// database. The job never reads as done: it reads as RUNNING only while its heartbeat could still be
// live, then as FAILED, and the next start marks it FAILED in the graph. Every document is wholly in
// the graph or wholly absent - each one with a result in the job is whole - and running the same
// documents again as a job completes the catalogue.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { generateCorpus } from '../../src/corpus/index.js';
import { createDriver } from '../../src/db/driver.js';
import type { DocumentInput } from '../../src/ingest/import-documents.js';
import { findJob, STALE_SECONDS, type StoredJob } from '../../src/pipeline/import-job.repository.js';
import { runImport } from '../../src/pipeline/import-pipeline.js';
import { clearGraph, openTestDatabase, type TestDatabase } from '../helpers/database.js';
import { documentCounts, NO_CONTENT, transactionsHoldingLocks } from '../helpers/import-faults.js';
import { READ_JOB, START_JOB, type Job } from '../helpers/import-jobs.js';
import { startServiceOnTestDatabase, waitForExit, type ServiceProcess } from '../helpers/processes.js';

const ADMIN_TOKEN = 'killed-job-admin-token-0123456789';

let database: TestDatabase;
let watcher: Driver;
const services: ServiceProcess[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  await clearGraph(database.driver);
  watcher = createDriver(inject('neo4jUri'), inject('neo4jUser'), inject('neo4jPassword'));
});

afterAll(async () => {
  for (const service of services) await service.stop(60_000);
  await watcher?.close();
  if (database) await clearGraph(database.driver);
  await database?.close();
});

/** Starts src/main.ts against the test database and resolves with its GraphQL URL once it serves. */
async function startService(): Promise<{ service: ServiceProcess; url: string }> {
  const started = await startServiceOnTestDatabase({ ADMIN_TOKEN });
  services.push(started.service);
  return started;
}

async function graphql<T>(url: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data!;
}

async function startJob(url: string, documents: DocumentInput[]): Promise<Job> {
  const data = await graphql<{ startImportJob: { job: Job } }>(
    url,
    START_JOB,
    { docs: documents },
  );
  return data.startImportJob.job;
}

async function readJob(url: string, id: string): Promise<Job> {
  return (await graphql<{ importJob: Job }>(url, READ_JOB, { id })).importJob;
}

/** The job's node as stored, without the read-time rule that turns a silent job into FAILED. */
async function storedState(id: string): Promise<{ state: string; done: number; finishedAt: string | null }> {
  const { records } = await watcher.executeQuery(
    'MATCH (j:ImportJob {id: $id}) RETURN j.state AS state, j.done AS done, toString(j.finishedAt) AS finishedAt',
    { id },
  );
  const record = records[0]!;
  return { state: record.get('state') as string, done: (record.get('done') as { toNumber(): number }).toNumber(), finishedAt: record.get('finishedAt') as string | null };
}

async function poll<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the service killed during an import job', () => {
  it('leaves a job that reads as failed, never done, and every document whole or absent; the same job run again completes it', async () => {
    const documents: DocumentInput[] = [...generateCorpus({ standards: 120, units: 120, seed: 1809 })].map((d) => ({ name: d.fileName, text: d.text }));
    const first = await startService();
    const job = await startJob(first.url, documents);
    expect(['QUEUED', 'RUNNING']).toContain(job.state);

    // Kill once results of a committed batch are stored and the next batch is being written.
    let atKill: StoredJob | undefined;
    await poll('a batch being written after one committed', 240_000, async () => {
      const current = await findJob(database.db, job.id);
      if (!current || current.state === 'SUCCEEDED' || current.state === 'FAILED' || current.stage !== 'IMPORTING') {
        throw new Error(`the job ended or left IMPORTING before it could be killed: ${JSON.stringify(current && { ...current, results: current.results.length })}`);
      }
      if (current.done === 0 || current.done >= current.total) return undefined;
      if ((await transactionsHoldingLocks(watcher)) === 0) return undefined;
      process.kill(first.service.child.pid!, 'SIGKILL');
      atKill = current;
      return current;
    });
    expect(await waitForExit(first.service.child.pid!, 30_000)).toBe(true);
    expect(first.service.child.signalCode).toBe('SIGKILL');
    const killedAt = Date.now();

    // Neo4j rolls back what the dead process had open; nothing more is written for the job.
    await poll('the dead process’s transactions rolled back', 60_000, async () => ((await transactionsHoldingLocks(watcher)) === 0 ? true : undefined));
    const stored = await storedState(job.id);
    expect(stored.state).toBe('RUNNING');
    expect(stored.done).toBeGreaterThan(0);
    expect(stored.done).toBeLessThan(documents.length);

    // Right after the kill the job may still look alive (its heartbeat is recent), but never done.
    const justAfter = await findJob(database.db, job.id);
    expect(justAfter!.state).not.toBe('SUCCEEDED');
    expect(['RUNNING', 'FAILED']).toContain(justAfter!.state);

    // Once its heartbeat has been silent for STALE_SECONDS it reads as FAILED, with nobody marking it.
    const silent = await poll('the silent job reading as FAILED', (STALE_SECONDS + 60) * 1000, async () => {
      const current = await findJob(database.db, job.id);
      return current?.state === 'FAILED' ? current : undefined;
    });
    expect(Date.now() - killedAt).toBeLessThan((STALE_SECONDS + 60) * 1000);
    expect(silent).toMatchObject({ state: 'FAILED', stage: 'DONE', done: stored.done, total: documents.length });
    expect(silent.error).toMatch(/interrupted/);
    expect((await storedState(job.id)).state).toBe('RUNNING');

    // A new service process on the same database marks it FAILED in the graph as it starts.
    const second = await startService();
    const marked = second.service.logs.find((line) => line.msg === 'import jobs interrupted by an earlier stop are marked FAILED');
    expect(marked?.jobs).toBe(1);
    const markedState = await storedState(job.id);
    expect(markedState.state).toBe('FAILED');
    expect(markedState.finishedAt).not.toBeNull();
    const shown = await readJob(second.url, job.id);
    expect(shown).toMatchObject({ state: 'FAILED', stage: 'DONE', progress: { done: stored.done, total: documents.length, failed: 0 } });
    expect(shown.error).toMatch(/interrupted/);
    expect(shown.finishedAt).not.toBeNull();
    // The results stored are those of the first documents, in order, each created.
    expect(shown.results.map((r) => r.name)).toEqual(documents.slice(0, shown.results.length).map((d) => d.name));
    expect(shown.results.length).toBeGreaterThanOrEqual(atKill!.results.length);
    expect(shown.results.every((r) => r.status === 'CREATED')).toBe(true);

    // Every document is whole (as a complete import of it gives) or absent.
    const preview = await runImport(database.db, documents, { dryRun: true });
    expect(preview.results.every((result) => result.code !== null && result.counts !== null)).toBe(true);
    const codes = preview.results.map((result) => result.code!);
    const held = await documentCounts(database.driver, codes);
    const present = codes.filter((code) => held.get(code)!.present);
    expect(present.length).toBeGreaterThanOrEqual(shown.results.length);
    expect(present.length).toBeLessThan(codes.length);
    for (const result of preview.results) {
      const { present: isPresent, ownNodes, ...parts } = held.get(result.code!)!;
      if (isPresent) {
        expect(result.status, result.code!).toBe('UNCHANGED');
        expect(parts, result.code!).toEqual(result.counts);
        expect(ownNodes, result.code!).toBe(result.counts!.responsibilities + result.counts!.tasks + result.counts!.outputs + result.counts!.indicators + result.counts!.notes);
      } else {
        expect(result.status, result.code!).toBe('CREATED');
        expect({ ...parts, ownNodes }, result.code!).toEqual(NO_CONTENT);
      }
    }
    // Each document the job reported is among the whole ones.
    for (const result of shown.results) expect(present, result.code!).toContain(result.code);

    // The same documents as a new job: the absent ones are created, the others found unchanged.
    const rerun = await startJob(second.url, documents);
    const done = await poll('the second job finishing', 480_000, async () => {
      const current = await readJob(second.url, rerun.id);
      return current.state === 'QUEUED' || current.state === 'RUNNING' ? undefined : current;
    });
    expect(done).toMatchObject({ state: 'SUCCEEDED', progress: { done: documents.length, total: documents.length, failed: 0 } });
    const statuses = new Map(done.results.map((r) => [r.code!, r.status]));
    for (const code of codes) expect(statuses.get(code), code).toBe(present.includes(code) ? 'UNCHANGED' : 'CREATED');
    const complete = await documentCounts(database.driver, codes);
    for (const result of preview.results) {
      const { present: isPresent, ownNodes: _own, ...parts } = complete.get(result.code!)!;
      expect(isPresent, result.code!).toBe(true);
      expect(parts, result.code!).toEqual(result.counts);
    }
  }, 900_000); // two service starts, a 30 s silence, and 240 documents imported twice
});
