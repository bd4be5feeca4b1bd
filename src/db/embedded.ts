// Starts Neo4j Community embedded in a small Java launcher (neo4j-embedded/) and exposes it over
// Bolt on 127.0.0.1. Used when NEO4J_URI is not set: by `npm start`, the tests and the benchmark.
//
// The first start resolves the launcher's classpath with Maven (downloads from Maven Central) and
// caches it under neo4j-embedded/target/; later starts only run `java`, without the network.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { LAUNCHER_DIR } from '../paths.js';

const TARGET_DIR = path.join(LAUNCHER_DIR, 'target');
const LIB_DIR = path.join(TARGET_DIR, 'lib');
const PLUGIN_DIR = path.join(TARGET_DIR, 'plugins');
const STAMP_FILE = path.join(TARGET_DIR, 'classpath.sha256');
const MAIN_CLASS = 'graph.embedded.EmbeddedNeo4j';
const READY_PREFIX = 'NEO4J_READY ';

/** Netty and Neo4j need these on Java 17; the server distribution sets them itself, embedded does not. */
const JVM_FLAGS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
];

const ALTERNATIVES =
  'Install it, or run Neo4j yourself: `docker compose up` (see docker-compose.yml), ' +
  'or point NEO4J_URI at a Neo4j 5 server (bolt://, neo4j:// or neo4j+s://).';

export interface EmbeddedOptions {
  /** Where the database files live; created if missing. */
  dataDir: string;
  /** Bolt port on 127.0.0.1; 0 picks a free one. */
  port: number;
  /** JVM maximum heap, e.g. `1g`. */
  heap?: string;
  /** Receives the launcher's stderr lines (Neo4j's own warnings). */
  onLog?: (line: string) => void;
  /** How long to wait for Bolt before giving up. */
  startTimeoutMs?: number;
}

export interface EmbeddedNeo4j {
  /** `bolt://127.0.0.1:<port>` */
  uri: string;
  port: number;
  version: string;
  pid: number;
  /** Stops the JVM cleanly (closes the database files); kills it if it does not stop in time. */
  stop(): Promise<void>;
  /** Resolves when the JVM has exited, for whatever reason. */
  exited: Promise<number | null>;
}

/** Thrown when the embedded Neo4j cannot be prepared or started; the message says what to do. */
export class EmbeddedNeo4jError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedNeo4jError';
  }
}

function commandExists(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { stdio: 'ignore' });
  return !result.error;
}

function pomDigest(): string {
  const pom = fs.readFileSync(path.join(LAUNCHER_DIR, 'pom.xml'));
  const source = fs.readFileSync(path.join(LAUNCHER_DIR, 'src/main/java/graph/embedded/EmbeddedNeo4j.java'));
  return createHash('sha256').update(pom).update(source).digest('hex');
}

/**
 * Makes sure the launcher is compiled and its jars are in target/lib, running Maven only when the
 * pom or the launcher source changed since the last successful fetch. Returns the classpath.
 */
