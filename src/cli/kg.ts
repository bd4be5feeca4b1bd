// `npm run kg -- <command>`: the graph's command-line tool.
//   import <file|dir>... [--dry-run]   parse and import iCAP documents (.txt), each in its own transaction
//   seed                               the taxonomy and the documents in seed/
//   align                              recompute every typed relation between competencies
//   export --format json|graphml|csv [--out DIR] [--code CODE]   write the graph for Gephi, Cytoscape or spreadsheets
//   generate ...                       write a synthetic corpus (see src/cli/generate.ts)
// Uses the same configuration as the service: NEO4J_URI, or the embedded database (shared with a
// running `npm start` when one is up).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { connectNeo4j } from '../db/driver.js';
import { migrate } from '../db/migrations/migrate.js';
import { Database } from '../db/query.js';
import type { DocumentInput, ImportResult } from '../ingest/import-documents.js';
import { readDocumentDir } from '../ingest/seed.js';
import { alignAll } from '../modules/analysis/alignment.service.js';
import { runImport, type PipelineReport } from '../pipeline/import-pipeline.js';
import { seedGraph } from '../pipeline/seed.js';
import { EXPORT_FORMATS, exportGraph, type ExportFormat } from '../export/export-graph.js';
import { runGenerate } from './generate.js';
import { importProgress } from './progress.js';

const USAGE = `usage: npm run kg -- <command> [options]

commands:
  import <file|dir>... [--dry-run]   import iCAP standards and units (.txt files; directories are read recursively)
  seed                               load the taxonomy and the seed documents in seed/
  align                              recompute every typed relation between competencies (and the resemblance of standards)
  export --format json|graphml|csv [--out DIR] [--code CODE]
                                     write the whole graph (or one document) for Gephi, Cytoscape
                                     or a spreadsheet (default --out export/)
  generate --scale small|national|x5 --out DIR [--seed S]
                                     write a deterministic synthetic corpus in the two text formats

Imports align the competencies they bring with the rest of the graph; \`align\` redoes it all
(worth running after many imports, or after editing seed/alignment/).
`;

/** Files named on the command line, directories expanded to the .txt files under them. */
function collectInputs(paths: string[]): DocumentInput[] {
  const inputs: DocumentInput[] = [];
  for (const given of paths) {
    const stat = fs.statSync(given, { throwIfNoEntry: false });
    if (!stat) throw new Error(`No such file or directory: ${given}`);
    if (stat.isDirectory()) {
      inputs.push(...readDocumentDir(given).map((doc) => ({ ...doc, name: path.join(given, doc.name) })));
      for (const entry of fs.readdirSync(given, { withFileTypes: true })) {
        if (entry.isDirectory()) inputs.push(...collectInputs([path.join(given, entry.name)]));
      }
    } else {
      inputs.push({ name: given, text: fs.readFileSync(given) });
    }
  }
  return inputs;
}

/** Every warning with its document and line, then how many of each kind. */
function printWarnings(results: ImportResult[]): void {
  const kinds = new Map<string, number>();
  let documents = 0;
  for (const result of results) {
    if (result.warnings.length > 0) documents += 1;
    for (const warning of result.warnings) {
      kinds.set(warning.kind, (kinds.get(warning.kind) ?? 0) + 1);
      console.log(`WARNING ${result.name}${warning.line ? `:${warning.line}` : ''} [${warning.field}] ${warning.message}`);
    }
  }
  if (kinds.size === 0) return;
  const total = [...kinds.values()].reduce((sum, n) => sum + n, 0);
  const byKind = [...kinds].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `${kind} ${n}`);
  console.log(`warnings: ${total} in ${documents} document(s) (${byKind.join(', ')}); each is a form read by assumption, see the README`);
}

function printSummary(results: ImportResult[], dryRun: boolean, seconds: number): void {
  const tally = new Map<string, number>();
  for (const result of results) tally.set(result.status, (tally.get(result.status) ?? 0) + 1);
  printWarnings(results);
  for (const result of results.filter((r) => r.status === 'FAILED')) {
    for (const error of result.errors) console.error(`FAILED ${error.message}`);
  }
  const parts = ['CREATED', 'UPDATED', 'UNCHANGED', 'FAILED'].map((status) => `${status.toLowerCase()} ${tally.get(status) ?? 0}`);
  const rate = seconds > 0 ? `, ${(results.length / seconds).toFixed(1)} documents/s` : '';
  console.log(`${dryRun ? 'dry run (nothing written): would be ' : ''}${parts.join(', ')} — ${results.length} document(s) in ${seconds.toFixed(1)} s${rate}`);
}

async function main(argv: string[]): Promise<number> {
  // Commands that need no database come first.
  if (argv[0] === 'generate') return runGenerate(argv.slice(1));
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      format: { type: 'string' },
      out: { type: 'string', default: 'export' },
      code: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 1;
  }
  if (!['import', 'seed', 'align', 'export'].includes(command)) {
    console.error(`Unknown command "${command}".\n\n${USAGE}`);
    return 1;
  }
  const format = values.format as ExportFormat | undefined;
  if (command === 'export' && (!format || !EXPORT_FORMATS.includes(format))) {
    console.error(`export needs --format ${EXPORT_FORMATS.join('|')}.\n\n${USAGE}`);
    return 1;
  }
  if (command === 'import' && rest.length === 0) {
    console.error(`import needs at least one file or directory.\n\n${USAGE}`);
    return 1;
  }

  const config = loadConfig();
  const connection = await connectNeo4j(config.neo4j, { shareRunningEmbedded: true, tuning: { maxTransactionRetryTimeMs: 30_000 } });
  try {
    const db = new Database(connection.driver, connection.database, 0);
    await migrate(db);
    const dryRun = values['dry-run'] ?? false;
    if (command === 'export') {
      const summary = await exportGraph(db, { format: format!, outDir: values.out ?? 'export', code: values.code });
      console.log(`exported ${summary.nodes} nodes and ${summary.relationships} relationships to ${summary.files.join(', ')}`);
      return 0;
    }
    if (command === 'align') {
      console.error('aligning every competency…');
      const report = await alignAll(db);
      console.log(
        `aligned ${report.competencies} competencies: ${report.relations} typed relations, ${report.resemblances} resemblances in ${report.seconds.toFixed(1)} s`,
      );
      return 0;
    }
    let report: PipelineReport;
    if (command === 'seed') {
      report = await seedGraph(db);
    } else {
      const inputs = collectInputs(rest);
      const progress = importProgress(inputs.length);
      report = await runImport(db, inputs, { dryRun, onProgress: (p) => progress.update(p) });
      progress.stop();
    }
    const { results, alignment } = report;
    printSummary(results, dryRun, report.seconds - (alignment?.seconds ?? 0));
    if (alignment) {
      console.log(
        `aligned ${alignment.competencies} competencies (${alignment.mode}): ${alignment.relations} typed relations, ` +
          `${alignment.resemblances} resemblances in ${alignment.seconds.toFixed(1)} s`,
      );
    }
    return results.some((r) => r.status === 'FAILED') ? 1 : 0;
  } finally {
    await connection.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
