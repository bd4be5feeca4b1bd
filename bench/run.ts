// `npm run bench` (national scale), `npm run bench -- --quick` (small scale) and
// `npm run bench -- --corpus <dir>` (a folder of iCAP documents, e.g. ../shared/icap-catalogue):
// generates the corpus (or reads the folder), loads it into a fresh embedded Neo4j (timed), aligns
// (timed), chooses each operation's arguments from what was loaded, checks that every variant
// returns the same whole answer, then measures every operation four ways — this API over HTTP with
// its response cache off and on, raw Cypher through the driver, @neo4j/graphql over HTTP — and
// writes bench/results/latest.{json,md,svg}.
//
//   npm run bench -- [--quick] [--scale small|national|x5] [--corpus <dir>] [--seed N] [--runs N]
//                    [--warmup N] [--warmup-seconds S] [--concurrency N] [--rounds N] [--heap 2g] [--only <substring>]
//                    [--reuse] [--api-node-options="<flags for the API's NODE_OPTIONS>"]
//
// With --corpus, --quick only lowers the default number of runs (its scale is the folder's); the
// operations' arguments are chosen from whatever was loaded (bench/parameters.ts), and the report
// says where the corpus forced another choice (e.g. no units: the learning path starts from a
// standard). --reuse keeps a loaded graph per corpus and reloads when the documents changed.
//
// The API runs as users run it (`npm start`): compiled JavaScript (`npm run build`, dist/), with
// NODE_ENV=production and every other setting at its default (limits, logging, metrics) — its
// environment is not inherited from the shell that runs the bench.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import neo4j, { type Driver } from 'neo4j-driver';
import { createHash } from 'node:crypto';
import { freePort } from '../src/db/embedded.js';
import { measureGraph } from './lib/graph.js';
import { loadCorpusGraph, type CorpusChoice } from './lib/loaded-graph.js';
import { corpusChoiceOf, positiveInteger } from './lib/options.js';
import { differences, listSizes, plain } from './lib/canonical.js';
import { graphql } from './lib/graphql-client.js';
import { round, runConcurrent, summarise, type Sample } from './lib/measure.js';
import { buildService, megabytes, readCpuMs, rssSampler, serviceNodeArgs, spawnApi, spawnServer, type ServerProcess } from './lib/processes.js';
import {
  cacheRatios,
  markdownCacheTable,
  markdownReport,
  markdownTable,
  ratios,
  svgChart,
  type BenchResults,
  type CpuPerRequest,
  type OperationResult,
} from './lib/report.js';
import { benchOperations, cypherFile, type Operation } from './operations.js';
import { chooseParameters } from './parameters.js';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const RESULTS_DIR = path.join(BENCH_DIR, 'results');
const CORPUS_DIR = path.join(BENCH_DIR, 'corpus');

/** This API with the response cache off and on, the hand-written floor, @neo4j/graphql. */
const VARIANTS = ['api', 'apiCached', 'rawCypher', 'neo4jGraphql'] as const;
type VariantName = (typeof VARIANTS)[number];

interface Settings extends CorpusChoice {
  runs: number;
  warmup: number;
  /** A warm-up stops after this long even when fewer than `warmup` requests were sent (slow operations). */
  warmupSeconds: number;
  concurrency: number;
  rounds: number;
  only: string | null;
  /** NODE_OPTIONS for the API process (e.g. V8 heap flags), to try deployment settings. */
  apiNodeOptions: string | null;
}

function parseSettings(argv: string[]): Settings {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      scale: { type: 'string' },
      corpus: { type: 'string' },
      seed: { type: 'string', default: '1' },
      runs: { type: 'string' },
      warmup: { type: 'string', default: '1000' },
      'warmup-seconds': { type: 'string', default: '10' },
      concurrency: { type: 'string', default: '8' },
      rounds: { type: 'string', default: '5' },
      heap: { type: 'string', default: '2g' },
      only: { type: 'string' },
      reuse: { type: 'boolean', default: false },
      'api-node-options': { type: 'string' },
    },
  });
  return {
    ...corpusChoiceOf(values, values.quick ? 'small' : 'national', values.reuse ?? false),
    runs: positiveInteger('runs', values.runs ?? (values.quick ? '200' : '500')),
    warmup: positiveInteger('warmup', values.warmup!),
    warmupSeconds: positiveInteger('warmup-seconds', values['warmup-seconds']!),
    concurrency: positiveInteger('concurrency', values.concurrency!),
    rounds: positiveInteger('rounds', values.rounds!),
    only: values.only ?? null,
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
      return call.finish(result.records.map((record) => record.toObject()));
    } finally {
      await session.close();
    }
  };
}

