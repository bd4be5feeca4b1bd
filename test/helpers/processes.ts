// Child-process helpers for tests that start the real service or the embedded launcher.
import { spawn, type ChildProcess } from 'node:child_process';
import { inject } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';

/** True while a process with this pid exists. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls until the process is gone; false if it is still there after `timeoutMs`. */
export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return !isAlive(pid);
}

export interface ServiceProcess {
  child: ChildProcess;
  /** Parsed JSON log lines seen so far. */
  logs: Array<Record<string, unknown>>;
  /** Resolves with the first log line that satisfies `predicate`. */
  waitForLog(predicate: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Asks the service to shut down (SIGTERM) unless it has exited, and waits until it has. */
  stop(timeoutMs?: number): Promise<void>;
}

/** Runs `src/main.ts` (what `npm start` runs) as a child with the given environment. */
export function spawnService(env: Record<string, string>): ServiceProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Array<Record<string, unknown>> = [];
  const waiters: Array<{ predicate: (line: Record<string, unknown>) => boolean; resolve: (line: Record<string, unknown>) => void }> = [];
  let buffer = '';
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    buffer += chunk;
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const text = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      let line: Record<string, unknown>;
      try {
        line = JSON.parse(text) as Record<string, unknown>;
      } catch {
        continue;
      }
      logs.push(line);
      for (const waiter of [...waiters]) {
        if (waiter.predicate(line)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(line);
        }
      }
    }
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return {
    child,
    logs,
    async stop(timeoutMs = 30_000) {
      const pid = child.pid;
      if (!pid || child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await waitForExit(pid, timeoutMs);
    },
    waitForLog(predicate, timeoutMs = 180_000) {
      const seen = logs.find(predicate);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`log line not seen in time; stderr:\n${stderr}`)), timeoutMs);
        child.once('exit', (code) => reject(new Error(`service exited (${code}) first; stderr:\n${stderr}\nlogs: ${JSON.stringify(logs.slice(-5))}`)));
        waiters.push({
          predicate,
          resolve: (line) => {
            clearTimeout(timer);
            resolve(line);
          },
        });
      });
    },
  };
}

/**
 * Runs the service as `npm start` does, against the test Neo4j and without seeding, and resolves
 * once it serves GraphQL. `env` adds or overrides settings. A service that fails to start is killed.
 */
export async function startServiceOnTestDatabase(env: Record<string, string> = {}): Promise<{ service: ServiceProcess; url: string }> {
  const service = spawnService({
    PORT: '0',
    HOST: '127.0.0.1',
    NEO4J_URI: inject('neo4jUri'),
    NEO4J_USER: inject('neo4jUser'),
    NEO4J_PASSWORD: inject('neo4jPassword'),
    SEED_ON_EMPTY: 'false',
    ...env,
  });
  try {
    const ready = await service.waitForLog((line) => typeof line.url === 'string' && String(line.msg).startsWith('GraphQL ready'));
    return { service, url: ready.url as string };
  } catch (error) {
    service.child.kill('SIGKILL');
    throw error;
  }
}
