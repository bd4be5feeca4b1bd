// `npm run bench:compare`: two versions of the API, or one version under two sets of Node flags,
// measured against each other on one database in alternating rounds. This is how a change to the
// request path is judged on a shared machine: two runs of `npm run bench` taken minutes apart differ
// by a tenth or more, while two processes measured turn about in the same minutes see the same
// machine.
//
//   npm run bench:compare -- [--base <git revision>] [--a-node-args="<flags>"] [--b-node-args="<flags>"]
//                            [--a-env KEY=VALUE …] [--b-env KEY=VALUE …]
//                            [--corpus <dir> | --scale small|national|x5] [--seed N] [--heap 2g] [--fresh]
//                            [--only <substring>[,<substring>…]] [--rounds N] [--seconds S] [--warmup N]
//                            [--concurrency N] [--cache] [--out <file.md>]
//
// Side A is the checkout of --base (built in a temporary git worktree that borrows this checkout's
// node_modules, so its package-lock.json must be the same), or this checkout when --base is not
// given. Side B is this checkout. Each side runs as `npm start` runs it, with its own package.json's
// Node flags plus --a-node-args / --b-node-args, and its settings at their defaults but for
// --a-env / --b-env (e.g. COMPILED_EXECUTION=false). With none of these, A and B are the same build
// under the same settings: the differences then show the machine's noise.
//
// The graph is the one `npm run bench` loads for the same corpus (reused when it is there; --fresh
// loads it again). Before measuring, both sides must return the same whole answer to every
// operation. Then, after a warm-up of each, every round measures each operation on A and B for
// --seconds each (the order alternating from round to round), charging the CPU time each API
// process and Neo4j spent to the requests it answered. The table gives each figure's median over
// the rounds, and the rounds' range for server CPU.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../src/paths.js';
import { differences } from './lib/canonical.js';
import { graphql } from './lib/graphql-client.js';
import { loadCorpusGraph, type CorpusChoice } from './lib/loaded-graph.js';
import { median, quantile, round, runConcurrent } from './lib/measure.js';
import { corpusChoiceOf, positiveInteger, positiveNumber } from './lib/options.js';
import { buildService, megabytes, readCpuMs, rssSampler, serviceNodeArgs, spawnApi, type ServerProcess } from './lib/processes.js';
import { benchOperations, type Operation } from './operations.js';
import { chooseParameters } from './parameters.js';

const CORPUS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'corpus');

interface Settings extends CorpusChoice {
  base: string | null;
  aNodeArgs: string[];
  bNodeArgs: string[];
  aEnv: Record<string, string>;
  bEnv: Record<string, string>;
  only: string[];
  rounds: number;
  seconds: number;
  warmup: number;
  concurrency: number;
  cache: boolean;
  out: string | null;
}

function parseSettings(argv: string[]): Settings {
  const { values } = parseArgs({
    args: argv,
    options: {
      base: { type: 'string' },
      'a-node-args': { type: 'string', default: '' },
      'b-node-args': { type: 'string', default: '' },
      'a-env': { type: 'string', multiple: true, default: [] },
      'b-env': { type: 'string', multiple: true, default: [] },
      corpus: { type: 'string' },
      scale: { type: 'string' },
      seed: { type: 'string', default: '1' },
      heap: { type: 'string', default: '2g' },
      fresh: { type: 'boolean', default: false },
      only: { type: 'string' },
      rounds: { type: 'string', default: '4' },
      seconds: { type: 'string', default: '4' },
      warmup: { type: 'string', default: '1000' },
      concurrency: { type: 'string', default: '8' },
      cache: { type: 'boolean', default: false },
      out: { type: 'string' },
    },
  });
  const flags = (text: string) => text.split(/\s+/).filter(Boolean);
  const environment = (name: string, pairs: string[]) =>
    Object.fromEntries(
      pairs.map((pair) => {
        const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(pair);
        if (!match) throw new Error(`--${name} takes KEY=VALUE (got ${pair})`);
        return [match[1]!, match[2]!];
      }),
    );
  return {
    base: values.base ?? null,
    aNodeArgs: flags(values['a-node-args']!),
    bNodeArgs: flags(values['b-node-args']!),
    aEnv: environment('a-env', values['a-env']!),
    bEnv: environment('b-env', values['b-env']!),
    ...corpusChoiceOf(values, 'national', !values.fresh),
    only: values.only ? values.only.split(',').map((s) => s.trim()).filter(Boolean) : [],
    rounds: positiveInteger('rounds', values.rounds!),
    seconds: positiveNumber('seconds', values.seconds!),
    warmup: positiveInteger('warmup', values.warmup!),
    concurrency: positiveInteger('concurrency', values.concurrency!),
    cache: values.cache!,
    out: values.out ?? null,
  };
}

const log = (message: string) => process.stderr.write(`${message}\n`);

const git = (args: string[], cwd = PROJECT_ROOT): string => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

/** A revision checked out and built beside this checkout, removed again by `remove`. */
interface BaseCheckout {
  root: string;
  commit: string;
  remove(): void;
}

