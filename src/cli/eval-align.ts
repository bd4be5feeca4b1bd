// Measures typed alignment on real wording: the labelled pairs and recall queries in
// test/fixtures/alignment/real/ (names from the published iCAP catalogue, labelled by reading).
//
//   npm run eval:align -- [--corpus <dir of documents>] [--split tune|holdout|all] [--errors] [--json]
//
// The corpus gives the aligner its statistics (which bigrams are rare, which tails are frames) and
// which documents list which names; without `--corpus` it is the labelled names and the seeds.
// `--errors` lists the mistakes on the tune split only: held-out pairs are for reporting, never for
// tuning.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  alignCompetencies,
  competencyId,
  type AlignOptions,
  type CompetencyInput,
  type CompetencyKind,
  type SimilarityPair,
} from '../analysis/alignment/index.js';
import {
  judgePairs,
  PredictionIndex,
  recallOutcomes,
  relationCounts,
  relationReport,
  type Estimate,
  type JudgedPair,
  type LabelledRelationPair,
  type RecallQuery,
  type RelationReport,
} from '../analysis/alignment/evaluation.js';
import { parseDocument, ParseError } from '../ingest/icap/index.js';
import { PROJECT_ROOT, SEED_DIR } from '../paths.js';

export const REAL_FIXTURES = path.join(PROJECT_ROOT, 'test', 'fixtures', 'alignment', 'real');

export function readLabelledPairs(dir = REAL_FIXTURES): LabelledRelationPair[] {
  return (JSON.parse(fs.readFileSync(path.join(dir, 'pairs.json'), 'utf8')) as { pairs: LabelledRelationPair[] }).pairs;
}