export function prepareLauncher(log: (line: string) => void = () => {}): string {
  if (!commandExists('java', ['-version'])) {
    throw new EmbeddedNeo4jError(`Java 17+ was not found on PATH; the embedded Neo4j needs it. ${ALTERNATIVES}`);
  }
  const digest = pomDigest();
  const cached = fs.existsSync(STAMP_FILE) && fs.readFileSync(STAMP_FILE, 'utf8').trim() === digest;
  if (!cached) {
    if (!commandExists('mvn', ['-v'])) {
      throw new EmbeddedNeo4jError(
        `Maven (mvn) was not found on PATH; it fetches the embedded Neo4j once. ${ALTERNATIVES}`,
      );
    }
    log('Fetching the embedded Neo4j from Maven Central (first run only)…');
    const result = spawnSync('mvn', ['-q', '-B', 'package', 'dependency:copy-dependencies'], {
      cwd: LAUNCHER_DIR,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (result.status !== 0) {
      const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-20).join('\n');
      throw new EmbeddedNeo4jError(`Maven could not build neo4j-embedded/ (exit ${result.status}):\n${output}`);
    }
    // APOC is registered from a plugin directory that holds only its jar.
    fs.rmSync(PLUGIN_DIR, { recursive: true, force: true });
    fs.mkdirSync(PLUGIN_DIR, { recursive: true });
    const apoc = fs.readdirSync(LIB_DIR).find((file) => /^apoc-core-.*\.jar$/.test(file));
    if (!apoc) throw new EmbeddedNeo4jError('apoc-core was not among the fetched jars in neo4j-embedded/target/lib');
    fs.copyFileSync(path.join(LIB_DIR, apoc), path.join(PLUGIN_DIR, apoc));
    fs.writeFileSync(STAMP_FILE, `${digest}\n`);
  }
  return [path.join(TARGET_DIR, 'classes'), path.join(LIB_DIR, '*')].join(path.delimiter);
}

/** Asks the OS for a free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Starts the embedded Neo4j and resolves once Bolt accepts connections. */
export async function startEmbeddedNeo4j(options: EmbeddedOptions): Promise<EmbeddedNeo4j> {
  const log = options.onLog ?? (() => {});
  const classpath = prepareLauncher(log);
  const port = options.port === 0 ? await freePort() : options.port;
  if (await portInUse(port)) {
    throw new EmbeddedNeo4jError(
      `Port ${port} on 127.0.0.1 is already in use; set NEO4J_EMBEDDED_PORT to a free port (0 picks one), ` +
        'or set NEO4J_URI to use the Neo4j that is listening there.',
    );
  }
  fs.mkdirSync(options.dataDir, { recursive: true });

  const child = spawn(
    'java',
    [`-Xmx${options.heap ?? '1g'}`, ...JVM_FLAGS, '-cp', classpath, MAIN_CLASS, options.dataDir, String(port), PLUGIN_DIR],
    // stdin must be a pipe we own: the launcher exits when it closes, which is how it notices that
    // this process died without a chance to stop it (crash, SIGKILL).
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );

  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stderrTail: string[] = [];
  readLines(child, 'stderr', (line) => {
    stderrTail.push(line);
    if (stderrTail.length > 30) stderrTail.shift();
    log(line);
  });

  const ready = new Promise<{ version: string }>((resolve, reject) => {
    readLines(child, 'stdout', (line) => {
      if (line.startsWith(READY_PREFIX)) resolve({ version: line.split(' ')[2] ?? 'unknown' });
      else log(line);
    });
    child.once('error', (error) => reject(new EmbeddedNeo4jError(`Could not run java: ${error.message}. ${ALTERNATIVES}`)));
    void exited.then((code) =>
      reject(
        new EmbeddedNeo4jError(
          `The embedded Neo4j exited (code ${code}) before it was ready. Last output:\n${stderrTail.join('\n')}`,
        ),
      ),
    );
  });
  const timeoutMs = options.startTimeoutMs ?? 180_000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new EmbeddedNeo4jError(`The embedded Neo4j did not open Bolt within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
  });

  const stop = stopper(child, exited);
  try {
    const { version } = await Promise.race([ready, timeout]);
    return { uri: `bolt://127.0.0.1:${port}`, port, version, pid: child.pid ?? -1, stop, exited };
  } catch (error) {
    await stop();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

function readLines(child: ChildProcess, stream: 'stdout' | 'stderr', onLine: (line: string) => void): void {
  let buffer = '';
  child[stream]?.setEncoding('utf8');
  child[stream]?.on('data', (chunk: string) => {
    buffer += chunk;
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      onLine(buffer.slice(0, newline).trimEnd());
      buffer = buffer.slice(newline + 1);
    }
  });
}

/** SIGTERM first so Neo4j closes its store files; SIGKILL only if it hangs. */
function stopper(child: ChildProcess, exited: Promise<number | null>): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  return () => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      child.stdin?.end();
      const killTimer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(killTimer);
    })();
    return stopping;
  };
}
