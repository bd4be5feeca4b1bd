// Measures alignment quality on the labelled pairs in test/fixtures/alignment/labelled-pairs.json:
// precision, recall and F1 at the default threshold and over a range of thresholds, for the tuning
// half, the held-out half and both. The IDF corpus is every name in the labelled set plus the
// competency names of the seed documents.
//
//   npx tsx src/cli/eval-align.ts [--split tune|holdout|all] [--errors] [--no-segmentation] [--json]
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  alignCompetencies,
  competencyKey,
  DEFAULT_ALIGN_FLOOR,
  DEFAULT_ALIGN_THRESHOLD,
  type AlignOptions,
  type CompetencyInput,
  type CompetencyKind,
  type SimilarityPair,
} from '../analysis/alignment/index.js';
import { PROJECT_ROOT, SEED_DIR } from '../paths.js';

export interface LabelledPair {
  kind: CompetencyKind;
  a: string;
  b: string;
  aligned: boolean;
  reason: string;
  split: 'tune' | 'holdout';
  aContext?: string;
  bContext?: string;
}

const LABELLED = path.join(PROJECT_ROOT, 'test', 'fixtures', 'alignment', 'labelled-pairs.json');

const NUMERAL_ITEM = /[一二三四五六七八九十]+、/;

/** Competency names of the seed documents, read loosely: they only feed the IDF corpus. */
export function seedCompetencies(dir = path.join(SEED_DIR, 'icap')): CompetencyInput[] {
  const out: CompetencyInput[] = [];
  const add = (kind: CompetencyKind, name: string, description?: string): void => {
    const clean = name.replace(/【註\d+】/g, '').replace(/<[^>]+>/g, '').trim();
    if (clean) out.push({ id: `${kind}:${competencyKey(kind, clean)}`, kind, name: clean, ...(description ? { description } : {}) });
  };
  if (!fs.existsSync(dir)) return out;
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const m of text.matchAll(/(?:^|[\s\t])([KS])\d{2}(\S+)/gm)) add(m[1] === 'K' ? 'knowledge' : 'skill', m[2] as string);
    for (const m of text.matchAll(/^-\s*A\d{2}([^：:\n]+)[：:](.+)$/gm)) add('attitude', m[1] as string, (m[2] as string).trim());
    const section = (label: RegExp): string => {
      const start = text.search(label);
      if (start < 0) return '';
      const rest = text.slice(start).replace(label, '');
      const end = rest.search(/\n[^\t\n]*職能內涵|\n評量設計參考/);
      return (end < 0 ? rest : rest.slice(0, end)).replace(/<[^>]+>/g, ' ');
    };
    for (const [label, kind] of [
      [/職能內涵\s*\(K=knowledge 知識\)/, 'knowledge'],
      [/職能內涵\s*\(S=skills 技能\)/, 'skill'],
    ] as const) {
      const body = section(label);
      for (const item of body.split(NUMERAL_ITEM).slice(1)) add(kind, item.replace(/\s+/g, ' ').trim());
    }
  }
  return out;
}

