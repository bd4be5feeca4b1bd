// `npm run bench` (national scale) and `npm run bench -- --quick` (small scale): generates the
// corpus, loads it into a fresh embedded Neo4j (timed), aligns (timed), then measures every
// operation three ways — this API over HTTP, raw Cypher through the driver, @neo4j/graphql over
// HTTP — and writes bench/results/latest.{json,md,svg}.
//
//   npm run bench -- [--quick] [--scale small|national|x5] [--seed N] [--runs N] [--warmup N]
//                    [--concurrency N] [--rounds N] [--heap 2g] [--only <substring>] [--reuse]
//                    [--api-node-options "<flags for the API's NODE_OPTIONS>"]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import neo4j, { type Driver } from 'neo4j-driver';
import { freePort } from '../src/db/embedded.js';
import { ensureCorpus, type CorpusScale } from './lib/corpus.js';
import { freshGraph, measureGraph, openGraph, readCorpusDir, timedImport, type BenchGraph } from './lib/graph.js';
import { graphql } from './lib/graphql-client.js';
import { round, runConcurrent, summarise, type Sample } from './lib/measure.js';
import { buildService, megabytes, readCpuMs, rssSampler, spawnServer, type ServerProcess } from './lib/processes.js';
import { markdownReport, markdownTable, ratios, svgChart, type BenchResults, type CpuPerRequest, type OperationResult } from './lib/report.js';
import { benchOperations, cypherFile, type Counts, type Operation } from './operations.js';
import { chooseParameters } from './parameters.js';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const RESULTS_DIR = path.join(BENCH_DIR, 'results');
const CORPUS_DIR = path.join(BENCH_DIR, 'corpus');

const VARIANTS = ['api', 'rawCypher', 'neo4jGraphql'] as const;
type VariantName = (typeof VARIANTS)[number];

interface Settings {
  scale: CorpusScale;
  seed: number;
  runs: number;
  warmup: number;
  concurrency: number;
  rounds: number;
  heap: string;
  only: string | null;
  /** Keep the loaded graph between runs and reuse it (development; figures are the original load's). */
  reuse: boolean;
  /** NODE_OPTIONS for the API process (e.g. V8 heap flags), to try deployment settings. */
  apiNodeOptions: string | null;
}

