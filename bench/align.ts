// Full alignment of a corpus by the current engine and by an earlier release, side by side in one
// process: median time of several runs each (alternating, so both see the same machine state) and
// their ratio.
//
//   npm run bench:align -- [--corpus <dir of documents>] [--baseline <git ref>] [--runs 5]
//
// The baseline's alignment engine and its data files are taken from git (`git archive`) into
// bench/.scratch/, so it runs exactly as it shipped.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { alignCompetencies, type CompetencyInput } from '../src/analysis/alignment/index.js';
import { readCorpus } from '../src/cli/eval-align.js';
import { PROJECT_ROOT, SEED_DIR } from '../src/paths.js';

/** The release before typed relations: one score per pair (SIMILAR_TO). */
const DEFAULT_BASELINE = 'd296d24';

type Align = (corpus: readonly CompetencyInput[]) => unknown[];

async function baselineAligner(ref: string): Promise<Align> {
  const dir = path.join(PROJECT_ROOT, 'bench', '.scratch', `baseline-${ref}`);
  if (!fs.existsSync(path.join(dir, 'src', 'analysis', 'alignment', 'index.ts'))) {
    fs.mkdirSync(dir, { recursive: true });
    const archive = execFileSync('git', ['archive', ref, 'src/analysis/alignment', 'src/paths.ts', 'seed/alignment'], { cwd: PROJECT_ROOT });
    execFileSync('tar', ['-x', '-C', dir], { input: archive });
    // Its own package.json makes its paths.ts find its own seed/alignment data.
    fs.writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  }
  const engine = (await import(pathToFileURL(path.join(dir, 'src', 'analysis', 'alignment', 'index.ts')).href)) as { alignCompetencies: Align };
  return (corpus) => engine.alignCompetencies(corpus);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { corpus: { type: 'string' }, baseline: { type: 'string', default: DEFAULT_BASELINE }, runs: { type: 'string', default: '5' } },
  });
  const dir = values.corpus ?? path.join(SEED_DIR, 'icap');
  const { competencies, documents } = readCorpus(dir);
  const corpus = [...competencies.values()];
  const baseline = await baselineAligner(values.baseline);
  const runs = Number(values.runs);
  const times = { baseline: [] as number[], current: [] as number[] };
  let counts = { baseline: 0, current: 0 };
  for (let i = 0; i < runs; i++) {
    for (const [name, align] of [
      ['baseline', baseline],
      ['current', (c: readonly CompetencyInput[]) => alignCompetencies(c)],
    ] as const) {
      const started = performance.now();
      const pairs = align(corpus);
      times[name].push(performance.now() - started);
      counts = { ...counts, [name]: pairs.length };
    }
  }
  const b = median(times.baseline);
  const c = median(times.current);
  console.log(`Full alignment of ${dir}: ${documents} documents, ${corpus.length} competencies, ${runs} runs each (median)`);
  console.log(`  baseline ${values.baseline}: ${(b / 1000).toFixed(2)} s, ${counts.baseline} pairs (one similarity score each)`);
  console.log(`  current:          ${(c / 1000).toFixed(2)} s, ${counts.current} typed relations`);
  console.log(`  current / baseline: ${(c / b).toFixed(2)}x`);
}

await main();