function idOf(kind: CompetencyKind, name: string): string {
  return `${kind}:${competencyKey(kind, name)}`;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export function metrics(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : 1;
  const recall = c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : 1;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

export function count(rows: Array<{ pair: LabelledPair; score: number }>, threshold: number): Counts {
  const c: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const { pair, score } of rows) {
    const predicted = score >= threshold;
    if (predicted && pair.aligned) c.tp++;
    else if (predicted) c.fp++;
    else if (pair.aligned) c.fn++;
    else c.tn++;
  }
  return c;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`.padStart(6);

export interface EvaluationRow {
  pair: LabelledPair;
  score: number;
  hit: SimilarityPair | undefined;
}

/** Scores every labelled pair with the real pipeline (blocking included); unreported pairs score 0. */
export function evaluate(options: AlignOptions = {}): { rows: EvaluationRow[]; corpusSize: number; seedNames: number; reported: number; ms: number } {
  const labelled = (JSON.parse(fs.readFileSync(LABELLED, 'utf8')) as { pairs: LabelledPair[] }).pairs;

  // The corpus: every labelled name (contexts merged) plus the seeds' competencies.
  const corpus = new Map<string, CompetencyInput>();
  const addName = (kind: CompetencyKind, name: string, context?: string, description?: string): void => {
    const id = idOf(kind, name);
    const old = corpus.get(id);
    if (!old) {
      corpus.set(id, { id, kind, name, ...(context ? { context } : {}), ...(description ? { description } : {}) });
    } else if (context && !(old.context ?? '').includes(context)) {
      old.context = [old.context, context].filter(Boolean).join('。');
    }
  };
  for (const p of labelled) {
    addName(p.kind, p.a, p.aContext);
    addName(p.kind, p.b, p.bContext);
  }
  const seeds = seedCompetencies();
  for (const s of seeds) addName(s.kind, s.name, s.context, s.description);

  const started = performance.now();
  const pairs = alignCompetencies([...corpus.values()], { floor: DEFAULT_ALIGN_FLOOR, ...options });
  const elapsed = performance.now() - started;
  const found = new Map<string, SimilarityPair>();
  for (const p of pairs) found.set(`${p.a}\u0000${p.b}`, p);
  const lookup = (p: LabelledPair): SimilarityPair | undefined => {
    const [x, y] = [idOf(p.kind, p.a), idOf(p.kind, p.b)].sort() as [string, string];
    return found.get(`${x}\u0000${y}`);
  };
  const rows = labelled.map((pair) => {
    const same = idOf(pair.kind, pair.a) === idOf(pair.kind, pair.b);
    const hit = lookup(pair);
    return { pair, score: same ? 1 : (hit?.score ?? 0), hit };
  });
  return { rows, corpusSize: corpus.size, seedNames: seeds.length, reported: pairs.length, ms: elapsed };
}

function main(): void {
  const { values } = parseArgs({
    options: {
      split: { type: 'string', default: 'all' },
      errors: { type: 'boolean', default: false },
      'no-segmentation': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const { rows, corpusSize, seedNames, reported, ms: elapsed } = evaluate({ segmentation: !values['no-segmentation'] });
  const labelled = rows.map((r) => r.pair);

  const splits = values.split === 'all' ? (['tune', 'holdout', 'all'] as const) : ([values.split] as const);
  const select = (split: string): typeof rows => rows.filter((r) => split === 'all' || r.pair.split === split);
  const thresholds = [0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8];

  if (values.json) {
    const report = Object.fromEntries(
      splits.map((s) => [
        s,
        {
          pairs: select(s).length,
          atDefault: { threshold: DEFAULT_ALIGN_THRESHOLD, ...count(select(s), DEFAULT_ALIGN_THRESHOLD), ...metrics(count(select(s), DEFAULT_ALIGN_THRESHOLD)) },
          table: thresholds.map((t) => ({ threshold: t, ...metrics(count(select(s), t)) })),
        },
      ]),
    );
    console.log(JSON.stringify({ corpus: corpusSize, seconds: elapsed / 1000, report }, null, 2));
    return;
  }

  console.log(
    `Alignment evaluation: ${labelled.length} labelled pairs, IDF corpus ${corpusSize} names ` +
      `(${seedNames} from the seeds), segmentation ${values['no-segmentation'] ? 'off' : 'on'}, ` +
      `${reported} pairs >= floor ${DEFAULT_ALIGN_FLOOR} in ${elapsed.toFixed(0)} ms`,
  );
  for (const s of splits) {
    const r = select(s);
    const c = count(r, DEFAULT_ALIGN_THRESHOLD);
    const m = metrics(c);
    console.log(
      `\n[${s}] ${r.length} pairs (${r.filter((x) => x.pair.aligned).length} aligned) at threshold ${DEFAULT_ALIGN_THRESHOLD}: ` +
        `precision ${pct(m.precision)}  recall ${pct(m.recall)}  F1 ${pct(m.f1)}  (TP ${c.tp} FP ${c.fp} FN ${c.fn} TN ${c.tn})`,
    );
    console.log('  threshold  precision  recall      F1');
    for (const t of thresholds) {
      const mt = metrics(count(r, t));
      console.log(`  ${t.toFixed(2).padStart(9)}  ${pct(mt.precision).padStart(9)}  ${pct(mt.recall)}  ${pct(mt.f1)}${t === DEFAULT_ALIGN_THRESHOLD ? '  <- default' : ''}`);
    }
    if (values.errors) {
      const wrong = r.filter((x) => x.score >= DEFAULT_ALIGN_THRESHOLD !== x.pair.aligned);
      for (const x of wrong.sort((p, q) => Number(p.pair.aligned) - Number(q.pair.aligned) || q.score - p.score)) {
        console.log(
          `  ${x.pair.aligned ? 'MISSED' : 'FALSE '} ${x.score.toFixed(2)} ${x.pair.kind.padEnd(9)} ${x.pair.a} / ${x.pair.b}` +
            (x.hit ? `  [${x.hit.method}] ${x.hit.evidence}` : ''),
        );
      }
    }
  }
  const required: Array<[CompetencyKind, string, string, boolean]> = [
    ['skill', '分析技能', '分析資訊與數據能力', true],
    ['skill', '溝通和協商技能', '溝通協調能力', true],
    ['skill', '談判技巧', '資訊科技技能', false],
    ['skill', '資訊科技技能', '資訊科技應用能力', true],
  ];
  console.log('\nRequired on the seeds:');
  for (const [kind, a, b, expected] of required) {
    const row = rows.find((x) => x.pair.kind === kind && x.pair.a === a && x.pair.b === b);
    const score = row?.score ?? 0;
    const ok = score >= DEFAULT_ALIGN_THRESHOLD === expected;
    console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${a} ${expected ? 'aligns with' : 'does not align with'} ${b} (score ${score.toFixed(2)})`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
