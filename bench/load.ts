// `npm run load`: a mix of the read queries against a running service, for a fixed time at a fixed
// number of connections. Prints throughput, p50/p99 latency (overall, per query and per time
// window), the error count, and the service's resident memory before and after.
//
//   npm run load -- [--url http://127.0.0.1:4000/graphql] [--duration 60 | --minutes 10]
//                   [--connections 50] [--warmup 20] [--window S] [--pid N] [--json FILE]
//
// The mix draws its arguments from the whole loaded catalogue: every standard and unit is paged
// through first, and each query kind cycles through its own list (codes, occupations, skills,
// search words, page cursors), so a run touches the catalogue rather than its first page.
//
// The service's pid is found from the port it listens on (or given with --pid); its memory is read
// from /proc, so run this on the machine the service runs on. Memory growth is measured from the
// end of the warm-up (a freshly started service takes some seconds of traffic to reach its working
// size; the cold figure is printed too) to the lowest reading of the run's last 5 s. p99 drift compares the p99 of the
// last time window with the first. Exits with 1 when any request failed (warm-up included), when
// the service's memory cannot be read, or when memory grew by 20% or more.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { graphql } from './lib/graphql-client.js';
import { quantile, round } from './lib/measure.js';
import { megabytes, pidListeningOn, readRss } from './lib/processes.js';

