// `npm run load`: a fixed mix of the read queries against a running service, for a fixed time at a
// fixed number of connections. Prints throughput, p50/p99 latency (overall and per query), the
// error count, and the service's resident memory before and after.
//
//   npm run load -- [--url http://127.0.0.1:4000/graphql] [--duration 60] [--connections 50]
//                   [--warmup 20] [--pid N] [--json FILE]
//
// The service's pid is found from the port it listens on (or given with --pid); its memory is read
// from /proc, so run this on the machine the service runs on. Memory growth is measured from the
// end of the warm-up (the heap of a freshly started service takes some seconds of traffic to reach
// its working size; the cold figure is printed too) to the end of the run. Exits with 1 when any
// request of the run failed or memory grew by 20% or more.
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

const DISCOVER = /* GraphQL */ `
  query Discover {
    standards(first: 20) {
      edges { node { code occupations { code } skills { competency { name } } } }
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

/** The mix: every query type in turn, each cycling through arguments found in the graph. */
async function buildMix(url: string): Promise<LoadRequest[]> {
  const { data } = await graphql<Json>(url, DISCOVER);
  const standards: Json[] = data.standards.edges.map((e: Json) => e.node);
  if (standards.length === 0) throw new Error('The service holds no current standards; import some documents first.');
  const codes = standards.map((s) => s.code as string);
  const occupations = [...new Set(standards.flatMap((s) => s.occupations.map((o: Json) => o.code as string)))];
  const skills = [...new Set(standards.flatMap((s) => s.skills.map((k: Json) => k.competency.name as string)))];
  const words = [...new Set(skills.map((name) => [...name].slice(0, 2).join('')))];
  const mix: LoadRequest[] = [];
  for (let i = 0; i < Math.max(codes.length, 8); i += 1) {
    const code = codes[i % codes.length]!;
    mix.push({ name: 'standard', query: STANDARD, variables: { code } });
    mix.push({ name: 'standards', query: STANDARDS, variables: { after: null } });
    if (occupations.length > 0) mix.push({ name: 'roleRequirements', query: ROLE, variables: { occupation: occupations[i % occupations.length] } });
    if (words.length > 0) mix.push({ name: 'search', query: SEARCH, variables: { text: words[i % words.length] } });
    if (skills.length > 0) mix.push({ name: 'competency', query: COMPETENCY, variables: { name: skills[i % skills.length] } });
    if (codes.length >= 2) {
      const five = Array.from({ length: Math.min(5, codes.length) }, (_, j) => codes[(i + j) % codes.length]!);
      mix.push({ name: 'sharedCompetencies', query: SHARED, variables: { codes: five } });
    }
    mix.push({ name: 'neighborhood', query: NEIGHBOURHOOD, variables: { id: `Standard:${code}` } });
  }
  return mix;
}

interface Outcome {
  latencies: Map<string, number[]>;
  errors: Map<string, number>;
  requests: number;
  seconds: number;
}

/** Sends requests from the mix on `connections` workers until `seconds` have passed. */
async function drive(url: string, mix: LoadRequest[], connections: number, seconds: number, onTick?: () => void): Promise<Outcome> {
  const latencies = new Map<string, number[]>();
  const errors = new Map<string, number>();
  let next = 0;
  let requests = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const ticker = onTick ? setInterval(onTick, 500) : null;
  const worker = async () => {
    while (performance.now() < deadline) {
      const request = mix[next % mix.length]!;
      next += 1;
      const t0 = performance.now();
      try {
        await graphql(url, request.query, request.variables);
        const list = latencies.get(request.name) ?? [];
        list.push(performance.now() - t0);
        latencies.set(request.name, list);
      } catch (error) {
        const key = `${request.name}: ${error instanceof Error ? error.message : String(error)}`.slice(0, 200);
        errors.set(key, (errors.get(key) ?? 0) + 1);
      }
      requests += 1;
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  if (ticker) clearInterval(ticker);
  return { latencies, errors, requests, seconds: (performance.now() - started) / 1000 };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      url: { type: 'string', default: 'http://127.0.0.1:4000/graphql' },
      duration: { type: 'string', default: '60' },
      connections: { type: 'string', default: '50' },
      warmup: { type: 'string', default: '20' },
      pid: { type: 'string' },
      json: { type: 'string' },
    },
  });
  const url = values.url!;
  const duration = Number(values.duration);
  const connections = Number(values.connections);
  const warmup = Number(values.warmup);
  if (!(duration > 0) || !Number.isInteger(connections) || connections < 1 || !(warmup >= 0)) {
    throw new Error('--duration and --warmup are seconds (> 0, >= 0), --connections a positive integer');
  }
  const port = Number(new URL(url).port || (new URL(url).protocol === 'https:' ? 443 : 80));
  const pid = values.pid ? Number(values.pid) : pidListeningOn(port);
  if (pid === null) console.warn(`No process found listening on port ${port}; memory will not be reported (pass --pid).`);

  const mix = await buildMix(url);
  const kinds = [...new Set(mix.map((r) => r.name))];
  console.log(`load: ${url}, ${connections} connections, ${duration} s, mix of ${mix.length} requests (${kinds.join(', ')})`);

  const rssCold = pid ? readRss(pid) : null;
  if (warmup > 0) {
    const warm = await drive(url, mix, connections, warmup);
    const failed = [...warm.errors.values()].reduce((a, b) => a + b, 0);
    console.log(`warm-up: ${warm.requests} requests in ${warm.seconds.toFixed(1)} s, ${failed} error(s)`);
    for (const [message, count] of warm.errors) console.log(`  ${count} × ${message}`);
  }
  const rssBefore = pid ? readRss(pid) : null;
  let rssMax = rssBefore ?? 0;
  const trace: number[] = [];
  let ticks = 0;
  const outcome = await drive(url, mix, connections, duration, () => {
    const rss = pid ? readRss(pid) : null;
    if (rss === null) return;
    rssMax = Math.max(rssMax, rss);
    // One sample every 5 s for the report: shows whether memory levels off or keeps climbing.
    if (ticks++ % 10 === 0) trace.push(megabytes(rss));
  });
  const rssAfter = pid ? readRss(pid) : null;
  if (rssAfter !== null) rssMax = Math.max(rssMax, rssAfter);

  const all = [...outcome.latencies.values()].flat();
  const errorCount = [...outcome.errors.values()].reduce((a, b) => a + b, 0);
  const growth = rssBefore && rssAfter ? (rssAfter - rssBefore) / rssBefore : null;
  const report = {
    url,
    connections,
    durationSeconds: round(outcome.seconds, 1),
    requests: outcome.requests,
    rps: round(outcome.requests / outcome.seconds, 1),
    p50Ms: round(quantile(all, 0.5), 1),
    p99Ms: round(quantile(all, 0.99), 1),
    errors: errorCount,
    perQuery: Object.fromEntries(
      [...outcome.latencies].map(([name, list]) => [name, { requests: list.length, p50Ms: round(quantile(list, 0.5), 1), p99Ms: round(quantile(list, 0.99), 1) }]),
    ),
    errorMessages: Object.fromEntries(outcome.errors),
    memory: pid
      ? {
          pid,
          rssColdMb: rssCold === null ? null : megabytes(rssCold),
          rssBeforeMb: rssBefore === null ? null : megabytes(rssBefore),
          rssAfterMb: rssAfter === null ? null : megabytes(rssAfter),
          rssMaxMb: megabytes(rssMax),
          growthPercent: growth === null ? null : round(growth * 100, 1),
          traceMbEvery5s: trace,
        }
      : null,
  };

  console.log(`requests: ${report.requests} in ${report.durationSeconds} s = ${report.rps} req/s`);
  console.log(`latency: p50 ${report.p50Ms} ms, p99 ${report.p99Ms} ms`);
  for (const [name, figures] of Object.entries(report.perQuery)) {
    console.log(`  ${name.padEnd(20)} ${String(figures.requests).padStart(7)} requests  p50 ${String(figures.p50Ms).padStart(7)} ms  p99 ${String(figures.p99Ms).padStart(7)} ms`);
  }
  console.log(`errors: ${errorCount}`);
  for (const [message, count] of outcome.errors) console.log(`  ${count} × ${message}`);
  if (report.memory) {
    const m = report.memory;
    console.log(
      `service RSS (pid ${m.pid}): ${m.rssColdMb} MB cold, ${m.rssBeforeMb} MB after warm-up, ${m.rssAfterMb} MB after the run ` +
        `(max ${m.rssMaxMb} MB); growth during the run ${m.growthPercent}%`,
    );
    console.log(`  every 5 s: ${m.traceMbEvery5s.join(' ')} MB`);
  }
  if (values.json) fs.writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);
  const ok = errorCount === 0 && (growth === null || growth < 0.2);
  console.log(ok ? 'targets met: no errors, memory growth under 20%' : 'TARGET MISSED: errors, or memory grew by 20% or more');
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