function parseSettings(argv: string[]): Settings {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      scale: { type: 'string' },
      seed: { type: 'string', default: '1' },
      runs: { type: 'string' },
      warmup: { type: 'string', default: '20' },
      concurrency: { type: 'string', default: '8' },
      rounds: { type: 'string', default: '5' },
      heap: { type: 'string', default: '2g' },
      only: { type: 'string' },
      reuse: { type: 'boolean', default: false },
      'api-node-options': { type: 'string' },
    },
  });
  const scale = (values.scale ?? (values.quick ? 'small' : 'national')) as CorpusScale;
  if (!['small', 'national', 'x5'].includes(scale)) throw new Error(`--scale must be small, national or x5 (got ${scale})`);
  const positive = (name: string, text: string) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer (got ${text})`);
    return value;
  };
  return {
    scale,
    seed: positive('seed', values.seed!),
    runs: positive('runs', values.runs ?? (values.quick ? '200' : '500')),
    warmup: positive('warmup', values.warmup!),
    concurrency: positive('concurrency', values.concurrency!),
    rounds: positive('rounds', values.rounds!),
    heap: values.heap!,
    only: values.only ?? null,
    reuse: values.reuse ?? false,
    apiNodeOptions: values['api-node-options'] ?? null,
  };
}

const log = (message: string) => process.stderr.write(`${message}\n`);

/** Runs one raw Cypher statement the way a careful application would: a managed read transaction. */
function rawRunner(driver: Driver, call: Operation['rawCypher']): () => Promise<unknown> {
  const text = cypherFile(call.file);
  return async () => {
    const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.executeRead((tx) => tx.run(text, call.params));
      const rows = result.records.map((record) => record.toObject());
      return call.finish ? call.finish(rows) : rows;
    } finally {
      await session.close();
    }
  };
}

interface PreparedOperation {
  operation: Operation;
  run: Record<VariantName, (() => Promise<unknown>) | null>;
  dbRoundTrips: number | null;
  returned: Counts;
  responseBytes: { api: number; neo4jGraphql: number | null };
}

function sameCounts(a: Counts, b: Counts): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => a[key] === b[key]);
}

/** Runs every variant once and fails when they do not return the same data. */
async function prepare(operation: Operation, apiUrl: string, neo4jGraphqlUrl: string, driver: Driver): Promise<PreparedOperation> {
  const api = operation.api;
  const raw = rawRunner(driver, operation.rawCypher);
  const ngql = operation.neo4jGraphql;
  const apiAnswer = await graphql(apiUrl, api.query, api.variables);
  const counts: Partial<Record<VariantName, Counts>> = {
    api: api.count(apiAnswer.data),
    rawCypher: operation.rawCypher.count(await raw()),
  };
  let ngqlBytes: number | null = null;
  if (ngql) {
    const answer = await graphql(neo4jGraphqlUrl, ngql.query, ngql.variables);
    counts.neo4jGraphql = ngql.count(answer.data);
    ngqlBytes = answer.bytes;
  }
  const reference = counts.api!;
  const disagreeing = Object.entries(counts).filter(([, value]) => !sameCounts(reference, value));
  if (disagreeing.length > 0) {
    throw new Error(
      `"${operation.name}": the variants do not return the same data:\n` +
        Object.entries(counts)
          .map(([variant, value]) => `  ${variant.padEnd(13)} ${JSON.stringify(value)}`)
          .join('\n'),
    );
  }
  const dbRoundTrips = typeof apiAnswer.extensions?.dbRoundTrips === 'number' ? apiAnswer.extensions.dbRoundTrips : null;
  return {
    operation,
    dbRoundTrips,
    returned: reference,
    responseBytes: { api: apiAnswer.bytes, neo4jGraphql: ngqlBytes },
    run: {
      api: () => graphql(apiUrl, api.query, api.variables),
      rawCypher: raw,
      neo4jGraphql: ngql ? () => graphql(neo4jGraphqlUrl, ngql.query, ngql.variables) : null,
    },
  };
}

/** The processes whose CPU time is charged to each request. */
interface CpuTargets {
  neo4j: number;
  api: number;
  neo4jGraphql: number;
}

interface CpuTally {
  requests: number;
  server: number;
  neo4j: number;
  client: number;
}

function cpuSnapshot(targets: CpuTargets, server: number | null): { server: number; neo4j: number; client: number } {
  const usage = process.cpuUsage();
  return {
    server: server === null ? 0 : (readCpuMs(server) ?? 0),
    neo4j: readCpuMs(targets.neo4j) ?? 0,
    client: (usage.user + usage.system) / 1000,
  };
}

/**
 * Measures the variants of one operation in interleaved rounds (each round rotates the order), and
 * charges the CPU time the GraphQL server, Neo4j and the benchmark client spent to each variant:
 * on a shared machine CPU per request is steadier than wall-clock latency.
 */
async function measureOperation(prepared: PreparedOperation, settings: Settings, targets: CpuTargets): Promise<OperationResult> {
  const samples: Record<VariantName, Sample[]> = { api: [], rawCypher: [], neo4jGraphql: [] };
  const cpu: Record<VariantName, CpuTally> = {
    api: { requests: 0, server: 0, neo4j: 0, client: 0 },
    rawCypher: { requests: 0, server: 0, neo4j: 0, client: 0 },
    neo4jGraphql: { requests: 0, server: 0, neo4j: 0, client: 0 },
  };
  const active = VARIANTS.filter((variant) => prepared.run[variant]);
  const perRound = Math.ceil(settings.runs / settings.rounds);
  for (let roundIndex = 0; roundIndex < settings.rounds; roundIndex += 1) {
    const order = active.map((_, i) => active[(i + roundIndex) % active.length]!);
    for (const variant of order) {
      const request = prepared.run[variant]!;
      if (roundIndex === 0 && settings.warmup > 0) {
        const warm = await runConcurrent(request, settings.warmup, settings.concurrency);
        if (warm.errors > 0) throw new Error(`"${prepared.operation.name}" via ${variant}: warm-up failed: ${warm.firstError}`);
      }
      const serverPid = variant === 'api' ? targets.api : variant === 'neo4jGraphql' ? targets.neo4jGraphql : null;
      const before = cpuSnapshot(targets, serverPid);
      const sample = await runConcurrent(request, perRound, settings.concurrency);
      const after = cpuSnapshot(targets, serverPid);
      if (sample.errors > 0) {
        throw new Error(`"${prepared.operation.name}" via ${variant}: ${sample.errors} request(s) failed; first: ${sample.firstError}`);
      }
      samples[variant].push(sample);
      const tally = cpu[variant];
      tally.requests += sample.latencies.length;
      tally.server += after.server - before.server;
      tally.neo4j += after.neo4j - before.neo4j;
      tally.client += after.client - before.client;
    }
  }
  // Latency without queueing: one request at a time, after the rounds (everything is warm).
  const serialRuns = Math.max(10, Math.round(settings.runs / 10));
  const serial: Partial<Record<VariantName, number>> = {};
  for (const variant of active) {
    const sample = await runConcurrent(prepared.run[variant]!, serialRuns, 1);
    if (sample.errors > 0) throw new Error(`"${prepared.operation.name}" via ${variant} (one at a time): ${sample.firstError}`);
    serial[variant] = summarise([sample]).p50Ms;
  }
  const perRequest = (variant: VariantName): CpuPerRequest | null => {
    const tally = cpu[variant];
    if (tally.requests === 0) return null;
    return {
      serverMs: variant === 'rawCypher' ? null : round(tally.server / tally.requests, 2),
      neo4jMs: round(tally.neo4j / tally.requests, 2),
      clientMs: round(tally.client / tally.requests, 2),
    };
  };
  return {
    name: prepared.operation.name,
    api: { ...summarise(samples.api), p50SerialMs: serial.api! },
    rawCypher: { ...summarise(samples.rawCypher), p50SerialMs: serial.rawCypher! },
    neo4jGraphql: prepared.run.neo4jGraphql ? { ...summarise(samples.neo4jGraphql), p50SerialMs: serial.neo4jGraphql! } : null,
    dbRoundTrips: prepared.dbRoundTrips,
    returned: prepared.returned,
    responseBytes: prepared.responseBytes,
    cpuPerRequest: { api: perRequest('api')!, rawCypher: perRequest('rawCypher')!, neo4jGraphql: perRequest('neo4jGraphql') },
  };
}

function writeResults(results: BenchResults): void {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const json = `${JSON.stringify(results, null, 2)}\n`;
  const md = markdownReport(results);
  const svg = svgChart(results);
  for (const base of ['latest', results.scale.name]) {
    fs.writeFileSync(path.join(RESULTS_DIR, `${base}.json`), json);
    fs.writeFileSync(path.join(RESULTS_DIR, `${base}.md`), md);
    fs.writeFileSync(path.join(RESULTS_DIR, `${base}.svg`), svg);
  }
}

async function main(): Promise<void> {
  const settings = parseSettings(process.argv.slice(2));
  const startedAt = new Date();
  // Other work on the machine shows here; the figures are only as quiet as the machine was.
  const loadAtStart = os.loadavg().map((x) => round(x, 2));
  const t0 = performance.now();
  const cleanup: Array<() => Promise<void>> = [];
  const servers: ServerProcess[] = [];
  const stopAll = async () => {
    for (const stop of cleanup.splice(0).reverse()) await stop().catch((error: unknown) => log(`cleanup: ${String(error)}`));
  };
  process.once('SIGINT', () => void stopAll().then(() => process.exit(130)));
  process.once('SIGTERM', () => void stopAll().then(() => process.exit(143)));

  try {
    log(`bench: ${settings.scale} scale, seed ${settings.seed}; ${settings.runs} runs per variant at concurrency ${settings.concurrency}`);
    const corpus = await ensureCorpus(CORPUS_DIR, settings.scale, settings.seed, log);
    const inputs = readCorpusDir(corpus.dir);
    log(`corpus: ${inputs.length} documents in ${path.relative(process.cwd(), corpus.dir)}`);

    const dataDir = path.join(CORPUS_DIR, `.neo4j-${path.basename(corpus.dir)}`);
    const loadedMarker = path.join(CORPUS_DIR, `.loaded-${path.basename(corpus.dir)}.json`);
    const reusable = settings.reuse && fs.existsSync(loadedMarker) && fs.existsSync(dataDir) && corpus.generatedSeconds === 0;
    let graph: BenchGraph;
    let loaded: { import: BenchResults['import']; align: BenchResults['align'] };
    if (reusable) {
      log(`neo4j: reusing the graph loaded earlier in ${path.relative(process.cwd(), dataDir)} (--reuse)`);
      graph = await openGraph(dataDir, settings.heap);
      cleanup.push(() => graph.connection.close());
      loaded = JSON.parse(fs.readFileSync(loadedMarker, 'utf8')) as typeof loaded;
    } else {
      log('neo4j: starting a fresh embedded database');
      fs.rmSync(loadedMarker, { force: true });
      graph = await freshGraph(dataDir, settings.heap);
      cleanup.push(() => graph.connection.close());

      const step = Math.max(1, Math.round(inputs.length / 10));
      const imported = await timedImport(graph.db, inputs, (done) => {
        if (done % step === 0 || done === inputs.length) log(`import: ${done}/${inputs.length}`);
      });
      log(`import: ${imported.documents} documents in ${imported.seconds.toFixed(1)} s (${imported.docsPerSecond.toFixed(1)}/s), ${imported.failed} failed`);
      if (imported.failed > 0) {
        const first = imported.results.find((r) => r.status === 'FAILED');
        throw new Error(`${imported.failed} generated document(s) failed to import; first: ${first?.name}: ${first?.errors[0]?.message}`);
      }

      // The pipeline aligned what the import brought: into an empty graph, a full run.
      const aligned = imported.alignment;
      if (!aligned) throw new Error('the import changed nothing, so nothing was aligned');
      const align: BenchResults['align'] = { competencies: aligned.competencies, seconds: round(aligned.seconds, 1), pairs: aligned.relations };
      log(`align: ${align.competencies} competencies, ${align.pairs} typed relations, ${aligned.resemblances} resemblances in ${align.seconds} s`);
      loaded = {
        import: {
          documents: imported.documents,
          seconds: round(imported.seconds, 1),
          docsPerSecond: round(imported.docsPerSecond, 1),
          failed: imported.failed,
        },
        align,
      };
      fs.writeFileSync(loadedMarker, JSON.stringify(loaded, null, 2));
    }

    const size = await measureGraph(graph.db);
    log(`graph: ${size.nodes} nodes, ${size.relationships} relationships, ${size.standards} standards, ${size.units} units`);

    const build = buildService();
    const apiArgs = build.ok ? ['dist/src/main.js'] : ['--import', 'tsx', 'src/main.ts'];
    if (!build.ok) log(`build failed, running the API from source with tsx:\n${build.output.split('\n').slice(0, 10).join('\n')}`);
    const apiPort = await freePort();
    const api: ServerProcess = await spawnServer({
      name: 'API',
      args: apiArgs,
      port: apiPort,
      readyPath: '/readyz',
      env: {
        NEO4J_URI: graph.uri,
        NEO4J_USER: 'neo4j',
        NEO4J_PASSWORD: '',
        SEED_ON_EMPTY: 'false',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
        PORT: String(apiPort),
        HOST: '127.0.0.1',
        ...(settings.apiNodeOptions ? { NODE_OPTIONS: settings.apiNodeOptions } : {}),
      },
    });
    cleanup.push(() => api.stop());
    servers.push(api);
    const ngqlPort = await freePort();
    const ngql = await spawnServer({
      name: '@neo4j/graphql',
      args: ['--import', 'tsx', path.join('bench', 'neo4j-graphql', 'server.ts')],
      port: ngqlPort,
      readyPath: '/healthz',
      env: { NEO4J_URI: graph.uri, PORT: String(ngqlPort) },
    });
    cleanup.push(() => ngql.stop());
    servers.push(ngql);

    const parameters = await chooseParameters(graph.db);
    log(`parameters: ${JSON.stringify(parameters)}`);
    const driver = graph.connection.driver;
    let operations = benchOperations(parameters);
    if (settings.only) operations = operations.filter((op) => op.name.includes(settings.only!));

    const prepared: PreparedOperation[] = [];
    for (const operation of operations) {
      prepared.push(await prepare(operation, api.url, ngql.url, driver));
      const last = prepared.at(-1)!;
      log(`checked: ${operation.name} ${JSON.stringify(last.returned)} (${last.dbRoundTrips ?? '?'} round trips, ${JSON.stringify(last.responseBytes)} bytes)`);
    }

    const rss = rssSampler(api.pid);
    const results: OperationResult[] = [];
    for (const op of prepared) {
      const opRss = rssSampler(api.pid);
      const result = await measureOperation(op, settings, { neo4j: graph.pid, api: api.pid, neo4jGraphql: ngql.pid });
      result.apiRssMaxMb = megabytes(opRss.stop().maxBytes);
      results.push(result);
      const r = ratios(result);
      log(
        `${result.name}: api p50 ${result.api.p50Ms} ms ${result.api.rps}/s | raw ${result.rawCypher.p50Ms} ms ${result.rawCypher.rps}/s | ` +
          `@neo4j/graphql ${result.neo4jGraphql ? `${result.neo4jGraphql.p50Ms} ms ${result.neo4jGraphql.rps}/s` : 'n/a'} | ` +
          `p50 api/raw ${r.p50VsRaw}, p50 api/@neo4j/graphql ${r.p50VsNeo4jGraphql}, rps api/@neo4j/graphql ${r.rpsVsNeo4jGraphql} | ` +
          `cpu ms/request api ${JSON.stringify(result.cpuPerRequest?.api)} raw ${JSON.stringify(result.cpuPerRequest?.rawCypher)} ` +
          `@neo4j/graphql ${JSON.stringify(result.cpuPerRequest?.neo4jGraphql)}`,
      );
    }
    const memory = rss.stop();

    const cpus = os.cpus();
    const output: BenchResults = {
      scale: {
        name: settings.scale,
        seed: settings.seed,
        standards: size.standards,
        units: size.units,
        documents: inputs.length,
        nodes: size.nodes,
        relationships: size.relationships,
      },
      machine: {
        cpus: cpus.length,
        cpuModel: cpus[0]?.model.trim() ?? 'unknown',
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        node: process.versions.node,
        neo4j: graph.version,
        neo4jHeap: settings.heap,
        os: `${os.type()} ${os.release()}`,
        apiRuntime: `${build.ok ? 'node dist/src/main.js (compiled)' : 'node --import tsx src/main.ts'}${settings.apiNodeOptions ? ` with NODE_OPTIONS=${settings.apiNodeOptions}` : ''}`,
        loadAverageAtStart: loadAtStart,
        loadAverageAtEnd: os.loadavg().map((x) => round(x, 2)),
      },
      settings: {
        concurrency: settings.concurrency,
        warmup: settings.warmup,
        runs: settings.runs,
        rounds: settings.rounds,
      },
      import: loaded.import,
      align: loaded.align,
      service: { rssStartMb: megabytes(memory.firstBytes), rssMaxMb: megabytes(memory.maxBytes), rssEndMb: megabytes(memory.lastBytes) },
      operations: results,
      startedAt: startedAt.toISOString(),
      totalSeconds: round((performance.now() - t0) / 1000, 1),
    };
    writeResults(output);
    process.stdout.write(`\n${markdownTable(output)}\n\n`);
    process.stdout.write(`service RSS: max ${output.service.rssMaxMb} MB (start ${output.service.rssStartMb} MB, end ${output.service.rssEndMb} MB)\n`);
    process.stdout.write('ratios (api/raw p50, api/@neo4j/graphql p50, api/@neo4j/graphql req/s):\n');
    for (const op of results) {
      const r = ratios(op);
      process.stdout.write(`  ${op.name.padEnd(48)} ${r.p50VsRaw.padStart(7)} ${r.p50VsNeo4jGraphql.padStart(7)} ${r.rpsVsNeo4jGraphql.padStart(7)}\n`);
    }
    process.stdout.write(`\nwrote ${path.relative(process.cwd(), RESULTS_DIR)}/latest.{json,md,svg} in ${output.totalSeconds} s\n`);
  } catch (error) {
    for (const server of servers) {
      if (server.child.exitCode !== null || server.child.signalCode !== null) {
        log(`${server.name} exited (${server.child.exitCode ?? server.child.signalCode}); its last output:\n${server.output()}`);
      }
    }
    throw error;
  } finally {
    await stopAll();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