interface LoadRequest {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Readings of the service's memory (0.5 s apart) at the end of the run that growth is read from. */
const RECENT_READINGS = 10;

/** RSS growth from the end of the warm-up to the end of the run (its lowest recent reading) that fails the run. */
const MAX_RSS_GROWTH = 0.2;
/** Page size while discovering the catalogue (the API's maximum). */
const DISCOVERY_PAGE = 100;

const DISCOVER_STANDARDS = /* GraphQL */ `
  query DiscoverStandards($after: String) {
    standards(first: ${DISCOVERY_PAGE}, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { code occupations { code } skills { competency { name } } } }
    }
  }
`;

const DISCOVER_UNITS = /* GraphQL */ `
  query DiscoverUnits($after: String) {
    units(first: ${DISCOVERY_PAGE}, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { code skills { competency { name } } } }
    }
  }
`;

const STANDARD = /* GraphQL */ `
  query Standard($code: String!) {
    standard(code: $code) {
      code name level description
      occupations { code name } industries { code name } category { code name }
      responsibilities { code name tasks { code name level outputs { code name } indicators { code text } knowledge { code competency { id name } } skills { code competency { id name } } } }
      knowledge { code name competency { id name } } skills { code name competency { id name } } attitudes { code name description }
    }
  }
`;

const UNIT = /* GraphQL */ `
  query Unit($code: String!) {
    unit(code: $code) {
      code name level domain
      tasks { code name indicators { code text } }
      knowledge { code competency { id name } } skills { code competency { id name } }
      notes { number term }
    }
  }
`;

const STANDARDS = /* GraphQL */ `
  query Standards($after: String) {
    standards(first: 20, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { code name level tasks { code name } knowledge { code competency { name } } skills { code competency { name } } } }
    }
  }
`;

const ROLE = /* GraphQL */ `
  query Role($occupation: String!) {
    roleRequirements(occupationCode: $occupation) {
      standards { code name }
      knowledge { competency { name } count documentCount }
      skills { competency { name } count documentCount }
      attitudes { competency { name } documentCount }
      tasks { code name }
    }
  }
`;

const SEARCH = /* GraphQL */ `
  query Search($text: String!) {
    search(text: $text, first: 20) {
      totalCount
      edges { kind score snippet node { __typename ... on Node { id } } }
    }
  }
`;

const COMPETENCY = /* GraphQL */ `
  query Competency($name: String!) {
    competency(kind: SKILL, name: $name) {
      id name
      requiredBy(first: 20) { totalCount edges { code node { __typename ... on Standard { code name } ... on Unit { code name } ... on Task { id name } } } }
      similar { score competency { id name } }
    }
  }
`;

const SHARED = /* GraphQL */ `
  query Shared($codes: [String!]!) {
    sharedCompetencies(codes: $codes, minScore: 0.5) {
      kind score documentCount competencies { id name } occurrences { document { code } code }
    }
  }
`;

const NEIGHBOURHOOD = /* GraphQL */ `
  query Neighbourhood($id: ID!) {
    neighborhood(id: $id, depth: 2, limit: 200) { truncated nodes { id label name } edges { source target type } }
  }
`;

/** What the service holds: the arguments the mix cycles through. */
interface Catalogue {
  standards: string[];
  units: string[];
  occupations: string[];
  skills: string[];
  /** Cursors spread over the standards, for pages beyond the first. */
  cursors: Array<string | null>;
}

/** Every `query` page of a connection, following `endCursor` until the last one. */
async function pages(url: string, query: string, field: string, onPage: (page: Json) => void): Promise<Array<string | null>> {
  const cursors: Array<string | null> = [null];
  let after: string | null = null;
  for (;;) {
    const { data } = await graphql<Json>(url, query, { after });
    const page = data[field];
    onPage(page);
    if (!page.pageInfo.hasNextPage) return cursors;
    after = page.pageInfo.endCursor as string;
    cursors.push(after);
  }
}

/** Pages through every current standard and unit of the service. */
async function discover(url: string): Promise<Catalogue> {
  const standards: string[] = [];
  const units: string[] = [];
  const occupations = new Set<string>();
  const skills = new Set<string>();
  const cursors = await pages(url, DISCOVER_STANDARDS, 'standards', (page) => {
    for (const { node } of page.edges as Json[]) {
      standards.push(node.code);
      for (const o of node.occupations) occupations.add(o.code);
      for (const s of node.skills) skills.add(s.competency.name);
    }
  });
  await pages(url, DISCOVER_UNITS, 'units', (page) => {
    for (const { node } of page.edges as Json[]) {
      units.push(node.code);
      for (const s of node.skills) skills.add(s.competency.name);
    }
  });
  if (standards.length === 0) throw new Error('The service holds no current standards; import some documents first.');
  return { standards, units, occupations: [...occupations], skills: [...skills], cursors };
}

/** A deterministic shuffle (mulberry32), so runs are repeatable and neighbours in code order are spread out. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * The mix: the query kinds in turn, each kind taking the next argument of its own list, so every
 * standard, unit, occupation and skill of the catalogue comes up as the run goes on.
 */
function requestSource(catalogue: Catalogue): { kinds: string[]; next(): LoadRequest } {
  const documents = shuffled([...catalogue.standards, ...catalogue.units], 1);
  const standards = shuffled(catalogue.standards, 2);
  const units = shuffled(catalogue.units, 3);
  const occupations = shuffled(catalogue.occupations, 4);
  const skills = shuffled(catalogue.skills, 5);
  const words = shuffled([...new Set(catalogue.skills.map((name) => [...name].slice(0, 2).join('')))], 6);
  const cursors = shuffled(catalogue.cursors, 7);
  const makers: Array<[string, (i: number) => LoadRequest]> = [
    ['standard', (i) => ({ name: 'standard', query: STANDARD, variables: { code: standards[i % standards.length] } })],
    ['standards', (i) => ({ name: 'standards', query: STANDARDS, variables: { after: cursors[i % cursors.length] } })],
    ['neighborhood', (i) => {
      const code = documents[i % documents.length]!;
      return { name: 'neighborhood', query: NEIGHBOURHOOD, variables: { id: `${catalogue.units.includes(code) ? 'Unit' : 'Standard'}:${code}` } };
    }],
  ];
  if (units.length > 0) makers.push(['unit', (i) => ({ name: 'unit', query: UNIT, variables: { code: units[i % units.length] } })]);
  if (occupations.length > 0) makers.push(['roleRequirements', (i) => ({ name: 'roleRequirements', query: ROLE, variables: { occupation: occupations[i % occupations.length] } })]);
  if (words.length > 0) makers.push(['search', (i) => ({ name: 'search', query: SEARCH, variables: { text: words[i % words.length] } })]);
  if (skills.length > 0) makers.push(['competency', (i) => ({ name: 'competency', query: COMPETENCY, variables: { name: skills[i % skills.length] } })]);
  if (documents.length >= 2) {
    makers.push(['sharedCompetencies', (i) => {
      const five = Array.from({ length: Math.min(5, documents.length) }, (_, j) => documents[(i * 5 + j) % documents.length]!);
      return { name: 'sharedCompetencies', query: SHARED, variables: { codes: five } };
    }]);
  }
  let sent = 0;
  return {
    kinds: makers.map(([kind]) => kind),
    next() {
      const [, make] = makers[sent % makers.length]!;
      const request = make(Math.floor(sent / makers.length));
      sent += 1;
      return request;
    },
  };
}

interface Outcome {
  latencies: Map<string, number[]>;
  /** [seconds since the start, latency ms] of every successful request, for the time windows. */
  timeline: Array<[number, number]>;
  errors: Map<string, number>;
  requests: number;
  seconds: number;
  /** Distinct argument sets sent, per query kind. */
  distinct: Map<string, Set<string>>;
}

/** Sends requests from the mix on `connections` workers until `seconds` have passed. */
async function drive(url: string, source: { next(): LoadRequest }, connections: number, seconds: number, onTick?: () => void): Promise<Outcome> {
  const latencies = new Map<string, number[]>();
  const timeline: Array<[number, number]> = [];
  const errors = new Map<string, number>();
  const distinct = new Map<string, Set<string>>();
  let requests = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const ticker = onTick ? setInterval(onTick, 500) : null;
  const worker = async () => {
    while (performance.now() < deadline) {
      const request = source.next();
      const seen = distinct.get(request.name) ?? new Set<string>();
      seen.add(JSON.stringify(request.variables));
      distinct.set(request.name, seen);
      const t0 = performance.now();
      try {
        await graphql(url, request.query, request.variables);
        const t1 = performance.now();
        const list = latencies.get(request.name) ?? [];
        list.push(t1 - t0);
        latencies.set(request.name, list);
        timeline.push([(t1 - started) / 1000, t1 - t0]);
      } catch (error) {
        const key = `${request.name}: ${error instanceof Error ? error.message : String(error)}`.slice(0, 200);
        errors.set(key, (errors.get(key) ?? 0) + 1);
      }
      requests += 1;
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  if (ticker) clearInterval(ticker);
  return { latencies, timeline, errors, requests, seconds: (performance.now() - started) / 1000, distinct };
}

/** p99 of each consecutive window of `windowSeconds`; a last window shorter than half is merged into the one before. */
function windowedP99(timeline: Array<[number, number]>, windowSeconds: number, totalSeconds: number): number[] {
  const count = Math.max(1, Math.round(totalSeconds / windowSeconds));
  const buckets: number[][] = Array.from({ length: count }, () => []);
  for (const [at, latency] of timeline) buckets[Math.min(count - 1, Math.floor(at / windowSeconds))]!.push(latency);
  return buckets.map((bucket) => round(quantile(bucket, 0.99), 1));
}

function total(errors: Map<string, number>): number {
  return [...errors.values()].reduce((a, b) => a + b, 0);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      url: { type: 'string', default: 'http://127.0.0.1:4000/graphql' },
      duration: { type: 'string' },
      minutes: { type: 'string' },
      connections: { type: 'string', default: '50' },
      warmup: { type: 'string', default: '20' },
      window: { type: 'string' },
      pid: { type: 'string' },
      json: { type: 'string' },
    },
  });
  const url = values.url!;
  if (values.duration !== undefined && values.minutes !== undefined) throw new Error('give --duration (seconds) or --minutes, not both');
  const duration = values.minutes !== undefined ? Number(values.minutes) * 60 : Number(values.duration ?? 60);
  const connections = Number(values.connections);
  const warmup = Number(values.warmup);
  // Ten windows by default, at least 5 s each: enough requests in each for a p99.
  const windowSeconds = values.window !== undefined ? Number(values.window) : Math.max(5, duration / 10);
  if (!(duration > 0) || !Number.isInteger(connections) || connections < 1 || !(warmup >= 0) || !(windowSeconds > 0)) {
    throw new Error('--duration, --minutes and --window must be > 0, --warmup >= 0 (seconds), --connections a positive integer');
  }

