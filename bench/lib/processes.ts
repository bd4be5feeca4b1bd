// The processes a benchmark talks to: the API and the @neo4j/graphql server as children of their
// own (so each one's memory is its own), and readers of a process's resident memory.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../src/db/embedded.js';
import { PROJECT_ROOT } from '../../src/paths.js';

export interface ServerProcess {
  name: string;
  child: ChildProcess;
  pid: number;
  url: string;
  /** The last lines the process wrote, for error messages. */
  output(): string;
  /** False when `readyOutput` was given and did not appear in time (the server was used anyway). */
  sawReadyOutput: boolean;
  stop(): Promise<void>;
}

export interface SpawnServerOptions {
  name: string;
  /** Node arguments after the executable (e.g. `['dist/src/main.js']`). */
  args: string[];
  /** The working directory (default: this project's root). */
  cwd?: string;
  env: Record<string, string>;
  /**
   * Start from this process's environment (default). False: only PATH, HOME and the locale, plus
   * `env` — so that nothing set in the shell that runs the bench (NODE_ENV, LOG_LEVEL, limits,
   * NODE_OPTIONS) changes how the server runs.
   */
  inheritEnv?: boolean;
  port: number;
  /** Path answering 200 once the server can take requests. */
  readyPath: string;
  /**
   * Also wait, once it answers, until the server's output matches this (e.g. the line that says
   * its warm-up is done) — at most `readyOutputTimeoutMs` (default 120 s), then go on without it.
   */
  readyOutput?: RegExp;
  readyOutputTimeoutMs?: number;
  timeoutMs?: number;
}

const BASE_ENV = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TZ', 'TMPDIR'];

/**
 * Starts a Node server as a child process and waits until `readyPath` answers 200 (and its output
 * matches `readyOutput`, when given). Its stdout and stderr go to a file, not a pipe, so that
 * reading its log costs the benchmark client nothing while it measures.
 */
export async function spawnServer(options: SpawnServerOptions): Promise<ServerProcess> {
  const logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-server-')), 'output.log');
  const log = fs.openSync(logFile, 'a');
  const base = options.inheritEnv === false ? Object.fromEntries(BASE_ENV.flatMap((key) => (process.env[key] ? [[key, process.env[key]!]] : []))) : process.env;
  const child = spawn(process.execPath, options.args, {
    cwd: options.cwd ?? PROJECT_ROOT,
    env: { ...base, ...options.env },
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  const output = (): string => {
    try {
      const text = fs.readFileSync(logFile, 'utf8');
      return text.split('\n').filter(Boolean).slice(-40).join('\n');
    } catch {
      return '';
    }
  };
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));

  const origin = `http://127.0.0.1:${options.port}`;
  const timeoutMs = options.timeoutMs ?? 180_000;
  const deadline = Date.now() + timeoutMs;
  let answering = false;
  let answeringSince = 0;
  let sawReadyOutput = !options.readyOutput;
  for (;;) {
    if (exitCode !== undefined) throw new Error(`${options.name} exited (code ${exitCode}) before it was ready:\n${output()}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.name} was not ready within ${timeoutMs / 1000} s:\n${output()}`);
    }
    if (!answering) {
      try {
        const response = await fetch(`${origin}${options.readyPath}`, { signal: AbortSignal.timeout(2_000) });
        await response.arrayBuffer();
        answering = response.ok;
        answeringSince = Date.now();
      } catch {
        // not listening yet
      }
    }
    if (answering) {
      if (!options.readyOutput) break;
      if (options.readyOutput.test(fs.readFileSync(logFile, 'utf8'))) {
        sawReadyOutput = true;
        break;
      }
      if (Date.now() - answeringSince > (options.readyOutputTimeoutMs ?? 120_000)) break;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    name: options.name,
    child,
    pid: child.pid ?? -1,
    url: `${origin}/graphql`,
    output,
    sawReadyOutput,
    async stop() {
      if (exitCode !== undefined) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
      fs.rmSync(path.dirname(logFile), { recursive: true, force: true });
    },
  };
}