/**
 * Checks `revision` out into a temporary git worktree and builds it there with this checkout's
 * node_modules, which is only right when both lock the same dependencies.
 */
function checkOutBase(revision: string): BaseCheckout {
  const commit = git(['rev-parse', '--verify', `${revision}^{commit}`]);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'compare-base-'));
  git(['worktree', 'add', '--detach', '--force', root, commit]);
  const remove = () => {
    try {
      git(['worktree', 'remove', '--force', root]);
    } catch (error) {
      log(`compare: could not remove the worktree ${root}: ${String(error)}`);
    }
  };
  try {
    const lock = (dir: string) => fs.readFileSync(path.join(dir, 'package-lock.json'), 'utf8');
    if (lock(root) !== lock(PROJECT_ROOT)) {
      throw new Error(`--base ${revision}: its package-lock.json differs from this checkout's; the base would run on dependencies it does not lock`);
    }
    fs.symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
    const build = buildService(root);
    if (!build.ok) throw new Error(`--base ${revision}: npm run build failed:\n${build.output.split('\n').slice(0, 20).join('\n')}`);
    return { root, commit, remove };
  } catch (error) {
    remove();
    throw error;
  }
}

/** One side of the comparison: a build and the Node arguments it runs with. */
interface Side {
  label: 'A' | 'B';
  description: string;
  server: ServerProcess;
}

/** The side's Node arguments: its `npm start` flags, then the extra ones, then the entry point. */
function nodeArgsOf(root: string, extra: string[]): string[] {
  const args = serviceNodeArgs(root);
  return [...args.slice(0, -1), ...extra, args.at(-1)!];
}

/** What one side did in one round of one operation. */
interface RoundFigures {
  requests: number;
  serverMs: number;
  neo4jMs: number;
  p50Ms: number;
  rps: number;
}

interface OperationComparison {
  name: string;
  a: RoundFigures[];
  b: RoundFigures[];
}

const cpuOf = (pid: number): number => readCpuMs(pid) ?? Number.NaN;

/** Sends the operation's query to one side. */
const ask = (side: Side, operation: Operation) => graphql(side.server.url, operation.api.query, operation.api.variables);

async function measureRound(operation: Operation, side: Side, neo4jPid: number, settings: Settings): Promise<RoundFigures> {
  const request = () => ask(side, operation);
  const server0 = cpuOf(side.server.pid);
  const neo4j0 = cpuOf(neo4jPid);
  const sample = await runConcurrent(request, Number.POSITIVE_INFINITY, settings.concurrency, settings.seconds * 1000);
  const serverMs = cpuOf(side.server.pid) - server0;
  const neo4jMs = cpuOf(neo4jPid) - neo4j0;
  if (sample.errors > 0) throw new Error(`"${operation.name}" on ${side.label}: ${sample.errors} request(s) failed; first: ${sample.firstError}`);
  const requests = sample.latencies.length;
  return {
    requests,
    serverMs: serverMs / requests,
    neo4jMs: neo4jMs / requests,
    p50Ms: quantile(sample.latencies, 0.5),
    rps: (requests / sample.wallMs) * 1000,
  };
}

/** Fails unless both sides give the same whole answer (in the bench's canonical form). */
async function mustAgree(operation: Operation, a: Side, b: Side): Promise<void> {
  const answer = async (side: Side) => operation.canonical((await ask(side, operation)).data);
  const lines = differences(await answer(a), await answer(b), ['A', 'B']);
  if (lines.length > 0) throw new Error(`"${operation.name}": A and B answer differently:\n${lines.join('\n')}`);
}

const figure = (value: number): string => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));

function medianOf(rounds: RoundFigures[], pick: (r: RoundFigures) => number): number {
  return median(rounds.map(pick));
}

