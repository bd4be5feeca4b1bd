// `npm run kg -- generate`: writes a deterministic corpus of iCAP documents (standards and units in
// the published text formats) for benchmarks and scale tests; `npm run kg -- import DIR` loads it.
//
//   generate --scale small|national|x5 [--seed S] --out DIR
//   generate --standards N --units M [--seed S] --out DIR
//   ... --vocabulary-from DIR     competency names taken from real documents (see corpus/real-vocabulary.ts)
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CORPUS_SCALES, writeCorpus, type CorpusScale } from '../corpus/index.js';
import { vocabularyFromNames } from '../corpus/real-vocabulary.js';
import type { Vocabulary } from '../corpus/vocabulary.js';
import { readCorpus } from './eval-align.js';

export const GENERATE_USAGE = `usage: npm run kg -- generate (--scale small|national|x5 | --standards N --units M) [--seed S] --out DIR [--force]

  --scale      a named size: ${Object.entries(CORPUS_SCALES)
    .map(([name, size]) => `${name} (${size.standards} standards, ${size.units} units)`)
    .join(', ')}
  --standards  number of 職能基準 (with --units instead of --scale)
  --units      number of 職能單元
  --seed       any whole number; the same seed writes the same files byte for byte (default 1)
  --out        directory to write the .txt files into (created if missing)
  --force      replace the .txt files already in --out
  --vocabulary-from DIR
               take the competency names from the documents in DIR (e.g. a real catalogue) and
               recombine them, instead of the built-in lexicon
`;

function wholeNumber(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) throw new Error(`--${name} must be a whole number ≥ 0 (got "${text}")`);
  return Number(text);
}

export interface GenerateRequest {
  standards: number;
  units: number;
  seed: number;
  outDir: string;
  force: boolean;
  /** A folder of documents whose competency names the corpus uses. */
  vocabularyFrom: string | null;
}

/** Reads the command line of `generate`; throws with a message for the user on a bad argument. */
export function parseGenerateArgs(argv: string[]): GenerateRequest {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      scale: { type: 'string' },
      standards: { type: 'string' },
      units: { type: 'string' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      force: { type: 'boolean', default: false },
      'vocabulary-from': { type: 'string' },
    },
  });
  if (positionals.length > 0) throw new Error(`unexpected argument "${positionals[0]}"`);
  if (!values.out) throw new Error('--out DIR is required');
  const standards = wholeNumber('standards', values.standards);
  const units = wholeNumber('units', values.units);
  let size: { standards: number; units: number };
  if (values.scale !== undefined) {
    if (standards !== undefined || units !== undefined) throw new Error('give either --scale or --standards/--units, not both');
    if (!Object.hasOwn(CORPUS_SCALES, values.scale)) {
      throw new Error(`--scale must be one of ${Object.keys(CORPUS_SCALES).join(', ')} (got "${values.scale}")`);
    }
    size = CORPUS_SCALES[values.scale as CorpusScale];
  } else {
    if (standards === undefined && units === undefined) throw new Error('give --scale, or --standards and/or --units');
    size = { standards: standards ?? 0, units: units ?? 0 };
  }
  const vocabularyFrom = values['vocabulary-from'] ? path.resolve(values['vocabulary-from']) : null;
  if (vocabularyFrom && !fs.existsSync(vocabularyFrom)) throw new Error(`--vocabulary-from: no such directory ${vocabularyFrom}`);
  return { ...size, seed: wholeNumber('seed', values.seed)!, outDir: path.resolve(values.out), force: values.force ?? false, vocabularyFrom };
}

/** The competency names of the documents in `dir`, recombined into a corpus vocabulary. */
function realVocabulary(dir: string, seed: number): Vocabulary {
  const { competencies, documents } = readCorpus(dir);
  const names = [...competencies.values()]
    .filter((c) => c.kind !== 'attitude')
    .map((c) => ({ kind: c.kind as 'knowledge' | 'skill', name: c.name, documents: c.documents?.length ?? 1 }));
  const vocabulary = vocabularyFromNames(names, { seed });
  console.log(`vocabulary: ${names.length} names from ${documents} documents in ${dir}, ${vocabulary.competencies.length} with recombinations`);
  return vocabulary;
}

/** Runs `generate`; returns the process exit code. */
export async function runGenerate(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(GENERATE_USAGE);
    return 0;
  }
  let request: GenerateRequest;
  try {
    request = parseGenerateArgs(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${GENERATE_USAGE}`);
    return 1;
  }
  const existing = fs.existsSync(request.outDir) ? fs.readdirSync(request.outDir).filter((file) => file.endsWith('.txt')) : [];
  if (existing.length > 0) {
    if (!request.force) {
      console.error(`${request.outDir} already holds ${existing.length} .txt file(s); pass --force to replace them, or choose another --out.`);
      return 1;
    }
    for (const file of existing) fs.rmSync(path.join(request.outDir, file));
  }
  const started = performance.now();
  const vocabulary = request.vocabularyFrom ? realVocabulary(request.vocabularyFrom, request.seed) : undefined;
  const result = await writeCorpus({ standards: request.standards, units: request.units, seed: request.seed, outDir: request.outDir, vocabulary });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `wrote ${result.standards} standard(s) and ${result.units} unit(s) (${(result.bytes / 2 ** 20).toFixed(1)} MB, seed ${request.seed}) ` +
      `to ${request.outDir} in ${seconds.toFixed(1)} s`,
  );
  console.log(`import them with: npm run kg -- import ${path.relative(process.cwd(), request.outDir) || '.'}`);
  return 0;
}
