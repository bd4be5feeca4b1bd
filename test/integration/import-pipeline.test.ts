// The write pipeline on the real Neo4j: an import over GraphQL aligns what it brings before it
// answers; a large import runs as a job whose progress and per-document results can be followed, a
// broken document fails alone inside it, and a job whose process stopped reads as failed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../src/corpus/generate-corpus.js';
import { loadSeed } from '../../src/ingest/seed.js';
import { alignAll } from '../../src/modules/analysis/alignment.service.js';
import { failAbandonedJobs } from '../../src/pipeline/import-job.repository.js';
import { warmThroughGraphQL } from '../../src/pipeline/warm-up.js';
import { clearGraph, openTestDatabase, type TestDatabase } from '../helpers/database.js';
import { READ_JOB, START_JOB, type Job } from '../helpers/import-jobs.js';
import { seedStandardAs } from '../helpers/seed-variants.js';
import { startTestService, type TestService } from '../helpers/service.js';

const ADMIN_TOKEN = 'pipeline-admin-token-0123456789';
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

let test: TestDatabase;
let service: TestService;
beforeAll(async () => {
  test = await openTestDatabase();
  await clearGraph(test.driver);
  await loadSeed(test.db);
  await alignAll(test.db);
  service = await startTestService(test.driver, { ADMIN_TOKEN });
});
afterAll(async () => {
  await service?.stop();
  await test?.close();
});

async function readJob(id: string): Promise<Job | null> {
  const response = await service.graphql<{ importJob: Job | null }>(READ_JOB, { id }, admin);
  expect(response.errors).toBeUndefined();
  return response.data!.importJob;
}

async function count(cypher: string, params: Record<string, unknown> = {}): Promise<number> {
  const { records } = await test.driver.executeQuery(cypher, params);
  return records[0]!.get('n').toNumber();
}

/** Imports the seed standard under another code with one wording changed, over GraphQL; the statuses. */
async function importSeedVariant(code: string, wording: string, replacement: string): Promise<string[]> {
  const text = seedStandardAs(code).replaceAll(wording, replacement);
  const response = await service.graphql<{ importDocuments: { results: Array<{ status: string }> } }>(
    'mutation($docs: [ImportDocumentInput!]!) { importDocuments(input: { documents: $docs }) { results { status } } }',
    { docs: [{ name: `${code}.txt`, text }] },
    admin,
  );
  expect(response.errors).toBeUndefined();
  return response.data!.importDocuments.results.map((r) => r.status);
}

describe('importDocuments goes through the pipeline', () => {
  it('answers once what the document brought is aligned with the catalogue', async () => {
    expect(await importSeedVariant('BLM2421-098', 'S04溝通協調能力', 'S04協調溝通能力')).toEqual(['CREATED']);
    // The same words in another order: equivalent to the seed's 溝通協調能力.
    expect(
      await count(`MATCH (:Skill {id: 'skill:協調溝通能力'})-[:EQUIVALENT_TO]-(:Skill {id: 'skill:溝通協調能力'}) RETURN count(*) AS n`),
    ).toBe(1);
    // Its resemblance to the seed standard it copies is there for career paths.
    expect(await count(`MATCH (:Document {id: 'BLM2421-098v4'})-[:RESEMBLES]-(:Document {id: 'BLM2421-007v4'}) RETURN count(*) AS n`)).toBe(1);
  });

  it('answers once what it wrote can be found by full-text search (the index is updated after commit)', async () => {
    expect(await importSeedVariant('BLM2421-097', '商業風險評估報告', '蒸餾酒窖溫度巡檢紀錄')).toEqual(['CREATED']);
    const found = await service.graphql<{ search: { edges: Array<{ node: { id: string } }> } }>(
      'query($text: String!) { search(text: $text) { edges { node { ... on Node { id } } } } }',
      { text: '酒窖溫度巡檢' },
    );
    expect(found.errors).toBeUndefined();
    expect(found.data!.search.edges.map((e) => e.node.id)).toEqual(['Output:BLM2421-097v4:O2.1.1']);
  });
});