function markdown(comparisons: OperationComparison[], header: string[], memory: { a: number; b: number }): string {
  const rows = comparisons.map(({ name, a, b }) => {
    const cpu = (rounds: RoundFigures[]) => {
      const values = rounds.map((r) => r.serverMs);
      return `${figure(median(values))} (${figure(Math.min(...values))}–${figure(Math.max(...values))})`;
    };
    const ratio = (pick: (r: RoundFigures) => number) => `${(medianOf(b, pick) / medianOf(a, pick)).toFixed(2)}x`;
    return (
      `| ${name} | ${cpu(a)} | ${cpu(b)} | ${ratio((r) => r.serverMs)} | ` +
      `${figure(medianOf(a, (r) => r.neo4jMs))} / ${figure(medianOf(b, (r) => r.neo4jMs))} | ` +
      `${figure(medianOf(a, (r) => r.p50Ms))} / ${figure(medianOf(b, (r) => r.p50Ms))} | ${ratio((r) => r.p50Ms)} | ` +
      `${medianOf(a, (r) => r.rps).toFixed(0)} / ${medianOf(b, (r) => r.rps).toFixed(0)} |`
    );
  });
  return [
    ...header,
    '',
    '| operation | server CPU ms/request, A<br>median (rounds) | server CPU ms/request, B<br>median (rounds) | CPU B÷A | Neo4j CPU ms/request<br>A / B | p50 ms<br>A / B | p50 B÷A | req/s<br>A / B |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    `API RSS at most: A ${memory.a} MB, B ${memory.b} MB.`,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const settings = parseSettings(process.argv.slice(2));
  const loadAtStart = os.loadavg()[0]!;
  const cleanup: Array<() => Promise<void> | void> = [];
  const stopAll = async () => {
    for (const stop of cleanup.splice(0).reverse()) await Promise.resolve(stop()).catch((error: unknown) => log(`cleanup: ${String(error)}`));
  };
  process.once('SIGINT', () => void stopAll().then(() => process.exit(130)));
  process.once('SIGTERM', () => void stopAll().then(() => process.exit(143)));
  try {
    const build = buildService();
    if (!build.ok) throw new Error(`npm run build failed:\n${build.output.split('\n').slice(0, 20).join('\n')}`);
    let aRoot = PROJECT_ROOT;
    let aVersion = `this checkout (${git(['rev-parse', '--short', 'HEAD'])}${git(['status', '--porcelain']) ? ', with uncommitted changes' : ''})`;
    const bVersion = aVersion;
    if (settings.base) {
      log(`compare: building ${settings.base} in a temporary worktree`);
      const base = checkOutBase(settings.base);
      cleanup.push(() => base.remove());
      aRoot = base.root;
      aVersion = `${settings.base} (${base.commit.slice(0, 7)})`;
    }

    const { graph, corpusName } = await loadCorpusGraph(settings, CORPUS_DIR, log);
    cleanup.push(() => graph.connection.close());

    const start = async (label: 'A' | 'B', root: string, version: string, extra: string[], env: Record<string, string>): Promise<Side> => {
      const args = nodeArgsOf(root, extra);
      const server = await spawnApi({ name: `API ${label}`, root, args, neo4jUri: graph.uri, responseCache: settings.cache, env });
      cleanup.push(() => server.stop());
      const settingsText = Object.entries(env).map(([key, value]) => `${key}=${value} `).join('');
      return { label, description: `${version}: ${settingsText}node ${args.join(' ')}`, server };
    };
    const a = await start('A', aRoot, aVersion, settings.aNodeArgs, settings.aEnv);
    const b = await start('B', PROJECT_ROOT, bVersion, settings.bNodeArgs, settings.bEnv);
    const memoryA = rssSampler(a.server.pid);
    const memoryB = rssSampler(b.server.pid);

    let operations = benchOperations(await chooseParameters(graph.db));
    if (settings.only.length > 0) operations = operations.filter((op) => settings.only.some((part) => op.name.includes(part)));
    if (operations.length === 0) throw new Error(`--only ${settings.only.join(',')} matches no operation`);
    for (const operation of operations) await mustAgree(operation, a, b);
    log(`compare: A and B give the same answers to ${operations.length} operation(s)`);

    for (const operation of operations) {
      for (const side of [a, b]) {
        const warm = await runConcurrent(() => ask(side, operation), settings.warmup, settings.concurrency, 10_000);
        if (warm.errors > 0) throw new Error(`"${operation.name}" on ${side.label}: warm-up failed: ${warm.firstError}`);
      }
    }

    const comparisons: OperationComparison[] = operations.map((op) => ({ name: op.name, a: [], b: [] }));
    for (let roundIndex = 0; roundIndex < settings.rounds; roundIndex += 1) {
      for (const [index, operation] of operations.entries()) {
        const order = roundIndex % 2 === 0 ? [a, b] : [b, a];
        for (const side of order) {
          const figures = await measureRound(operation, side, graph.pid, settings);
          comparisons[index]![side.label === 'A' ? 'a' : 'b'].push(figures);
          log(`round ${roundIndex + 1} ${operation.name} ${side.label}: ${figure(figures.serverMs)} ms server CPU, p50 ${figure(figures.p50Ms)} ms, ${figures.requests} requests`);
        }
      }
    }

    const header = [
      `# Compared: A against B`,
      '',
      `- A: ${a.description}`,
      `- B: ${b.description}`,
      `- Graph: ${corpusName}; response cache ${settings.cache ? 'on' : 'off'} on both; ${settings.concurrency} requests in flight; ` +
        `${settings.rounds} alternating rounds of ${settings.seconds} s per operation and side after ${settings.warmup} warm-up requests each.`,
      `- Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'unknown'}, Node ${process.versions.node}, Neo4j ${graph.version}; ` +
        `load average ${round(loadAtStart, 2)} at the start and ${round(os.loadavg()[0]!, 2)} at the end.`,
    ];
    const report = markdown(comparisons, header, { a: megabytes(memoryA.stop().maxBytes), b: megabytes(memoryB.stop().maxBytes) });
    process.stdout.write(`\n${report}`);
    if (settings.out) {
      fs.writeFileSync(settings.out, report);
      log(`compare: wrote ${settings.out}`);
    }
  } finally {
    await stopAll();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(`compare failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
