// The benchmark's results: the JSON the issue specifies, a Markdown table and an SVG chart.
import type { Figures } from './measure.js';

/** CPU time one request cost each process, in milliseconds (server: null for raw Cypher, which has none). */
export interface CpuPerRequest {
  serverMs: number | null;
  neo4jMs: number;
  clientMs: number;
}

/** Figures of the API with its response cache on, repeating one query: and how many were hits. */
export interface CachedFigures extends Figures {
  /** Share of the measured requests answered `x-cache: hit`. */
  hitRatio: number;
}

export interface OperationResult {
  name: string;
  /** This API with the response cache off (RESPONSE_CACHE=false): the comparison with the floor and @neo4j/graphql. */
  api: Figures;
  /** This API with the response cache on (RESPONSE_CACHE=true), the same query repeated. */
  apiCached?: CachedFigures | null;
  rawCypher: Figures;
  neo4jGraphql: Figures | null;
  /** Cypher statements the API sent for one request of this operation (`extensions.dbRoundTrips`). */
  dbRoundTrips: number | null;
  /** The size of the answer every variant returned (they agree as whole answers): items per list. */
  returned?: Record<string, number>;
  /** What each comparison of whole answers covered (e.g. fields dropped for @neo4j/graphql). */
  compared?: { rawCypher: string; neo4jGraphql: string | null };
  cpuPerRequest?: { api: CpuPerRequest; apiCached?: CpuPerRequest | null; rawCypher: CpuPerRequest; neo4jGraphql: CpuPerRequest | null };
  /** Response body sizes over HTTP, in bytes. */
  responseBytes?: { api: number; neo4jGraphql: number | null };
  /** Largest resident memory of the API process (cache off) while this operation was measured. */
  apiRssMaxMb?: number;
  /** The same for the API process with the cache on. */
  apiCachedRssMaxMb?: number;
}

export interface BenchResults {
  scale: {
    name: string;
    /** The generator's seed; null for a folder of documents (`--corpus`). */
    seed: number | null;
    /** The folder of documents loaded with `--corpus`; absent for a generated corpus. */
    corpus?: string;
    standards: number;
    units: number;
    documents: number;
    nodes: number;
    relationships: number;
  };
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGiB: number;
    node: string;
    neo4j: string;
    neo4jHeap: string;
    os: string;
    apiRuntime: string;
    loadAverageAtStart: number[];
    loadAverageAtEnd: number[];
  };
  settings: { concurrency: number; warmup: number; warmupSeconds?: number; runs: number; rounds: number };
  import: { documents: number; seconds: number; docsPerSecond: number; failed: number };
  align: { competencies: number; seconds: number; pairs?: number } | null;
  /** RSS of the API process with the cache off. */
  service: { rssStartMb: number; rssMaxMb: number; rssEndMb: number };
  /** RSS of the API process with the cache on. */
  serviceCached?: { rssStartMb: number; rssMaxMb: number; rssEndMb: number };
  /** The operations' arguments as chosen from the graph, and how the corpus shaped the choice. */
  parameters?: Record<string, unknown>;
  notes?: string[];
  operations: OperationResult[];
  startedAt: string;
  totalSeconds: number;
}

const ratio = (a: number, b: number | undefined | null): string => (b && b > 0 ? `${(a / b).toFixed(2)}x` : '–');

/** Ratios of the API's figures to the floor and to @neo4j/graphql, per operation. */
export function ratios(op: OperationResult): { p50VsRaw: string; p50VsNeo4jGraphql: string; rpsVsNeo4jGraphql: string } {
  return {
    p50VsRaw: ratio(op.api.p50Ms, op.rawCypher.p50Ms),
    p50VsNeo4jGraphql: ratio(op.api.p50Ms, op.neo4jGraphql?.p50Ms),
    rpsVsNeo4jGraphql: ratio(op.api.rps, op.neo4jGraphql?.rps),
  };
}

/** The API with the cache on against itself with the cache off. */
export function cacheRatios(op: OperationResult): { p50OnVsOff: string; rpsOnVsOff: string } {
  return {
    p50OnVsOff: op.apiCached ? ratio(op.apiCached.p50Ms, op.api.p50Ms) : '–',
    rpsOnVsOff: op.apiCached ? ratio(op.apiCached.rps, op.api.rps) : '–',
  };
}

const cell = (figures: Figures | null | undefined): string =>
  figures ? `${figures.p50Ms.toFixed(1)} / ${figures.p99Ms.toFixed(1)} / ${Math.round(figures.rps)}` : 'n/a';

export function markdownTable(results: BenchResults): string {
  const lines = [
    '| operation | this API, cache off<br>p50 / p99 ms / req/s | raw Cypher<br>p50 / p99 ms / req/s | @neo4j/graphql<br>p50 / p99 ms / req/s | p50 API÷raw | req/s API÷@neo4j/graphql | DB round trips |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const op of results.operations) {
    const r = ratios(op);
    lines.push(
      `| ${op.name} | ${cell(op.api)} | ${cell(op.rawCypher)} | ${cell(op.neo4jGraphql)} | ${r.p50VsRaw} | ${r.rpsVsNeo4jGraphql} | ${op.dbRoundTrips ?? '–'} |`,
    );
  }
  return lines.join('\n');
}

