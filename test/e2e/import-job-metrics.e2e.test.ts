// GET /metrics counts import jobs: this process's jobs queued and running now, jobs finished by final
// state, and the documents the jobs finished by status. Each figure is read before and after jobs
// the test starts over GraphQL, so every one must move by what the jobs did.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../src/corpus/index.js';
import { clearGraph, openTestDatabase, type TestDatabase } from '../helpers/database.js';
import { startTestService, type TestService } from '../helpers/service.js';

const ADMIN_TOKEN = 'job-metrics-admin-token-0123456789';
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

let database: TestDatabase;
let service: TestService;

beforeAll(async () => {
  database = await openTestDatabase();
  await clearGraph(database.driver);
  service = await startTestService(database.driver, { ADMIN_TOKEN });
});
afterAll(async () => {
  await service?.stop();
  await database?.close();
});

async function scrape(): Promise<string> {
  const response = await fetch(`${service.origin}/metrics`);
  expect(response.status).toBe(200);
  return response.text();
}

/** The value of one sample line, e.g. `import_jobs{state="RUNNING"}`; undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

interface Job {
  id: string;
  state: string;
  progress: { done: number; total: number; failed: number };
}

async function startJob(documents: Array<{ name: string; text: string }>): Promise<Job> {
  const response = await service.graphql<{ startImportJob: { job: Job } }>(
    'mutation($docs: [ImportDocumentInput!]!) { startImportJob(input: { documents: $docs }) { job { id state progress { done total failed } } } }',
    { docs: documents },
    admin,
  );
  expect(response.errors).toBeUndefined();
  return response.data!.startImportJob.job;
}

async function finished(id: string): Promise<Job> {
  const deadline = Date.now() + 240_000;
  for (;;) {
    const response = await service.graphql<{ importJob: Job }>('query($id: ID!) { importJob(id: $id) { id state progress { done total failed } } }', { id }, admin);
    expect(response.errors).toBeUndefined();
    const job = response.data!.importJob;
    if (job.state !== 'QUEUED' && job.state !== 'RUNNING') return job;
    if (Date.now() > deadline) throw new Error(`job ${id} still ${job.state} after 240 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('import jobs in /metrics', () => {
  it('shows jobs queued and running, then counts finished jobs by state and their documents by status', async () => {
    const generated = [...generateCorpus({ standards: 25, units: 15, seed: 20260618 })].map((d) => ({ name: d.fileName, text: d.text }));
    const broken = { name: 'broken.txt', text: '職能基準代碼\tnot a standard\n' };
    const documents = [...generated.slice(0, 10), broken, ...generated.slice(10)];

    const before = await scrape();
    for (const series of [
      'import_jobs{state="QUEUED"}',
      'import_jobs{state="RUNNING"}',
      'import_jobs_finished_total{state="SUCCEEDED"}',
      'import_jobs_finished_total{state="FAILED"}',
      'import_job_documents_total{status="CREATED"}',
      'import_job_documents_total{status="UPDATED"}',
      'import_job_documents_total{status="UNCHANGED"}',
      'import_job_documents_total{status="FAILED"}',
    ]) {
      // Every series is there from the start, so an alert can be written on it before it first moves.
      expect(sample(before, series), series).toBeDefined();
    }
    expect(sample(before, 'import_jobs{state="QUEUED"}')).toBe(0);
    expect(sample(before, 'import_jobs{state="RUNNING"}')).toBe(0);

    // Two jobs at once: they run one at a time per process, so one runs while the other waits.
    // Importing and aligning 41 documents takes far longer than one scrape.
    const first = await startJob(documents);
    const second = await startJob(documents);
    const during = await scrape();
    expect(sample(during, 'import_jobs{state="RUNNING"}')).toBe(1);
    expect(sample(during, 'import_jobs{state="QUEUED"}')).toBe(1);

    expect(await finished(first.id)).toMatchObject({ state: 'SUCCEEDED', progress: { done: 41, total: 41, failed: 1 } });
    expect(await finished(second.id)).toMatchObject({ state: 'SUCCEEDED', progress: { done: 41, total: 41, failed: 1 } });
    const after = await scrape();
    const delta = (series: string) => sample(after, series)! - sample(before, series)!;

    expect(sample(after, 'import_jobs{state="QUEUED"}')).toBe(0);
    expect(sample(after, 'import_jobs{state="RUNNING"}')).toBe(0);
    expect(delta('import_jobs_finished_total{state="SUCCEEDED"}')).toBe(2);
    expect(delta('import_jobs_finished_total{state="FAILED"}')).toBe(0);
    // The first job created the 40 documents, the second found them unchanged; the broken one failed in both.
    expect(delta('import_job_documents_total{status="CREATED"}')).toBe(40);
    expect(delta('import_job_documents_total{status="UNCHANGED"}')).toBe(40);
    expect(delta('import_job_documents_total{status="UPDATED"}')).toBe(0);
    expect(delta('import_job_documents_total{status="FAILED"}')).toBe(2);
    // Jobs are not importDocuments calls: that counter stays where it was.
    expect(after).not.toMatch(/^import_documents_total\{/m);
  }, 300_000);
});
