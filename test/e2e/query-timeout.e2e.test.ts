// NEO4J_QUERY_TIMEOUT_MS against the real Neo4j: the service runs as `npm start` runs it (src/main.ts,
// its own process) with a 1 s timeout, and a legitimate but expensive read runs past it:
// similarDocuments of a standard in a dense graph the test plants (300 standards each requiring the
// same 1,000 skills, each skill with equivalent wordings), which streams about 1.5 million matches
// from Neo4j. The answer is QUERY_TIMEOUT with nothing of the cause, Neo4j stops the statement, and
// the service goes on answering; the same read given time answers in full. An import job is not a
// read: its batches may wait for another writer longer than the timeout.
//
// Note: Neo4j marks a transaction past its timeout on its next monitor check (about every 2 s) and a
// statement stops at its next checkpoint, such as streaming the next batch of rows; a statement that
// computes one large row can finish past its deadline. A read that streams many rows is bounded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../src/corpus/index.js';
import { competencyId, competencyKey } from '../../src/graph/competency-key.js';
import { clearGraph, openTestDatabase, type TestDatabase } from '../helpers/database.js';
import { startServiceOnTestDatabase, type ServiceProcess } from '../helpers/processes.js';
import { startTestService } from '../helpers/service.js';

const TIMEOUT_MS = 1_000;
const ADMIN_TOKEN = 'query-timeout-admin-token-0123456789';
const STANDARDS = 300;
const SKILLS = 1_000;
const standardCode = (j: number) => `QTO-${String(j).padStart(4, '0')}v1`;
const skillName = (i: number) => `逾時測試技能${String(i).padStart(4, '0')}`;
/** Each skill is equivalent to the next EQUIVALENTS skills (so a match brings 2 × EQUIVALENTS more). */
const EQUIVALENTS = 2;
const PAGE = 'query Page { standards(first: 5) { edges { node { code } } } }';
const SIMILAR = 'query Similar($code: String!) { similarDocuments(code: $code, first: 5) { score document { code } } }';

let database: TestDatabase;
let service: ServiceProcess;
let url: string;

beforeAll(async () => {
  database = await openTestDatabase();
  await clearGraph(database.driver);
  // Standards and skills as the loader writes them, each standard requiring every skill.
  const skills = Array.from({ length: SKILLS }, (_, i) => {
    const name = skillName(i + 1);
    return { id: competencyId('skill', name), key: competencyKey('skill', name), name, code: `S${i + 1}` };
  });
  await database.driver.executeQuery(
    `UNWIND $skills AS skill
     CREATE (:Competency:Skill {id: skill.id, key: skill.key, kind: 'skill', name: skill.name})`,
    { skills },
  );
  const equivalents = skills.flatMap((skill, i) =>
    Array.from({ length: EQUIVALENTS }, (_, k) => ({ from: skill.id, to: skills[(i + k + 1) % SKILLS]!.id })),
  );
  await database.driver.executeQuery(
    `UNWIND $equivalents AS pair
     MATCH (a:Competency {id: pair.from}), (b:Competency {id: pair.to})
     CREATE (a)-[:EQUIVALENT_TO {score: 0.9}]->(b)`,
    { equivalents },
  );
  const codes = Array.from({ length: STANDARDS }, (_, j) => standardCode(j + 1));
  await database.driver.executeQuery(
    `UNWIND $codes AS code
     CREATE (:Document:Standard {id: code, code: code, baseCode: split(code, 'v')[0], version: 1, name: code,
                                 status: 'CURRENT', hasContent: true, documentKind: 'STANDARD'})`,
    { codes },
  );
  for (let from = 0; from < STANDARDS; from += 25) {
    await database.driver.executeQuery(
      `UNWIND $codes AS code
       MATCH (d:Document {id: code})
       UNWIND $skills AS skill
       MATCH (c:Competency {id: skill.id})
       CREATE (d)-[:REQUIRES {code: skill.code}]->(c)`,
      { codes: codes.slice(from, from + 25), skills },
    );
  }
  // Neo4j keeps query plans per statement for every client: plan the page read the checks below
  // use, so that planning it cold on a busy machine is not what they measure against 1 s.
  const planner = await startTestService(database.driver, { RESPONSE_CACHE: 'false' });
  try {
    expect((await planner.graphql(PAGE)).errors).toBeUndefined();
  } finally {
    await planner.stop();
  }
  ({ service, url } = await startServiceOnTestDatabase({
    NEO4J_QUERY_TIMEOUT_MS: String(TIMEOUT_MS),
    NODE_ENV: 'production',
    // Every answer comes from Neo4j, none from the response cache.
    RESPONSE_CACHE: 'false',
    ADMIN_TOKEN,
  }));
  // The start-up warm-up asks the service its hot reads (some of which time out on this graph):
  // let it finish, so that what the tests count is their own traffic.
  await service.waitForLog((line) => line.msg === 'query plans warmed' || String(line.msg).startsWith('warming up failed'), 300_000);
}, 600_000);

afterAll(async () => {
  await service?.stop(60_000);
  if (database) await clearGraph(database.driver);
  await database?.close();
});

