// Fault injection: the embedded Neo4j is killed with SIGKILL while a batch import is writing, then
// started again on the same files. Every document is then either wholly in the graph (all its
// responsibilities, tasks, outputs, indicators, requirements and notes) or wholly absent, and
// running the same import again completes it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../src/corpus/index.js';
import { createDriver } from '../../src/db/driver.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/db/embedded.js';
import { migrate } from '../../src/db/migrations/migrate.js';
import { Database } from '../../src/db/query.js';
import type { DocumentInput, ImportResult } from '../../src/ingest/import-documents.js';
import { runImport } from '../../src/pipeline/import-pipeline.js';
import { documentCounts, NO_CONTENT, transactionsHoldingLocks } from '../helpers/import-faults.js';
import { waitForExit } from '../helpers/processes.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'competency-graph-crash-'));
let neo4j: EmbeddedNeo4j | undefined;
const drivers: Driver[] = [];

afterAll(async () => {
  await Promise.all(drivers.map((driver) => driver.close().catch(() => {})));
  await neo4j?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function open(): Promise<{ driver: Driver; db: Database }> {
  neo4j = await startEmbeddedNeo4j({ dataDir, port: 0, heap: '512m' });
  const driver = createDriver(neo4j.uri, 'neo4j', '', { maxTransactionRetryTimeMs: 1_000 });
  drivers.push(driver);
  return { driver, db: new Database(driver, 'neo4j', 0) };
}

describe('Neo4j killed during a batch import', () => {
  it('leaves every document whole or absent, and the same import run again completes it', async () => {
    const documents = [...generateCorpus({ standards: 150, units: 150, seed: 18 })];
    const inputs: DocumentInput[] = documents.map((doc) => ({ name: doc.fileName, text: doc.text }));
    let { driver, db } = await open();
    await migrate(db);

    // Import, and kill the database once a batch has committed and the next one is being written.
    const committed: ImportResult[] = [];
    const running = runImport(db, inputs, { onResult: (result) => committed.push(result) });
    let settled = false;
    const outcome = running
      .then(
        () => 'finished' as const,
        (error: unknown) => error,
      )
      .finally(() => (settled = true));
    const watcher = createDriver(neo4j!.uri, 'neo4j', '');
    drivers.push(watcher);
    let killedAfter = -1;
    while (killedAfter < 0) {
      if (settled) throw new Error('the import ended before the database could be killed in the middle of it');
      if (committed.length > 0 && (await transactionsHoldingLocks(watcher)) > 0) {
        killedAfter = committed.length;
        process.kill(neo4j!.pid, 'SIGKILL');
      } else {
        await new Promise((resolve) => setTimeout(resolve, 5)); // let the import run meanwhile
      }
    }
    expect(await waitForExit(neo4j!.pid, 30_000)).toBe(true);
    const failure = await outcome;
    expect(failure).not.toBe('finished');
    expect(killedAfter).toBeGreaterThan(0);
    expect(killedAfter).toBeLessThan(inputs.length);

    // Start again on the same files: Neo4j recovers from its transaction log.
    ({ driver, db } = await open());
    const preview = await runImport(db, inputs, { dryRun: true });
    const codes = preview.results.map((result) => result.code!);
    expect(preview.results.every((result) => result.code !== null && result.counts !== null)).toBe(true);
    const afterCrash = await documentCounts(driver, codes);
    const present = codes.filter((code) => afterCrash.get(code)!.present);
    expect(present.length).toBeGreaterThanOrEqual(killedAfter);
    expect(present.length).toBeLessThan(codes.length);

    for (const result of preview.results) {
      const held = afterCrash.get(result.code!)!;
      if (held.present) {
        // Whole: every part the importer counts for this document is there, and the stored content is the same.
        expect(result.status, result.code!).toBe('UNCHANGED');
        const { present: _present, ownNodes, ...parts } = held;
        expect(parts, result.code!).toEqual(result.counts);
        expect(ownNodes, result.code!).toBe(result.counts!.responsibilities + result.counts!.tasks + result.counts!.outputs + result.counts!.indicators + result.counts!.notes);
      } else {
        // Absent: nothing of it was left behind.
        expect(result.status, result.code!).toBe('CREATED');
        const { present: _present, ...parts } = held;
        expect(parts, result.code!).toEqual(NO_CONTENT);
      }
    }

    // The same import again completes the catalogue: the absent documents are created, the others unchanged.
    const rerun = await runImport(db, inputs);
    expect(rerun.results.filter((r) => r.status === 'FAILED')).toEqual([]);
    const statuses = new Map(rerun.results.map((r) => [r.code!, r.status]));
    for (const code of codes) expect(statuses.get(code), code).toBe(present.includes(code) ? 'UNCHANGED' : 'CREATED');
    const complete = await documentCounts(driver, codes);
    for (const result of preview.results) {
      const { present: isPresent, ownNodes: _own, ...parts } = complete.get(result.code!)!;
      expect(isPresent, result.code!).toBe(true);
      expect(parts, result.code!).toEqual(result.counts);
    }
  }, 300_000); // two starts of Neo4j, recovery, and the import run twice
});