export function readRecallQueries(dir = REAL_FIXTURES): RecallQuery[] {
  const file = path.join(dir, 'recall.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { queries: RecallQuery[] }).queries : [];
}

/** Every K, S and A of the documents in `dir` (read recursively), with the documents that list it. */
export function readCorpus(dir: string): { competencies: Map<string, CompetencyInput>; documents: number; refused: string[] } {
  const competencies = new Map<string, CompetencyInput & { documents: string[] }>();
  const refused: string[] = [];
  let documents = 0;
  const add = (kind: CompetencyKind, name: string, document: string, description?: string, context?: string): void => {
    const id = competencyId(kind, name);
    const known = competencies.get(id);
    if (known) {
      if (!known.documents.includes(document)) known.documents.push(document);
      if (context && !(known.context ?? '').includes(context)) known.context = [known.context, context].filter(Boolean).join('\n');
      return;
    }
    competencies.set(id, { id, kind, name, documents: [document], ...(description ? { description } : {}), ...(context ? { context } : {}) });
  };
  const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.txt')).sort();
  for (const file of files) {
    let doc;
    try {
      doc = parseDocument(fs.readFileSync(path.join(dir, file)), file);
    } catch (error) {
      if (error instanceof ParseError) {
        refused.push(`${file}: ${error.message}`);
        continue;
      }
      throw error;
    }
    documents++;
    if (doc.kind === 'STANDARD') {
      for (const k of doc.knowledge) add('knowledge', k.name, doc.code);
      for (const s of doc.skills) add('skill', s.name, doc.code);
      for (const a of doc.attitudes) add('attitude', a.name, doc.code, a.description);
    } else {
      const noteText = (numbers: number[]): string => doc.notes.filter((n) => numbers.includes(n.number)).map((n) => n.text).join('\n');
      for (const k of doc.knowledge) add('knowledge', k.name, doc.code, undefined, noteText(k.notes));
      for (const s of doc.skills) add('skill', s.name, doc.code, undefined, noteText(s.notes));
    }
  }
  return { competencies, documents, refused };
}

export interface Evaluation {
  judged: JudgedPair[];
  pairs: SimilarityPair[];
  corpusSize: number;
  documents: number;
  refused: string[];
  seconds: number;
  reports: Record<'tune' | 'holdout' | 'all', RelationReport>;
}

/** Aligns the corpus (plus every labelled name it lacks) and judges the labelled pairs. */
export function evaluateAlignment(corpusDir: string | null, options: AlignOptions = {}): Evaluation {
  const { competencies, documents, refused } = readCorpus(corpusDir ?? path.join(SEED_DIR, 'icap'));
  const labelled = readLabelledPairs();
  const queries = readRecallQueries();
  const ensure = (kind: CompetencyKind, name: string): void => {
    const id = competencyId(kind, name);
    if (!competencies.has(id)) competencies.set(id, { id, kind, name });
  };
  for (const p of labelled) {
    ensure(p.kind, p.a);
    ensure(p.kind, p.b);
  }
  for (const q of queries) for (const name of [q.name, ...q.equivalent, ...q.narrower, ...q.broader]) ensure(q.kind, name);

  const started = performance.now();
  const pairs = alignCompetencies([...competencies.values()], options);
  const seconds = (performance.now() - started) / 1000;
  const index = new PredictionIndex(pairs);
  const judged = judgePairs(labelled, index);
  const report = (split: 'tune' | 'holdout' | 'all'): RelationReport =>
    relationReport(
      judged.filter((j) => split === 'all' || j.pair.split === split),
      recallOutcomes(
        queries.filter((q) => split === 'all' || q.split === split),
        index,
      ),
    );
  return {
    judged,
    pairs,
    corpusSize: competencies.size,
    documents,
    refused,
    seconds,
    reports: { tune: report('tune'), holdout: report('holdout'), all: report('all') },
  };
}

const pct = (x: number): string => (Number.isNaN(x) ? '   n/a' : `${(x * 100).toFixed(1)}%`.padStart(6));
const estimate = (e: Estimate): string => `${pct(e.value)} [${pct(e.low)}, ${pct(e.high)}] n=${e.n}`;

function printReport(name: string, r: RelationReport): void {
  console.log(`\n[${name}]`);
  console.log(`  equivalent      precision ${estimate(r.equivalentPrecision)}`);
  console.log(`                  recall    ${estimate(r.equivalentRecall)}   F1 ${pct(r.equivalentF1)}`);
  for (const band of r.equivalentBands) {
    console.log(`    score ${band.from.toFixed(1)}–${Math.min(band.to, 1).toFixed(1)}  precision ${estimate(band.precision)}`);
  }
  console.log(`  broader/narrower precision ${estimate(r.specialisationPrecision)}`);
  console.log(`                  direction ${estimate(r.directionAccuracy)}`);
  console.log(`                  recall    ${estimate(r.specialisationRecall)}`);
  console.log(`  related         precision ${estimate(r.relatedPrecision)} (right when the reader saw any relation)`);
}

function printErrors(judged: JudgedPair[]): void {
  const wrong = judged.filter((j) => j.pair.split === 'tune' && !(j.predicted === j.pair.label || (j.predicted === 'none' && j.pair.label === 'different')));
  console.log(`\nErrors on the tune split (${wrong.length}):`);
  for (const j of wrong.sort((x, y) => x.pair.label.localeCompare(y.pair.label) || x.predicted.localeCompare(y.predicted))) {
    console.log(`  label ${j.pair.label.padEnd(10)} got ${j.predicted.padEnd(10)} ${j.score.toFixed(2)} ${j.pair.a} / ${j.pair.b}  [${j.evidence}]`);
  }
}

function main(): void {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string' },
      split: { type: 'string', default: 'all' },
      errors: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const result = evaluateAlignment(values.corpus ?? null);
  const counts = relationCounts(result.pairs);
  if (values.json) {
    console.log(JSON.stringify({ corpus: result.corpusSize, documents: result.documents, seconds: result.seconds, counts, reports: result.reports }, null, 2));
    return;
  }
  console.log(
    `Alignment on ${values.corpus ?? 'the seeds'}: ${result.documents} documents` +
      (result.refused.length > 0 ? ` (${result.refused.length} refused)` : '') +
      `, ${result.corpusSize} competencies, aligned in ${result.seconds.toFixed(1)} s`,
  );
  console.log(
    `Relations: ${counts.byType.equivalent} equivalent, ${counts.byType.narrower} broader/narrower, ${counts.byType.related} related; ` +
      `most equivalents: ${counts.mostEquivalents.count} (${counts.mostEquivalents.id})`,
  );
  const labelled = readLabelledPairs();
  console.log(`Labelled: ${labelled.length} pairs, ${readRecallQueries().length} recall queries (test/fixtures/alignment/real)`);
  const splits = values.split === 'all' ? (['tune', 'holdout', 'all'] as const) : ([values.split as 'tune' | 'holdout'] as const);
  for (const s of splits) printReport(s, result.reports[s]);
  if (values.errors) printErrors(result.judged);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