  // Memory is part of the verdict: a run that cannot read it fails before it starts.
  const port = Number(new URL(url).port || (new URL(url).protocol === 'https:' ? 443 : 80));
  const pid = values.pid ? Number(values.pid) : pidListeningOn(port);
  if (pid === null) throw new Error(`No process found listening on port ${port}, so the service's memory cannot be read; run this on the service's machine or pass --pid.`);
  const rssCold = readRss(pid);
  if (rssCold === null) throw new Error(`Cannot read the resident memory of pid ${pid} from /proc/${pid}/status; pass the service's --pid.`);

  const catalogue = await discover(url);
  const source = requestSource(catalogue);
  console.log(
    `load: ${url}, ${connections} connections, ${duration} s, catalogue of ${catalogue.standards.length} standards, ${catalogue.units.length} units, ` +
      `${catalogue.occupations.length} occupations, ${catalogue.skills.length} skills (${source.kinds.join(', ')})`,
  );

  let warmupErrors = 0;
  if (warmup > 0) {
    const warm = await drive(url, source, connections, warmup);
    warmupErrors = total(warm.errors);
    console.log(`warm-up: ${warm.requests} requests in ${warm.seconds.toFixed(1)} s, ${warmupErrors} error(s)`);
    for (const [message, count] of warm.errors) console.log(`  ${count} × ${message}`);
  }
  const rssBefore = readRss(pid);
  let rssMax = rssBefore ?? 0;
  const trace: number[] = [];
  let ticks = 0;
  const traceEvery = Math.max(10, Math.round((duration * 2) / 30)); // ticks are 0.5 s apart: about 30 samples, every 5 s or more
  // Garbage collection makes the resident size swing by a third under load; what the service keeps
  // is the low point of the swing, so growth is read from the lowest reading of the last 5 s.
  const recent: number[] = [];
  const outcome = await drive(url, source, connections, duration, () => {
    const rss = readRss(pid);
    if (rss === null) return;
    rssMax = Math.max(rssMax, rss);
    recent.push(rss);
    if (recent.length > RECENT_READINGS) recent.shift();
    if (ticks++ % traceEvery === 0) trace.push(megabytes(rss));
  });
  const rssAfter = readRss(pid);
  if (rssAfter !== null) rssMax = Math.max(rssMax, rssAfter);
  const rssKept = rssAfter === null ? null : Math.min(rssAfter, ...recent);

