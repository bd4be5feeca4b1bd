// A deterministic corpus of iCAP documents for benchmarks and scale tests: standards and units in the
// two published text formats, with unique codes, classifications from the taxonomy, a shared
// competency vocabulary and page breaks. A seed fixes the output byte for byte.
//
// Documents are produced one at a time (an iterator), so a large corpus never has to be in memory.
// Each document's content depends only on the seed, its kind and its position, and its code on the
// documents before it, so the first N documents of a larger corpus are the N documents of a smaller one.

import fs from 'node:fs';
import path from 'node:path';
import type { ParsedDocument } from '../ingest/document.js';
import { buildClassification, readCorpusTaxonomy, type CorpusTaxonomy } from './classification.js';
import { CodeAllocator } from './code-allocator.js';
import { hashSeed, Random } from './random.js';
import { generateStandard, type LayoutStats } from './standard-document.js';
import { generateUnit } from './unit-document.js';
import type { Vocabulary } from './vocabulary.js';

export interface CorpusOptions {
  /** Number of 職能基準. */
  standards: number;
  /** Number of 職能單元. */
  units: number;
  seed: number;
  /** Classification data; read from seed/taxonomy when not given. */
  taxonomy?: CorpusTaxonomy;
  /** Competency names to draw from; the built-in lexicon's when not given (see real-vocabulary.ts). */
  vocabulary?: Vocabulary;
}

export interface GeneratedDocument {
  /** `standard-BLM2421-007v4.txt`, `unit-BGM5R0167v2.txt`. */
  fileName: string;
  text: string;
  /** The document's content as the parser should read it back. */
  expected: ParsedDocument;
  layout: LayoutStats;
}

/** Named corpus sizes. `national` is about the size of the published catalogue. */
export const CORPUS_SCALES = {
  small: { standards: 100, units: 300 },
  national: { standards: 1_000, units: 3_000 },
  x5: { standards: 5_000, units: 15_000 },
} as const satisfies Record<string, { standards: number; units: number }>;

export type CorpusScale = keyof typeof CORPUS_SCALES;

function checkCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`corpus: ${name} must be a whole number ≥ 0; got ${value}`);
}

/** The documents of a corpus: all standards, then all units. */
export function* generateCorpus(options: CorpusOptions): Generator<GeneratedDocument, void, undefined> {
  checkCount('standards', options.standards);
  checkCount('units', options.units);
  if (!Number.isFinite(options.seed)) throw new RangeError(`corpus: seed must be a number; got ${options.seed}`);
  const seed = options.seed >>> 0;
  const allocator = new CodeAllocator(buildClassification(options.taxonomy ?? readCorpusTaxonomy()), seed);
  for (let i = 0; i < options.standards; i += 1) {
    const identity = allocator.nextStandard();
    const { expected, text, layout } = generateStandard(identity, new Random(hashSeed(seed, 'standard', i)), options.vocabulary);
    yield { fileName: `standard-${expected.code}.txt`, text, expected, layout };
  }
  for (let i = 0; i < options.units; i += 1) {
    const identity = allocator.nextUnit();
    const { expected, text, layout } = generateUnit(identity, new Random(hashSeed(seed, 'unit', i)), options.vocabulary);
    yield { fileName: `unit-${expected.code}.txt`, text, expected, layout };
  }
}

export interface WriteCorpusResult {
  outDir: string;
  standards: number;
  units: number;
  files: number;
  bytes: number;
}

/** Writes a corpus into `outDir` (created if missing), one file per document. */
export async function writeCorpus(options: CorpusOptions & { outDir: string }): Promise<WriteCorpusResult> {
  await fs.promises.mkdir(options.outDir, { recursive: true });
  const result: WriteCorpusResult = { outDir: options.outDir, standards: 0, units: 0, files: 0, bytes: 0 };
  const pending: Promise<void>[] = [];
  for (const document of generateCorpus(options)) {
    const data = Buffer.from(document.text, 'utf8');
    pending.push(fs.promises.writeFile(path.join(options.outDir, document.fileName), data));
    if (document.expected.kind === 'STANDARD') result.standards += 1;
    else result.units += 1;
    result.files += 1;
    result.bytes += data.length;
    // A bounded number of writes in flight: streaming, without holding the whole corpus.
    if (pending.length >= 64) await Promise.all(pending.splice(0));
  }
  await Promise.all(pending);
  return result;
}