/** The API with its response cache on (the same query repeated) against the same API with it off. */
export function markdownCacheTable(results: BenchResults): string {
  const lines = [
    '| operation | this API, cache on<br>p50 / p99 ms / req/s | this API, cache off<br>p50 / p99 ms / req/s | p50 on÷off | req/s on÷off | hits |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  for (const op of results.operations) {
    const r = cacheRatios(op);
    const hits = op.apiCached ? `${Math.round(op.apiCached.hitRatio * 1000) / 10}%` : '–';
    lines.push(`| ${op.name} | ${cell(op.apiCached)} | ${cell(op.api)} | ${r.p50OnVsOff} | ${r.rpsOnVsOff} | ${hits} |`);
  }
  return lines.join('\n');
}

const cpuCell = (cpu: CpuPerRequest | null | undefined): string =>
  cpu ? `${cpu.serverMs === null ? '' : `${cpu.serverMs.toFixed(1)} + `}${cpu.neo4jMs.toFixed(1)}` : 'n/a';

/** CPU milliseconds per request: the GraphQL server's + Neo4j's (raw Cypher: Neo4j's only). */
export function markdownCpuTable(results: BenchResults): string {
  const serial = (figures: Figures | null) => (figures?.p50SerialMs === undefined ? 'n/a' : figures.p50SerialMs.toFixed(1));
  const lines = [
    '| operation | CPU ms: this API, cache off<br>server + Neo4j | CPU ms: this API, cache on<br>server + Neo4j | CPU ms: raw Cypher<br>Neo4j | CPU ms: @neo4j/graphql<br>server + Neo4j | p50 ms one at a time<br>API off / API on / raw / @neo4j/graphql | API RSS max MB<br>cache off / on |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const op of results.operations) {
    lines.push(
      `| ${op.name} | ${cpuCell(op.cpuPerRequest?.api)} | ${cpuCell(op.cpuPerRequest?.apiCached)} | ${cpuCell(op.cpuPerRequest?.rawCypher)} | ${cpuCell(op.cpuPerRequest?.neo4jGraphql)} | ` +
        `${serial(op.api)} / ${serial(op.apiCached ?? null)} / ${serial(op.rawCypher)} / ${serial(op.neo4jGraphql)} | ${op.apiRssMaxMb ?? '–'} / ${op.apiCachedRssMaxMb ?? '–'} |`,
    );
  }
  return lines.join('\n');
}

export function markdownReport(results: BenchResults): string {
  const { scale, machine, settings } = results;
  const align = results.align
    ? `${results.align.competencies.toLocaleString('en')} competencies aligned in ${results.align.seconds.toFixed(1)} s`
    : 'alignment not run';
  const source = scale.corpus ? `the documents of \`${scale.corpus}\`` : `corpus seed ${scale.seed}`;
  const memory = (m: BenchResults['service'] | undefined) => (m ? `${m.rssStartMb} MB at start, ${m.rssMaxMb} MB at most, ${m.rssEndMb} MB at the end` : 'not measured');
  const compared = results.operations
    .filter((op) => op.compared)
    .map((op) => `- ${op.name}: raw Cypher ${op.compared!.rawCypher}; @neo4j/graphql ${op.compared!.neo4jGraphql ?? 'cannot express it'}`);
  return [
    `# Benchmark: ${scale.name}`,
    '',
    `${scale.standards.toLocaleString('en')} standards and ${scale.units.toLocaleString('en')} units ` +
      `(${scale.nodes.toLocaleString('en')} nodes, ${scale.relationships.toLocaleString('en')} relationships), ${source}. ` +
      `${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}, Neo4j ${machine.neo4j} embedded (heap ${machine.neo4jHeap}); ` +
      `load average ${machine.loadAverageAtStart[0]} at the start and ${machine.loadAverageAtEnd[0]} at the end (other work on the machine). ` +
      `The API runs as users run it: ${machine.apiRuntime}.`,
    '',
    `- Import: ${results.import.documents.toLocaleString('en')} documents in ${results.import.seconds.toFixed(1)} s ` +
      `(${results.import.docsPerSecond.toFixed(1)} documents/s, ${results.import.failed} failed)`,
    `- Alignment: ${align}`,
    `- API memory (RSS) during the run: cache off ${memory(results.service)}; cache on ${memory(results.serviceCached)}`,
    `- Each cell: p50 / p99 latency in ms and throughput in requests/s; ${settings.concurrency} requests in flight, ` +
      `${settings.warmup} warm-up requests${settings.warmupSeconds ? ` (or ${settings.warmupSeconds} s, whichever ends first)` : ''} and ${settings.runs} measured requests per variant in ${settings.rounds} interleaved rounds.`,
    ...(results.notes && results.notes.length > 0 ? ['', 'How the corpus shaped the parameters:', '', ...results.notes.map((note) => `- ${note}`)] : []),
    '',
    '## Cache off: this API against the hand-written Cypher floor and @neo4j/graphql',
    '',
    markdownTable(results),
    '',
    '## Cache on: the same query repeated, against the same API with the cache off',
    '',
    markdownCacheTable(results),
    '',
    '## CPU and memory',
    '',
    'CPU time per request in ms (the GraphQL server process + the Neo4j process; a busy or shared machine disturbs it less than latency), ' +
      "the median latency with one request at a time (no queueing), and each API process's largest RSS while the operation ran:",
    '',
    markdownCpuTable(results),
    '',
    ...(compared.length > 0 ? ['## Answers compared', '', 'Before measuring, every variant\'s whole answer was checked equal to the API\'s:', '', ...compared, ''] : []),
  ].join('\n');
}

