// Measures learning and career paths on a real catalogue: for pairs of standards of one occupation at
// a lower and a higher level, what a holder of the lower one must still learn for the higher one.
//
//   npm run eval:paths -- --corpus ../shared/icap-catalogue [--show 2] [--fixture CODE,CODE,...]
//
// Prints, per pair, the plan's length, every step's relevance and what it closes, what is left
// uncovered and whether it names the target's tasks, readiness and coverage, and the career path;
// then the figures the targets ask for. `--show N` prints the first N plans in full. `--fixture`
// prints the task structure of the given standards as JSON (for pinning a small real fixture).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { LearningPath } from '../analysis/learning-path.js';
import { parseDocument, ParseError } from '../ingest/icap/index.js';
import { catalogueStandard, levelPairs, PathCatalogue, type CatalogueStandard } from './path-catalogue.js';

/** Every standard of the folder (read recursively); documents that fail to parse are skipped. */
export function readStandards(dir: string): CatalogueStandard[] {
  const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.txt')).sort();
  const out: CatalogueStandard[] = [];
  for (const file of files) {
    try {
      const doc = parseDocument(fs.readFileSync(path.join(dir, file)), file);
      if (doc.kind === 'STANDARD') out.push(catalogueStandard(doc));
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
    }
  }
  return out;
}

/** The properties the targets ask of one plan. */
export interface PlanFigures {
  steps: number;
  minRelevance: number | null;
  /** Steps that close no knowledge or skill (chosen for attitudes or for nothing). */
  stepsWithoutKs: number;
  uncovered: number;
  /** Uncovered gaps that name none of the target's tasks. */
  uncoveredWithoutTasks: number;
}

export function planFigures(plan: LearningPath): PlanFigures {
  return {
    steps: plan.steps.length,
    minRelevance: plan.steps.length > 0 ? Math.min(...plan.steps.map((s) => s.relevance)) : null,
    stepsWithoutKs: plan.steps.filter((s) => !s.closes.some((c) => c.requirement.kind !== 'attitude')).length,
    uncovered: plan.uncovered.length,
    uncoveredWithoutTasks: plan.uncovered.filter((u) => (u.taskIds ?? []).length === 0).length,
  };
}

const pct = (x: number | null): string => (x === null ? '  –' : `${Math.round(x * 100)}%`.padStart(4));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length === 0 ? NaN : sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function printPlan(catalogue: PathCatalogue, from: string, to: string, plan: LearningPath): void {
  const name = (code: string) => catalogue.byCode.get(code)?.name ?? '';
  console.log(`\n=== ${from} ${name(from)} -> ${to} ${name(to)}`);
  console.log(
    `coverage ${pct(plan.coverageBefore)} -> ${pct(plan.coverageAfter)}, readiness ${pct(plan.readinessBefore)} -> ${pct(plan.readinessAfter)}, ` +
      `${plan.gaps.length} gaps (${plan.gaps.filter((g) => g.status === 'partial').length} partly held)`,
  );
  for (const t of plan.tasks.filter((x) => !x.ready)) {
    const list = (xs: typeof t.missing) => xs.map((s) => s.requirement.name).join('、') || '–';
    console.log(`  task ${t.task.code} ${t.task.name}: missing ${list(t.missing)}; partly ${t.partial.map((s) => `${s.requirement.name}≈${s.match?.competencyId.split(':')[1]}`).join('、') || '–'}; held ${t.held.length}`);
  }
  plan.steps.forEach((s, i) => console.log(`  ${i + 1}. [rel ${pct(s.relevance)}] ${s.reason}`));
  for (const u of plan.uncovered) console.log(`  uncovered ${u.code} ${u.name} (${u.reason}), needed by ${(u.taskIds ?? []).map((t) => t.split(':').pop()).join(', ') || '–'}`);
  if (plan.dispositions.length > 0) console.log(`  dispositions: ${plan.dispositions.map((d) => `${d.requirement.name}${d.held ? ' (held)' : ''}`).join('、')}`);
}

function main(): void {
  const { values } = parseArgs({
    options: { corpus: { type: 'string' }, show: { type: 'string', default: '0' }, fixture: { type: 'string' } },
  });
  if (!values.corpus) throw new Error('Give --corpus <folder of standards>.');
  const standards = readStandards(values.corpus);
  if (values.fixture) {
    const codes = new Set(values.fixture.split(','));
    console.log(JSON.stringify({ standards: standards.filter((s) => codes.has(s.code)) }, null, 1));
    return;
  }
  const started = performance.now();
  const catalogue = new PathCatalogue(standards);
  const pairs = levelPairs(catalogue);
  console.log(`${standards.length} standards aligned in ${((performance.now() - started) / 1000).toFixed(1)} s; ${pairs.length} occupation pairs (lower -> higher level)`);

  const figures: PlanFigures[] = [];
  const show = Number(values.show);
  console.log('\noccupation  from -> to                      steps  min rel  uncovered (no task)  coverage    readiness   career hops (similarities, level steps)');
  pairs.forEach(({ occupation, from, to }, index) => {
    const plan = catalogue.learningPath(from, to);
    const f = planFigures(plan);
    figures.push(f);
    const career = catalogue.careerPath(from, to);
    const careerText = career
      ? `${career.hops} (${career.steps.slice(1).map((s) => `${pct(s.similarity)}`.trim()).join(' ')}; ${career.steps.slice(1).map((s) => s.levelStep).join(' ')})`
      : 'none';
    console.log(
      `${occupation.padEnd(10)}  ${`${from} -> ${to}`.padEnd(30)}  ${String(f.steps).padStart(5)}  ${pct(f.minRelevance).padStart(7)}  ${String(f.uncovered).padStart(9)} (${f.uncoveredWithoutTasks})` +
        `  ${pct(plan.coverageBefore)}->${pct(plan.coverageAfter)}  ${pct(plan.readinessBefore)}->${pct(plan.readinessAfter)}  ${careerText}`,
    );
    if (index < show) printPlan(catalogue, from, to, plan);
  });

  const relevances = figures.flatMap((f) => (f.minRelevance === null ? [] : [f.minRelevance]));
  const careers = pairs.map(({ from, to }) => catalogue.careerPath(from, to));
  const hops = careers.flatMap((c) => (c ? c.steps.slice(1) : []));
  console.log('\nTargets:');
  console.log(`  pairs                                  ${pairs.length}`);
  console.log(`  lowest relevance of any step           ${relevances.length ? Math.min(...relevances).toFixed(2) : 'n/a'} (floor 0.30)`);
  console.log(`  steps closing no knowledge or skill    ${figures.reduce((n, f) => n + f.stepsWithoutKs, 0)}`);
  console.log(`  median plan length                     ${median(figures.map((f) => f.steps))} (longest ${Math.max(...figures.map((f) => f.steps))})`);
  console.log(`  uncovered gaps naming no target task   ${figures.reduce((n, f) => n + f.uncoveredWithoutTasks, 0)} of ${figures.reduce((n, f) => n + f.uncovered, 0)}`);
  console.log(
    `  career paths found                     ${careers.filter(Boolean).length} of ${pairs.length}; lowest hop similarity ${hops.length ? Math.min(...hops.map((h) => h.similarity ?? 1)).toFixed(2) : 'n/a'}; ` +
      `largest level step ${hops.length ? Math.max(...hops.map((h) => h.levelStep ?? 0)) : 'n/a'}; key competencies per hop at most ${hops.length ? Math.max(...hops.map((h) => h.keyCompetencies.length)) : 'n/a'}`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