interface PreparedOperation {
  operation: Operation;
  run: Record<VariantName, (() => Promise<unknown>) | null>;
  dbRoundTrips: number | null;
  returned: Record<string, number>;
  compared: { rawCypher: string; neo4jGraphql: string | null };
  responseBytes: { api: number; neo4jGraphql: number | null };
  /** Requests of the cache-on API answered from its cache, and all of them, so far. */
  cacheTally: { hits: number; requests: number };
}

interface ApiUrls {
  /** The service with RESPONSE_CACHE=false. */
  off: string;
  /** The service with RESPONSE_CACHE=true. */
  on: string;
  neo4jGraphql: string;
}

const sha = (value: unknown): string => createHash('sha1').update(JSON.stringify(value)).digest('hex').slice(0, 12);

/** Fails with the differences when a variant's canonical answer is not the reference's. */
function mustEqual(operation: Operation, reference: unknown, other: unknown, names: [string, string], detail = ''): void {
  const lines = differences(reference, other, names);
  if (lines.length > 0) {
    throw new Error(`"${operation.name}": ${names[1]} does not return the same answer as ${names[0]}${detail}:\n${lines.join('\n')}`);
  }
}

/**
 * Runs every variant once and fails unless they return the same whole answer: the floor the API's
 * canonical answer, @neo4j/graphql the part of it the library can express, and the cache-on service
 * the same answer on a miss and on the hit that follows it.
 */
async function prepare(operation: Operation, urls: ApiUrls, driver: Driver): Promise<PreparedOperation> {
  const api = operation.api;
  const raw = rawRunner(driver, operation.rawCypher);
  const ngql = operation.neo4jGraphql;

  const apiAnswer = await graphql(urls.off, api.query, api.variables);
  if (apiAnswer.cache !== null) throw new Error(`"${operation.name}": the cache-off service answered x-cache: ${apiAnswer.cache} (is RESPONSE_CACHE=false applied?)`);
  const reference = operation.canonical(apiAnswer.data);
  if (reference === null) throw new Error(`"${operation.name}": the API found nothing for ${JSON.stringify(api.variables)}; the parameters do not fit the graph`);

  mustEqual(operation, reference, operation.canonical(plain(await raw())), ['the API', 'raw Cypher']);

  // The cache-on service: the first request fills the cache, the second is answered from it.
  for (const expected of ['miss', 'hit']) {
    const answer = await graphql(urls.on, api.query, api.variables);
    if (answer.cache !== expected) throw new Error(`"${operation.name}": the cache-on service answered x-cache: ${answer.cache} where ${expected} was due`);
    mustEqual(operation, reference, operation.canonical(answer.data), ['the API with the cache off', `the API with the cache on (${expected})`]);
  }

  let ngqlBytes: number | null = null;
  let ngqlCompared: string | null = null;
  if (ngql) {
    const answer = await graphql(urls.neo4jGraphql, ngql.query, ngql.variables);
    const comparable = ngql.comparable ?? ((x: unknown) => x);
    const theirs = comparable(operation.canonical(plain(ngql.reshape(answer.data))));
    const ours = comparable(reference);
    mustEqual(operation, ours, theirs, ['the API', '@neo4j/graphql'], ngql.comparable ? ' (fields it cannot express dropped from both)' : '');
    ngqlBytes = answer.bytes;
    ngqlCompared = ngql.comparable ? `the whole answer but what it cannot express (${sha(ours)})` : `the whole answer (${sha(ours)})`;
  }

  const cacheTally = { hits: 0, requests: 0 };
  const dbRoundTrips = typeof apiAnswer.extensions?.dbRoundTrips === 'number' ? apiAnswer.extensions.dbRoundTrips : null;
  return {
    operation,
    dbRoundTrips,
    returned: listSizes(reference),
    compared: { rawCypher: `the whole answer (${sha(reference)})`, neo4jGraphql: ngqlCompared },
    responseBytes: { api: apiAnswer.bytes, neo4jGraphql: ngqlBytes },
    cacheTally,
    run: {
      api: () => graphql(urls.off, api.query, api.variables),
      apiCached: async () => {
        const answer = await graphql(urls.on, api.query, api.variables);
        cacheTally.requests += 1;
        if (answer.cache === 'hit') cacheTally.hits += 1;
        return answer;
      },
      rawCypher: raw,
      neo4jGraphql: ngql ? () => graphql(urls.neo4jGraphql, ngql.query, ngql.variables) : null,
    },
  };
}

