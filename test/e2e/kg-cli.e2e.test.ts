// The `kg` command line as a user runs it (`npm run kg -- …` is `node --import tsx src/cli/kg.ts …`),
// against the test Neo4j: what each command prints and the exit code it ends with.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../src/db/embedded.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { clearGraph, openTestDatabase, type TestDatabase } from '../helpers/database.js';

const STANDARD_FILE = path.join(PROJECT_ROOT, 'seed', 'icap', 'standard-BLM2421-007v4.txt');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `kg` with the test database's settings (or `env` instead) and collects its output. */
function kg(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/kg.ts', ...args], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        NEO4J_URI: inject('neo4jUri'),
        NEO4J_USER: inject('neo4jUser'),
        NEO4J_PASSWORD: inject('neo4jPassword'),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let database: TestDatabase;
let work: string;

beforeAll(async () => {
  database = await openTestDatabase();
  await clearGraph(database.driver);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-cli-'));
  fs.mkdirSync(path.join(work, 'batch'));
  fs.copyFileSync(STANDARD_FILE, path.join(work, 'batch', 'standard.txt'));
  fs.writeFileSync(path.join(work, 'batch', 'broken.txt'), '這不是職能基準\n只是兩行字\n');
});

afterAll(async () => {
  await database?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

async function documentCodes(): Promise<string[]> {
  const { records } = await database.driver.executeQuery('MATCH (d:Document {hasContent: true}) RETURN d.id AS id ORDER BY id');
  return records.map((r) => r.get('id') as string);
}

describe('kg: command line mistakes', () => {
  it('prints the usage: 0 when asked for, 1 without a command', async () => {
    const [help, bare] = await Promise.all([kg(['--help']), kg([])]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm run kg -- <command>/);
    expect(bare.code).toBe(1);
    expect(bare.stdout).toMatch(/^usage: npm run kg -- <command>/);
  });

  it('names what is wrong and exits with 1', async () => {
    const [unknown, noFormat, noFiles] = await Promise.all([kg(['frobnicate']), kg(['export']), kg(['import'])]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^Unknown command "frobnicate"\./);
    expect(noFormat.code).toBe(1);
    expect(noFormat.stderr).toMatch(/^export needs --format json\|graphml\|csv\./);
    expect(noFiles.code).toBe(1);
    expect(noFiles.stderr).toMatch(/^import needs at least one file or directory\./);
  });

  it('says which path does not exist', async () => {
    const missing = await kg(['import', path.join(work, 'nowhere')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe(`No such file or directory: ${path.join(work, 'nowhere')}`);
  });

  it('fails with 1 and one line, no stack, when the database cannot be reached', async () => {
    const closed = await freePort();
    const run = await kg(['align'], { NEO4J_URI: `bolt://127.0.0.1:${closed}` });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/connect|unavailable/i);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('kg: working on the graph', () => {
  it('import: imports what it can, reports the rest with its file, and exits with 1 when any failed', async () => {
    const run = await kg(['import', path.join(work, 'batch')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^FAILED .*broken\\.txt`, 'm'));
    expect(run.stdout).toMatch(/^created 1, updated 0, unchanged 0, failed 1 — 2 document\(s\) in /m);
    expect(await documentCodes()).toEqual(['BLM2421-007v4']);
  });

  it('import --dry-run: says what an import would do, writes nothing, and exits with 0', async () => {
    await database.driver.executeQuery('MATCH (d:Document {id: "BLM2421-007v4"}) DETACH DELETE d');
    const run = await kg(['import', path.join(work, 'batch', 'standard.txt'), '--dry-run']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^dry run \(nothing written\): would be created 1, updated 0, unchanged 0, failed 0 — 1 document\(s\)/m);
    expect(await documentCodes()).toEqual([]);
  });

  it('import --dry-run: prints each form read by assumption with its file, line and field, then the count by kind', async () => {
    // The seed with its industry written as a hyphenated hierarchical code (C-22-220-2203 is C2203).
    const text = fs
      .readFileSync(STANDARD_FILE, 'utf8')
      .replace('\t行業別\t專業、科學及技術服務業 / 企業總管理機構及管理顧問業\t行業別代碼\tM7010', '\t行業別\t製造業 / 塑膠製品製造業/塑膠外殼及配件製造業\t行業別代碼\tC-22-220-2203');
    const file = path.join(work, 'hyphenated.txt');
    fs.writeFileSync(file, text);
    const run = await kg(['import', file, '--dry-run']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^WARNING \S*hyphenated\.txt:16 \[行業別\] 行業別代碼 C-22-220-2203 read as C2203$/m);
    expect(run.stdout).toMatch(/^warnings: 1 in 1 document\(s\) \(HYPHENATED_CODE 1\)/m);
  });

  it('seed: loads the seed documents and exits with 0', async () => {
    const run = await kg(['seed']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^created 2, updated 0, unchanged 0, failed 0 — 2 document\(s\)/m);
    expect(await documentCodes()).toEqual(['BGM5R0167v2', 'BLM2421-007v4']);
  });

  it('align: recomputes the relations and says how many', async () => {
    const run = await kg(['align']);
    expect(run.code, run.stderr).toBe(0);
    const match = /^aligned (\d+) competencies: (\d+) typed relations/m.exec(run.stdout);
    expect(match).not.toBeNull();
    expect(Number(match![1])).toBeGreaterThan(10);
    const { records } = await database.driver.executeQuery('MATCH ()-[r:EQUIVALENT_TO|NARROWER_THAN|RELATED_TO]->() RETURN count(r) AS n');
    expect(Number(match![2])).toBe(records[0]!.get('n').toNumber());
  });

  it('export: writes the files it names and exits with 0', async () => {
    const out = path.join(work, 'export');
    const run = await kg(['export', '--format', 'json', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const match = /^exported (\d+) nodes and (\d+) relationships to (.+)$/m.exec(run.stdout);
    expect(match).not.toBeNull();
    const file = match![3]!.trim();
    expect(path.resolve(PROJECT_ROOT, file)).toBe(path.join(out, 'graph.json'));
    const graph = JSON.parse(fs.readFileSync(path.join(out, 'graph.json'), 'utf8')) as { elements: { nodes: unknown[]; edges: unknown[] } };
    expect(graph.elements.nodes).toHaveLength(Number(match![1]));
    expect(graph.elements.edges).toHaveLength(Number(match![2]));
  });
});