/** CPU time (user + system) a process has used so far, in milliseconds; null when unreadable. */
export function readCpuMs(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** Kernel clock ticks per second (USER_HZ); 100 on every common Linux. */
const CLOCK_TICKS = 100;

/** Resident memory of a process in bytes (VmRSS), or null when it cannot be read. */
export function readRss(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Samples a process's resident memory on an interval; reports the first, last and largest sample. */
export function rssSampler(pid: number, intervalMs = 200): { stop(): { firstBytes: number; lastBytes: number; maxBytes: number; samples: number } } {
  let first: number | null = null;
  let last = 0;
  let max = 0;
  let samples = 0;
  const sample = () => {
    const rss = readRss(pid);
    if (rss === null) return;
    first ??= rss;
    last = rss;
    max = Math.max(max, rss);
    samples += 1;
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { firstBytes: first ?? 0, lastBytes: last, maxBytes: max, samples };
    },
  };
}

/**
 * The pid of the process listening on a TCP port on this machine: the socket's inode from
 * /proc/net/tcp{,6}, then the process holding a descriptor on it. Null when it cannot be found
 * (another user's process, or not Linux).
 */
export function pidListeningOn(port: number): number | null {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = fs.readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      // local_address is "ADDR:PORT"; state 0A is LISTEN; the inode is the tenth field.
      if (fields.length > 9 && fields[1]?.endsWith(`:${hexPort}`) && fields[3] === '0A') inodes.add(fields[9]!);
    }
  }
  if (inodes.size === 0) return null;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = fs.readdirSync(path.join('/proc', entry, 'fd'));
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const target = fs.readlinkSync(path.join('/proc', entry, 'fd', fd));
        const match = /^socket:\[(\d+)\]$/.exec(target);
        if (match && inodes.has(match[1]!)) return Number(entry);
      } catch {
        // descriptor closed meanwhile
      }
    }
  }
  return null;
}

/**
 * Compiles the service as `npm start` does before it runs `node dist/src/main.js` (`npm run
 * build`; the explorer bundle it also builds is not on the API's path). True when dist/ is up to
 * date with src/.
 */
export function buildService(root = PROJECT_ROOT): { ok: boolean; output: string } {
  const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() };
}

/**
 * The Node arguments `npm start` runs the service with (its V8 flags and the entry point), read
 * from package.json (of the checkout at `root`) so that the bench cannot drift from what users run.
 */
export function serviceNodeArgs(root = PROJECT_ROOT): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const command = manifest.scripts.start?.split('&&').at(-1)?.trim().split(/\s+/) ?? [];
  if (command[0] !== 'node' || command.at(-1) !== 'dist/src/main.js') {
    throw new Error(`package.json "start" must end with "node [flags] dist/src/main.js"; it is: ${manifest.scripts.start}`);
  }
  return command.slice(1);
}

export function megabytes(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10;
}

export interface ApiProcessOptions {
  name: string;
  /** The checkout whose dist/ runs (default: this project). */
  root?: string;
  /** Node arguments: flags and the entry point (see serviceNodeArgs). */
  args: string[];
  /** Bolt URI of the database it reads. */
  neo4jUri: string;
  responseCache: boolean;
  /** Further environment: settings to try (e.g. COMPILED_EXECUTION, NODE_OPTIONS). */
  env?: Record<string, string>;
}

/**
 * Starts the compiled API as users run it (`npm start`): NODE_ENV=production, every limit, the log
 * level and the metrics at their defaults, nothing inherited from the shell's environment. It is
 * ready once its background warm-up (the aligner and the query plans) is done, as a user's first
 * requests would find it after a deploy.
 */
export async function spawnApi(options: ApiProcessOptions): Promise<ServerProcess> {
  const port = await freePort();
  return spawnServer({
    name: options.name,
    args: options.args,
    cwd: options.root,
    port,
    readyPath: '/readyz',
    readyOutput: /query plans warmed|warming up failed/,
    inheritEnv: false,
    env: {
      NODE_ENV: 'production',
      NEO4J_URI: options.neo4jUri,
      NEO4J_USER: 'neo4j',
      NEO4J_PASSWORD: '',
      SEED_ON_EMPTY: 'false',
      PORT: String(port),
      HOST: '127.0.0.1',
      RESPONSE_CACHE: String(options.responseCache),
      ...options.env,
    },
  });
}