/** The processes whose CPU time is charged to each request. */
interface CpuTargets {
  neo4j: number;
  api: number;
  apiCached: number;
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
  const samples: Record<VariantName, Sample[]> = { api: [], apiCached: [], rawCypher: [], neo4jGraphql: [] };
  const cpu: Record<VariantName, CpuTally> = {
    api: { requests: 0, server: 0, neo4j: 0, client: 0 },
    apiCached: { requests: 0, server: 0, neo4j: 0, client: 0 },
    rawCypher: { requests: 0, server: 0, neo4j: 0, client: 0 },
    neo4jGraphql: { requests: 0, server: 0, neo4j: 0, client: 0 },
  };
  const active = VARIANTS.filter((variant) => prepared.run[variant]);
  // Requests of the cache-on service that were measured, and how many of them were hits.
  let cacheHits = 0;
  let cacheRequests = 0;
  const perRound = Math.ceil(settings.runs / settings.rounds);
  // Every variant warms up before any is measured: they share Neo4j, whose JIT warms for all of
  // them, so warming each just before its own first round favoured whichever ran later.
  for (const variant of active) {
    const warm = await runConcurrent(prepared.run[variant]!, settings.warmup, settings.concurrency, settings.warmupSeconds * 1000);
    if (warm.errors > 0) throw new Error(`"${prepared.operation.name}" via ${variant}: warm-up failed: ${warm.firstError}`);
  }
  for (let roundIndex = 0; roundIndex < settings.rounds; roundIndex += 1) {
    const order = active.map((_, i) => active[(i + roundIndex) % active.length]!);
    for (const variant of order) {
      const request = prepared.run[variant]!;
      const serverPid = variant === 'rawCypher' ? null : targets[variant];
      const before = cpuSnapshot(targets, serverPid);
      const tallyBefore = { ...prepared.cacheTally };
      const sample = await runConcurrent(request, perRound, settings.concurrency);
      const after = cpuSnapshot(targets, serverPid);
      if (variant === 'apiCached') {
        cacheHits += prepared.cacheTally.hits - tallyBefore.hits;
        cacheRequests += prepared.cacheTally.requests - tallyBefore.requests;
      }
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
    apiCached: { ...summarise(samples.apiCached), p50SerialMs: serial.apiCached!, hitRatio: cacheRequests === 0 ? 0 : round(cacheHits / cacheRequests, 4) },
    rawCypher: { ...summarise(samples.rawCypher), p50SerialMs: serial.rawCypher! },
    neo4jGraphql: prepared.run.neo4jGraphql ? { ...summarise(samples.neo4jGraphql), p50SerialMs: serial.neo4jGraphql! } : null,
    dbRoundTrips: prepared.dbRoundTrips,
    returned: prepared.returned,
    compared: prepared.compared,
    responseBytes: prepared.responseBytes,
    cpuPerRequest: {
      api: perRequest('api')!,
      apiCached: perRequest('apiCached'),
      rawCypher: perRequest('rawCypher')!,
      neo4jGraphql: perRequest('neo4jGraphql'),
    },
  };
}

/** latest.*, and for a generated corpus a copy under its scale's name (git ignores those). */
function writeResults(results: BenchResults): void {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const json = `${JSON.stringify(results, null, 2)}\n`;
  const md = markdownReport(results);
  const svg = svgChart(results);
  for (const base of results.scale.corpus ? ['latest'] : ['latest', results.scale.name]) {
    fs.writeFileSync(path.join(RESULTS_DIR, `${base}.json`), json);
    fs.writeFileSync(path.join(RESULTS_DIR, `${base}.md`), md);
    fs.writeFileSync(path.join(RESULTS_DIR, `${base}.svg`), svg);
  }
}

async function main(): Promise<void> {
  const settings = parseSettings(process.argv.slice(2));
  // The Node flags and entry point of `npm start`, which the API runs with.
  const apiArgs = serviceNodeArgs();
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
    // The documents: a folder given with --corpus, or the generated corpus of the scale.
    if (settings.corpus) log(`bench: the documents of ${settings.corpus}; ${settings.runs} runs per variant at concurrency ${settings.concurrency}`);
    else log(`bench: ${settings.scale} scale, seed ${settings.seed}; ${settings.runs} runs per variant at concurrency ${settings.concurrency}`);
    const { graph, corpusName, documents, loaded } = await loadCorpusGraph(settings, CORPUS_DIR, log);
    cleanup.push(() => graph.connection.close());

    const size = await measureGraph(graph.db);
    log(`graph: ${size.nodes} nodes, ${size.relationships} relationships, ${size.standards} standards, ${size.units} units`);

    // As `npm start` runs it: compiled (a failed build is an error, not a reason to measure
    // something else), NODE_ENV=production, every limit, the log level and the metrics at their
    // defaults, and nothing inherited from this shell's environment.
    const build = buildService();
    if (!build.ok) throw new Error(`npm run build failed, so there is no compiled API to measure:\n${build.output.split('\n').slice(0, 20).join('\n')}`);
    // Two API processes, one per cache mode, on the same database, measured in the same
    // interleaved rounds: a restart between two phases would compare figures taken minutes apart on
    // a shared machine, and the ratio cache on ÷ cache off is the figure that matters. Each process
    // is its own, so CPU and memory are charged to the mode that spent them.
    const startApi = async (name: string, responseCache: boolean): Promise<ServerProcess> => {
      const server = await spawnApi({
        name,
        args: apiArgs,
        neo4jUri: graph.uri,
        responseCache,
        env: settings.apiNodeOptions ? { NODE_OPTIONS: settings.apiNodeOptions } : {},
      });
      cleanup.push(() => server.stop());
      servers.push(server);
      if (!server.sawReadyOutput) log(`${name}: its warm-up did not report done within 120 s; measuring anyway`);
      return server;
    };
    const api = await startApi('API (cache off)', false);
    const apiCached = await startApi('API (cache on)', true);
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
    for (const note of parameters.notes) log(`parameters: ${note}`);
    const driver = graph.connection.driver;
    let operations = benchOperations(parameters);
    if (settings.only) operations = operations.filter((op) => op.name.includes(settings.only!));

    const urls: ApiUrls = { off: api.url, on: apiCached.url, neo4jGraphql: ngql.url };
    const prepared: PreparedOperation[] = [];
    for (const operation of operations) {
      prepared.push(await prepare(operation, urls, driver));
      const last = prepared.at(-1)!;
      log(
        `checked: ${operation.name}: equal whole answers (raw Cypher: ${last.compared.rawCypher}; @neo4j/graphql: ${last.compared.neo4jGraphql ?? 'n/a'}) ` +
          `${JSON.stringify(last.returned)} (${last.dbRoundTrips ?? '?'} round trips, ${JSON.stringify(last.responseBytes)} bytes)`,
      );
    }

    const rss = rssSampler(api.pid);
    const rssCached = rssSampler(apiCached.pid);
    const results: OperationResult[] = [];
    for (const op of prepared) {
      const opRss = rssSampler(api.pid);
      const opRssCached = rssSampler(apiCached.pid);
      const result = await measureOperation(op, settings, { neo4j: graph.pid, api: api.pid, apiCached: apiCached.pid, neo4jGraphql: ngql.pid });
      result.apiRssMaxMb = megabytes(opRss.stop().maxBytes);
      result.apiCachedRssMaxMb = megabytes(opRssCached.stop().maxBytes);
      results.push(result);
      if (result.apiCached && result.apiCached.hitRatio < 1) {
        log(`${result.name}: only ${Math.round(result.apiCached.hitRatio * 1000) / 10}% of the cache-on requests were hits (the catalogue version changed, or the cache stepped aside)`);
      }
      const r = ratios(result);
      const c = cacheRatios(result);
      log(
        `${result.name}: api p50 ${result.api.p50Ms} ms ${result.api.rps}/s | cached ${result.apiCached?.p50Ms} ms ${result.apiCached?.rps}/s ` +
          `(${Math.round((result.apiCached?.hitRatio ?? 0) * 100)}% hits) | raw ${result.rawCypher.p50Ms} ms ${result.rawCypher.rps}/s | ` +
          `@neo4j/graphql ${result.neo4jGraphql ? `${result.neo4jGraphql.p50Ms} ms ${result.neo4jGraphql.rps}/s` : 'n/a'} | ` +
          `p50 api/raw ${r.p50VsRaw}, p50 api/@neo4j/graphql ${r.p50VsNeo4jGraphql}, rps api/@neo4j/graphql ${r.rpsVsNeo4jGraphql}, ` +
          `p50 on/off ${c.p50OnVsOff}, rps on/off ${c.rpsOnVsOff} | ` +
          `cpu ms/request api ${JSON.stringify(result.cpuPerRequest?.api)} cached ${JSON.stringify(result.cpuPerRequest?.apiCached)} ` +
          `raw ${JSON.stringify(result.cpuPerRequest?.rawCypher)} @neo4j/graphql ${JSON.stringify(result.cpuPerRequest?.neo4jGraphql)}`,
      );
    }
    const memory = rss.stop();
    const memoryCached = rssCached.stop();

    const cpus = os.cpus();
    const output: BenchResults = {
      scale: {
        name: settings.corpus ? corpusName : settings.scale,
        seed: settings.corpus ? null : settings.seed,
        ...(settings.corpus ? { corpus: path.relative(process.cwd(), settings.corpus) || settings.corpus } : {}),
        standards: size.standards,
        units: size.units,
        documents,
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
        apiRuntime:
          `node ${apiArgs.join(' ')} (compiled, as npm start runs it), NODE_ENV=production, default settings (limits, LOG_LEVEL, metrics); RESPONSE_CACHE=false and =true in two processes` +
          (settings.apiNodeOptions ? ` with NODE_OPTIONS=${settings.apiNodeOptions}` : ''),
        loadAverageAtStart: loadAtStart,
        loadAverageAtEnd: os.loadavg().map((x) => round(x, 2)),
      },
      settings: {
        concurrency: settings.concurrency,
        warmup: settings.warmup,
        warmupSeconds: settings.warmupSeconds,
        runs: settings.runs,
        rounds: settings.rounds,
      },
      import: loaded.import,
      align: loaded.align,
      service: { rssStartMb: megabytes(memory.firstBytes), rssMaxMb: megabytes(memory.maxBytes), rssEndMb: megabytes(memory.lastBytes) },
      serviceCached: { rssStartMb: megabytes(memoryCached.firstBytes), rssMaxMb: megabytes(memoryCached.maxBytes), rssEndMb: megabytes(memoryCached.lastBytes) },
      parameters: { ...parameters, notes: undefined },
      notes: parameters.notes,
      operations: results,
      startedAt: startedAt.toISOString(),
      totalSeconds: round((performance.now() - t0) / 1000, 1),
    };
    writeResults(output);
    process.stdout.write(`\nCache off:\n\n${markdownTable(output)}\n\nCache on:\n\n${markdownCacheTable(output)}\n\n`);
    process.stdout.write(
      `API RSS: cache off max ${output.service.rssMaxMb} MB (start ${output.service.rssStartMb} MB, end ${output.service.rssEndMb} MB); ` +
        `cache on max ${output.serviceCached!.rssMaxMb} MB\n`,
    );
    process.stdout.write('ratios (api/raw p50, api/@neo4j/graphql p50, api/@neo4j/graphql req/s, cache on/off p50, cache on/off req/s):\n');
    for (const op of results) {
      const r = ratios(op);
      const c = cacheRatios(op);
      process.stdout.write(
        `  ${op.name.padEnd(48)} ${r.p50VsRaw.padStart(7)} ${r.p50VsNeo4jGraphql.padStart(7)} ${r.rpsVsNeo4jGraphql.padStart(7)} ${c.p50OnVsOff.padStart(7)} ${c.rpsOnVsOff.padStart(8)}\n`,
      );
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