const COLOURS = { api: '#2b6cb0', apiCached: '#38a169', rawCypher: '#718096', neo4jGraphql: '#dd6b20' } as const;
const LABELS = { api: 'this API, cache off', apiCached: 'this API, cache on', rawCypher: 'raw Cypher (driver)', neo4jGraphql: '@neo4j/graphql' } as const;

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Two panels of grouped horizontal bars: p50 latency (lower is better) and throughput (higher is
 * better), four bars per operation. Each operation's bars are scaled to the largest of its own values, so a fast and a
 * slow operation are both readable; the numbers are printed on the bars.
 */
export function svgChart(results: BenchResults): string {
  const ops = results.operations;
  const variants = ['api', 'apiCached', 'rawCypher', 'neo4jGraphql'] as const;
  const labelWidth = 320;
  const panelWidth = 300;
  const gap = 40;
  const barHeight = 11;
  const groupHeight = variants.length * barHeight + 14;
  const top = 72;
  const height = top + ops.length * groupHeight + 44;
  const width = labelWidth + 2 * panelWidth + gap + 30;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="10" y="20" font-size="14" font-weight="bold">${escapeXml(
      `${results.scale.name}: ${results.scale.documents.toLocaleString('en')} documents, ${results.scale.nodes.toLocaleString('en')} nodes, ` +
        `${results.scale.relationships.toLocaleString('en')} relationships; ${results.settings.concurrency} requests in flight`,
    )}</text>`,
  );
  let legendX = 10;
  for (const variant of variants) {
    out.push(`<rect x="${legendX}" y="31" width="11" height="11" fill="${COLOURS[variant]}"/>`);
    out.push(`<text x="${legendX + 15}" y="41">${escapeXml(LABELS[variant])}</text>`);
    legendX += 15 + LABELS[variant].length * 7 + 20;
  }
  const panels = [
    { title: 'p50 latency, ms (shorter is better)', value: (f: Figures) => f.p50Ms, format: (v: number) => v.toFixed(1) },
    { title: 'throughput, requests/s (longer is better)', value: (f: Figures) => f.rps, format: (v: number) => String(Math.round(v)) },
  ];
  panels.forEach((panel, p) => {
    const x0 = labelWidth + p * (panelWidth + gap);
    out.push(`<text x="${x0}" y="${top - 10}" font-weight="bold">${escapeXml(panel.title)}</text>`);
    out.push(`<line x1="${x0}" y1="${top - 3}" x2="${x0}" y2="${top + ops.length * groupHeight - 8}" stroke="#a0aec0"/>`);
    ops.forEach((op, i) => {
      const y0 = top + i * groupHeight;
      const max = Math.max(1e-9, ...variants.map((v) => (op[v] ? panel.value(op[v]!) : 0)));
      const scale = (panelWidth - 45) / max;
      variants.forEach((variant, j) => {
        const figures = op[variant];
        const y = y0 + j * barHeight;
        if (!figures) {
          out.push(`<text x="${x0 + 4}" y="${y + barHeight - 2}" fill="#a0aec0" font-size="10">not expressible</text>`);
          return;
        }
        const value = panel.value(figures);
        const w = Math.max(1, value * scale);
        out.push(`<rect x="${x0}" y="${y}" width="${w.toFixed(1)}" height="${barHeight - 1}" fill="${COLOURS[variant]}"/>`);
        out.push(`<text x="${(x0 + w + 4).toFixed(1)}" y="${y + barHeight - 2}" font-size="10">${panel.format(value)}</text>`);
      });
    });
  });
  ops.forEach((op, i) => {
    const y = top + i * groupHeight + (variants.length * barHeight) / 2 + 4;
    out.push(`<text x="${labelWidth - 12}" y="${y}" text-anchor="end">${escapeXml(op.name)}</text>`);
  });
  out.push(
    `<text x="10" y="${height - 14}" fill="#4a5568" font-size="11">${escapeXml(
      `Bars scaled per operation. ${results.machine.cpus} × ${results.machine.cpuModel}; Node ${results.machine.node}; Neo4j ${results.machine.neo4j}; ` +
        `${results.settings.runs} measured requests per variant; ${results.startedAt.slice(0, 10)}`,
    )}</text>`,
  );
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
