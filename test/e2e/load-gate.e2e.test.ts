// `npm run load` as a gate: a 20-second run against the service (started as `npm start` starts it)
// on a generated corpus must end with no errors, a memory reading and growth under 20%, having drawn
// its queries from the whole catalogue; and the gate really fails on a missing memory reading, on
// errors in the warm-up, and on memory that grows.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../src/corpus/index.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { runImport } from '../../src/pipeline/import-pipeline.js';
import { clearGraph, openTestDatabase, type TestDatabase } from '../helpers/database.js';
import { startServiceOnTestDatabase, type ServiceProcess } from '../helpers/processes.js';
import { startTestService } from '../helpers/service.js';

const STANDARDS = 40;
const UNITS = 40;

interface LoadReport {
  catalogue: { standards: number; units: number; occupations: number; skills: number };
  requests: number;
  errors: number;
  warmupErrors: number;
  p99ByWindowMs: number[];
  perQuery: Record<string, { requests: number; distinctArguments: number }>;
  memory: { pid: number; rssBeforeMb: number; rssAfterMb: number; growthPercent: number };
}

/** Runs bench/load.ts (what `npm run load` runs) and collects its exit code, output and JSON report. */
function load(args: string[], onOutput?: (output: string) => void): Promise<{ code: number | null; output: string; report: LoadReport | null }> {
  const json = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'load-gate-')), 'report.json');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/load.ts', ...args, '--json', json], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      onOutput?.(output);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      const report = fs.existsSync(json) ? (JSON.parse(fs.readFileSync(json, 'utf8')) as LoadReport) : null;
      fs.rmSync(path.dirname(json), { recursive: true, force: true });
      resolve({ code, output, report });
    });
  });
}

let database: TestDatabase;
let service: ServiceProcess;
let url: string;

beforeAll(async () => {
  database = await openTestDatabase();
  await clearGraph(database.driver);
  const corpus = [...generateCorpus({ standards: STANDARDS, units: UNITS, seed: 20 })];
  const imported = await runImport(database.db, corpus.map((doc) => ({ name: doc.fileName, text: doc.text })));
  expect(imported.results.filter((r) => r.status === 'FAILED')).toEqual([]);
  ({ service, url } = await startServiceOnTestDatabase({
    // A cold test database on a shared CI machine may take seconds to plan a query the first time;
    // the gate is about errors under load, not about the first plan.
    NEO4J_QUERY_TIMEOUT_MS: '60000',
  }));
  url = url.replace('localhost', '127.0.0.1');
});

afterAll(async () => {
  await service?.stop();
  await database?.close();
});

describe('npm run load', () => {
  it('runs 20 s against the service with no errors, memory read and growth under 20%, over the whole catalogue', { timeout: 180_000 }, async () => {
    // The memory baseline is read after the warm-up: 20 s lets the heap reach its working size first,
    // so growth measures what the run keeps, not the service settling in.
    const run = await load(['--url', url, '--duration', '20', '--warmup', '20', '--connections', '4']);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toMatch(/^targets met: no errors, memory growth under 20%$/m);
    const report = run.report!;
    expect(report.errors).toBe(0);
    expect(report.warmupErrors).toBe(0);
    expect(report.memory.pid).toBe(service.child.pid);
    expect(report.memory.growthPercent).toBeLessThan(20);
    expect(report.p99ByWindowMs.length).toBeGreaterThanOrEqual(2);
    // The mix was drawn from everything loaded, not from a first page.
    expect(report.catalogue.standards).toBe(STANDARDS);
    expect(report.catalogue.units).toBe(UNITS);
    for (const [kind, size] of [['standard', STANDARDS], ['unit', UNITS], ['neighborhood', STANDARDS + UNITS]] as const) {
      const figures = report.perQuery[kind]!;
      expect(figures.distinctArguments, kind).toBe(Math.min(figures.requests, size));
    }
  });

  it('fails when the service memory cannot be read', async () => {
    const run = await load(['--url', url, '--duration', '1', '--warmup', '0', '--pid', '2147483646']);
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/Cannot read the resident memory of pid 2147483646/);
  });

  it('fails on errors in the warm-up', async () => {
    // Discovery takes 2 requests and the warm-up 1 more; every later one is refused with 429.
    const limited = await startTestService(database.driver, { RATE_LIMIT_PER_MINUTE: '3', RATE_LIMIT_LOOPBACK: 'true' });
    try {
      const run = await load(['--url', limited.url, '--duration', '1', '--warmup', '1', '--connections', '1', '--pid', String(process.pid)]);
      expect(run.code).toBe(1);
      expect(run.output).toMatch(/TARGET MISSED: \d+ warm-up request\(s\) failed/);
    } finally {
      await limited.stop();
    }
  });

  it('fails when memory grows by 20% or more during the run', async () => {
    // The service runs in this process; this process then takes 60% more memory during the run.
    const inProcess = await startTestService(database.driver);
    let ballast: Buffer[] = [];
    try {
      let warmedUp: () => void = () => {};
      const warm = new Promise<void>((resolve) => (warmedUp = resolve));
      const running = load(['--url', inProcess.url, '--duration', '4', '--warmup', '1', '--connections', '1', '--pid', String(process.pid)], (output) => {
        if (output.includes('warm-up:')) warmedUp();
      });
      await warm; // the baseline is read right after the warm-up
      const rss = process.memoryUsage().rss;
      ballast = Array.from({ length: 8 }, () => Buffer.alloc(Math.ceil((rss * 0.6) / 8), 1));
      const run = await running;
      expect(run.code).toBe(1);
      expect(run.output).toMatch(/TARGET MISSED: memory grew by \d+(\.\d)?% \(limit 20%\)/);
      expect(run.report!.memory.growthPercent).toBeGreaterThanOrEqual(20);
    } finally {
      ballast = [];
      void ballast;
      await inProcess.stop();
    }
  });
});