  const all = [...outcome.latencies.values()].flat();
  const errorCount = total(outcome.errors);
  const growth = rssBefore !== null && rssKept !== null ? (rssKept - rssBefore) / rssBefore : null;
  const p99Windows = windowedP99(outcome.timeline, windowSeconds, outcome.seconds);
  const firstP99 = p99Windows[0]!;
  const lastP99 = p99Windows[p99Windows.length - 1]!;
  const report = {
    url,
    connections,
    durationSeconds: round(outcome.seconds, 1),
    catalogue: {
      standards: catalogue.standards.length,
      units: catalogue.units.length,
      occupations: catalogue.occupations.length,
      skills: catalogue.skills.length,
    },
    requests: outcome.requests,
    rps: round(outcome.requests / outcome.seconds, 1),
    p50Ms: round(quantile(all, 0.5), 1),
    p99Ms: round(quantile(all, 0.99), 1),
    p99WindowSeconds: round(windowSeconds, 1),
    p99ByWindowMs: p99Windows,
    p99DriftPercent: round(((lastP99 - firstP99) / firstP99) * 100, 1),
    warmupErrors,
    errors: errorCount,
    perQuery: Object.fromEntries(
      [...outcome.latencies].map(([name, list]) => [
        name,
        { requests: list.length, distinctArguments: outcome.distinct.get(name)?.size ?? 0, p50Ms: round(quantile(list, 0.5), 1), p99Ms: round(quantile(list, 0.99), 1) },
      ]),
    ),
    errorMessages: Object.fromEntries(outcome.errors),
    memory: {
      pid,
      rssColdMb: megabytes(rssCold),
      rssBeforeMb: rssBefore === null ? null : megabytes(rssBefore),
      rssAfterMb: rssAfter === null ? null : megabytes(rssAfter),
      rssMaxMb: megabytes(rssMax),
      growthPercent: growth === null ? null : round(growth * 100, 1),
      trace: { everySeconds: traceEvery / 2, mb: trace },
    },
  };

  console.log(`requests: ${report.requests} in ${report.durationSeconds} s = ${report.rps} req/s`);
  console.log(`latency: p50 ${report.p50Ms} ms, p99 ${report.p99Ms} ms`);
  for (const [name, figures] of Object.entries(report.perQuery)) {
    console.log(
      `  ${name.padEnd(20)} ${String(figures.requests).padStart(7)} requests (${String(figures.distinctArguments).padStart(5)} distinct)` +
        `  p50 ${String(figures.p50Ms).padStart(7)} ms  p99 ${String(figures.p99Ms).padStart(7)} ms`,
    );
  }
  console.log(`p99 per ${report.p99WindowSeconds} s window: ${p99Windows.join(' ')} ms; drift first -> last ${report.p99DriftPercent}%`);
  console.log(`errors: ${errorCount}`);
  for (const [message, count] of outcome.errors) console.log(`  ${count} × ${message}`);
  const m = report.memory;
  console.log(
    `service RSS (pid ${m.pid}): ${m.rssColdMb} MB cold, ${m.rssBeforeMb} MB after warm-up, ${m.rssAfterMb} MB after the run ` +
      `(max ${m.rssMaxMb} MB); growth during the run ${m.growthPercent}%`,
  );
  console.log(`  every ${m.trace.everySeconds} s: ${m.trace.mb.join(' ')} MB`);
  if (values.json) fs.writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);

  const missed: string[] = [];
  if (warmupErrors > 0) missed.push(`${warmupErrors} warm-up request(s) failed`);
  if (errorCount > 0) missed.push(`${errorCount} request(s) failed`);
  if (growth === null) missed.push(`the memory of pid ${pid} could not be read after the run`);
  else if (growth >= MAX_RSS_GROWTH) missed.push(`memory grew by ${round(growth * 100, 1)}% (limit ${MAX_RSS_GROWTH * 100}%)`);
  console.log(missed.length === 0 ? 'targets met: no errors, memory growth under 20%' : `TARGET MISSED: ${missed.join('; ')}`);
  return missed.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
