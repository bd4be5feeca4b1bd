// Full alignment of a corpus by the current engine and by an earlier release, side by side in one
// process: median time of several runs each (alternating, so both see the same machine state) and
// their ratio.
//
//   npm run bench:align -- [--corpus <dir of documents>] [--baseline <git ref>] [--runs 5]
//
// The baseline's alignment engine and its data files are taken from git (bench/lib/release.ts), so
// it runs exactly as it shipped.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { alignCompetencies, type CompetencyInput } from '../src/analysis/alignment/index.js';
import { readCorpus } from '../src/cli/eval-align.js';
import { SEED_DIR } from '../src/paths.js';
import { median } from './lib/measure.js';
import { DEFAULT_RELEASE, releaseModule } from './lib/release.js';


type Align = (corpus: readonly CompetencyInput[]) => unknown[];

async function baselineAligner(ref: string): Promise<Align> {
  const engine = await releaseModule<{ alignCompetencies: Align }>(ref, 'analysis/alignment/index.ts');
  return (corpus) => engine.alignCompetencies(corpus);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { corpus: { type: 'string' }, baseline: { type: 'string', default: DEFAULT_RELEASE }, runs: { type: 'string', default: '5' } },
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