describe('warming up', () => {
  it('asks the service its hot reads with real documents of the graph, and every one answers', async () => {
    const asked: string[] = [];
    const errors = await warmThroughGraphQL(async (query, variables) => {
      asked.push(query);
      return service.graphql(query, variables);
    });
    expect(errors).toEqual([]);
    expect(asked.length).toBeGreaterThanOrEqual(5);
  });
});

describe('import jobs', () => {
  it('answer at once, report progress and every document, and a broken document fails alone', async () => {
    const generated = [...generateCorpus({ standards: 30, units: 10, seed: 20261129 })].map((d) => ({ name: d.fileName, text: d.text }));
    const broken = { name: 'broken.txt', text: '職能基準代碼\tnot a standard\n' };
    const docs = [...generated.slice(0, 20), broken, ...generated.slice(20)];
    const started = await service.graphql<{ startImportJob: { job: Job } }>(
      START_JOB,
      { docs },
      admin,
    );
    expect(started.errors).toBeUndefined();
    const job = started.data!.startImportJob.job;
    expect(['QUEUED', 'RUNNING']).toContain(job.state);
    expect(job.progress).toEqual({ done: 0, total: 41, failed: 0 });
    expect(job.finishedAt).toBeNull();

    const seen: Job[] = [];
    let current = job;
    const deadline = Date.now() + 60_000;
    while (current.state === 'QUEUED' || current.state === 'RUNNING') {
      if (Date.now() > deadline) throw new Error(`job still ${current.state} after 60 s: ${JSON.stringify(current.progress)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      current = (await readJob(job.id))!;
      seen.push(current);
    }
    // Progress only grows, and the results shown never run ahead of it.
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.progress.done).toBeGreaterThanOrEqual(seen[i - 1]!.progress.done);
    for (const s of seen) expect(s.results.length).toBeLessThanOrEqual(s.progress.done);

    expect(current).toMatchObject({ state: 'SUCCEEDED', stage: 'DONE', error: null, progress: { done: 41, total: 41, failed: 1 } });
    expect(current.finishedAt).not.toBeNull();
    expect(current.results.map((r) => r.name)).toEqual(docs.map((d) => d.name));
    expect(current.results[20]).toMatchObject({ name: 'broken.txt', status: 'FAILED', code: null });
    expect(current.results.filter((r) => r.status === 'CREATED')).toHaveLength(40);
    const codes = current.results.filter((r) => r.status === 'CREATED').map((r) => r.code);
    expect(await count('UNWIND $codes AS code MATCH (d:Document {id: code}) WHERE d.hasContent RETURN count(d) AS n', { codes })).toBe(40);
  });

  it('a job whose process stopped reads as failed, never as done, and is marked so at start-up', async () => {
    await test.driver.executeQuery(
      `CREATE (:ImportJob {id: 'stopped-job', state: 'RUNNING', stage: 'IMPORTING', total: 10, done: 4, failed: 0,
                           createdAt: datetime() - duration('PT1H'), heartbeatAt: datetime() - duration('PT1H')})`,
    );
    const read = await readJob('stopped-job');
    expect(read).toMatchObject({ state: 'FAILED', stage: 'DONE', progress: { done: 4, total: 10, failed: 0 } });
    expect(read?.error).toMatch(/interrupted/);
    expect(await failAbandonedJobs(test.db)).toBe(1);
    expect(await count(`MATCH (j:ImportJob {id: 'stopped-job', state: 'FAILED'}) RETURN count(j) AS n`)).toBe(1);
    expect(await failAbandonedJobs(test.db)).toBe(0);
  });

  it('are for administrators only, and unknown ids are null', async () => {
    const anonymous = await service.graphql(`{ importJob(id: "stopped-job") { id } }`);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await readJob('no-such-job')).toBeNull();
  });
});
