// The embedded launcher really starts Neo4j 5.26 with APOC, and never outlives its parent.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDriver } from '../../src/db/driver.js';
import { startEmbeddedNeo4j } from '../../src/db/embedded.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { isAlive, spawnService, waitForExit } from '../helpers/processes.js';

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'competency-graph-embedded-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => tempDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe('embedded Neo4j', () => {
  it('serves Bolt on loopback with Neo4j 5.26 and APOC, and stops cleanly', async () => {
    const neo4j = await startEmbeddedNeo4j({ dataDir: tempDir(), port: 0, heap: '512m' });
    expect(neo4j.uri).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+$/);
    expect(neo4j.version).toMatch(/^5\.26\.\d+$/);
    const driver = createDriver(neo4j.uri, 'neo4j', '');
    try {
      const { records } = await driver.executeQuery('RETURN apoc.version() AS apoc, 6 * 7 AS answer');
      expect(records[0]?.get('apoc')).toBe(neo4j.version);
      expect(records[0]?.get('answer').toNumber()).toBe(42);
    } finally {
      await driver.close();
    }
    await neo4j.stop();
    expect(await waitForExit(neo4j.pid, 5_000)).toBe(true);
  });

  it('exits by itself when its parent dies without stopping it', async () => {
    // A parent that starts the launcher, prints its pid, then is killed with SIGKILL.
    const script = `
      import { startEmbeddedNeo4j } from './src/db/embedded.ts';
      const neo4j = await startEmbeddedNeo4j({ dataDir: ${JSON.stringify(tempDir())}, port: 0, heap: '512m' });
      console.log('PID ' + neo4j.pid);
      setInterval(() => {}, 1000);
    `;
    const parent = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const javaPid = await new Promise<number>((resolve, reject) => {
      parent.stdout.on('data', (chunk: Buffer) => {
        const match = /PID (\d+)/.exec(chunk.toString());
        if (match) resolve(Number(match[1]));
      });
      parent.once('exit', (code) => reject(new Error(`parent exited early (${code})`)));
    });
    expect(isAlive(javaPid)).toBe(true);
    parent.kill('SIGKILL');
    expect(await waitForExit(javaPid, 45_000)).toBe(true);
  });

  it('exits when its parent dies while the database is still starting', async () => {
    const dataDir = tempDir();
    const service = spawnService({ PORT: '0', NEO4J_EMBEDDED_DATA_DIR: dataDir, NEO4J_EMBEDDED_PORT: '0', SEED_ON_EMPTY: 'false' });
    await service.waitForLog((line) => line.msg === 'connecting to Neo4j');
    const launcherPids = async (): Promise<number[]> => {
      const { execFileSync } = await import('node:child_process');
      try {
        return execFileSync('pgrep', ['-f', `EmbeddedNeo4j ${dataDir}`], { encoding: 'utf8' }).trim().split('\n').map(Number);
      } catch {
        return []; // pgrep exits 1 when nothing matches
      }
    };
    let pids: number[] = [];
    for (let i = 0; i < 50 && pids.length === 0; i += 1) {
      pids = await launcherPids();
      if (pids.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(pids.length).toBe(1);
    service.child.kill('SIGKILL');
    expect(await waitForExit(pids[0]!, 60_000)).toBe(true);
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('leaves no JVM behind when the service gets %s', async (signal) => {
    const service = spawnService({ PORT: '0', NEO4J_EMBEDDED_DATA_DIR: tempDir(), NEO4J_EMBEDDED_PORT: '0', SEED_ON_EMPTY: 'false' });
    const embedded = await service.waitForLog((line) => line.msg === 'embedded Neo4j ready');
    await service.waitForLog((line) => typeof line.msg === 'string' && line.msg.startsWith('GraphQL ready'));
    const javaPid = embedded.pid as number;
    expect(isAlive(javaPid)).toBe(true);
    const exitCode = new Promise<number | null>((resolve) => service.child.once('exit', resolve));
    service.child.kill(signal);
    expect(await exitCode).toBe(0);
    expect(await waitForExit(javaPid, 5_000)).toBe(true);
  });
});