async function post(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  const body = JSON.parse(text) as { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
  return { status: response.status, text, body };
}

async function scrape(): Promise<string> {
  return (await fetch(url.replace(/\/graphql$/, '/metrics'))).text();
}

/** The value of one sample line, e.g. `graphql_errors_total{code="QUERY_TIMEOUT"}`; undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/** Transactions still running the statement of similarDocuments that finds the matches. */
async function matchesRunning(): Promise<number> {
  // The marker is a parameter, so that this statement's own text does not contain it.
  const { records } = await database.driver.executeQuery(
    'SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $marker RETURN count(*) AS running',
    { marker: 'AS matchedById' },
  );
  return (records[0]!.get('running') as { toNumber(): number }).toNumber();
}

describe('NEO4J_QUERY_TIMEOUT_MS', () => {
  it('answers QUERY_TIMEOUT with nothing of the cause when a read runs past it, and Neo4j stops the read', async () => {
    const before = await scrape();
    const started = Date.now();
    const { status, text, body } = await post(SIMILAR, { code: standardCode(1) }, { 'x-request-id': 'query-timeout-test-1' });
    const elapsed = Date.now() - started;

    expect(status).toBe(200);
    expect(body.data).toEqual({ similarDocuments: null });
    expect(body.errors).toHaveLength(1);
    const error = body.errors![0]!;
    expect(error.extensions?.code).toBe('QUERY_TIMEOUT');
    expect(error.message).toBe('The query took longer than the server allows.');
    // Nothing of the cause: no stack, no driver message, no statement name or text.
    expect(Object.keys(error.extensions!)).toEqual(['code']);
    expect(text).not.toMatch(/stack|at .*\.(ts|js):\d+|analysis\.|documentsRequiringSimilar|MATCH|UNWIND|matchedById|Neo\.ClientError|TransactionTimedOut|Cypher/i);
    // The answer comes when Neo4j gives up, well before a minute (the read in full takes seconds).
    expect(elapsed).toBeLessThan(60_000);

    // The statement died in Neo4j too: nothing is left running it.
    const deadline = Date.now() + 15_000;
    while ((await matchesRunning()) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await matchesRunning()).toBe(0);

    // A timeout is an answer the service meant to give: counted as a server error, not logged as a fault.
    const after = await scrape();
    const delta = (series: string) => (sample(after, series) ?? 0) - (sample(before, series) ?? 0);
    expect(delta('graphql_errors_total{code="QUERY_TIMEOUT"}')).toBe(1);
    expect(delta('graphql_requests_total{operation="Similar",outcome="server_error"}')).toBe(1);
    await service.waitForLog((line) => line.msg === 'request' && line.requestId === 'query-timeout-test-1', 10_000);
    expect(service.logs.filter((line) => line.requestId === 'query-timeout-test-1' && (line.level as number) >= 50)).toEqual([]);
  });

  it('goes on answering after a timeout', async () => {
    for (let i = 0; i < 5; i += 1) {
      const { body } = await post(PAGE);
      expect(body.errors).toBeUndefined();
      const page = body.data!.standards as { edges: Array<{ node: { code: string } }> };
      expect(page.edges.map((edge) => edge.node.code)).toEqual([1, 2, 3, 4, 5].map(standardCode));
    }
    const ready = await fetch(url.replace(/\/graphql$/, '/readyz'));
    expect(ready.status).toBe(200);
  });

  it('is what stopped the read: given time, the same read answers in full and takes longer than the timeout', async () => {
    const patient = await startTestService(database.driver, { NEO4J_QUERY_TIMEOUT_MS: '300000', RESPONSE_CACHE: 'false' });
    try {
      const started = Date.now();
      const answer = await patient.graphql<{ similarDocuments: Array<{ score: number; document: { code: string } }> }>(SIMILAR, { code: standardCode(1) });
      const elapsed = Date.now() - started;
      expect(answer.errors).toBeUndefined();
      const similar = answer.data!.similarDocuments;
      expect(similar).toHaveLength(5);
      for (const entry of similar) {
        expect(entry.document.code).toMatch(/^QTO-\d{4}v1$/);
        expect(entry.document.code).not.toBe(standardCode(1));
        expect(entry.score).toBeGreaterThan(0);
      }
      expect(elapsed).toBeGreaterThan(TIMEOUT_MS);
    } finally {
      await patient.stop();
    }
  }, 300_000);

  it('does not bound an import job, whose batch may wait for another writer longer than that', async () => {
    const documents = [...generateCorpus({ standards: 3, units: 2, seed: 1810 })].map((d) => ({ name: d.fileName, text: d.text, code: d.expected.code }));
    const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
    // Another writer holds the first document (as a concurrent import of it would) for 3 timeouts.
    const session = database.driver.session();
    const writer = session.beginTransaction();
    try {
      await writer.run('MERGE (d:Document {id: $id}) SET d.contentHash = null', { id: documents[0]!.code });
      const started = await post(
        'mutation($docs: [ImportDocumentInput!]!) { startImportJob(input: { documents: $docs }) { job { id } } }',
        { docs: documents.map(({ name, text }) => ({ name, text })) },
        admin,
      );
      expect(started.body.errors).toBeUndefined();
      const id = (started.body.data!.startImportJob as { job: { id: string } }).job.id;
      await new Promise((resolve) => setTimeout(resolve, 3 * TIMEOUT_MS + 1_000));
      await writer.rollback();

      let job: { state: string; progress: { done: number; failed: number }; results: Array<{ status: string }>; error: string | null };
      const deadline = Date.now() + 240_000;
      for (;;) {
        const read = await post('query($id: ID!) { importJob(id: $id) { state progress { done failed } results { status } error } }', { id }, admin);
        expect(read.body.errors).toBeUndefined();
        job = read.body.data!.importJob as typeof job;
        if (job.state !== 'QUEUED' && job.state !== 'RUNNING') break;
        if (Date.now() > deadline) throw new Error(`job still ${job.state} after 240 s`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(job).toEqual({ state: 'SUCCEEDED', progress: { done: 5, failed: 0 }, results: documents.map(() => ({ status: 'CREATED' })), error: null });
    } finally {
      if (writer.isOpen()) await writer.rollback();
      await session.close();
    }
  }, 300_000);
});
