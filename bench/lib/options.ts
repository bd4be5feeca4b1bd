// Command-line values the bench scripts share: counts, durations and the choice of corpus.
import fs from 'node:fs';
import path from 'node:path';
import { CORPUS_SCALES, type CorpusScale } from '../../src/corpus/index.js';
import type { CorpusChoice } from './loaded-graph.js';

export function positiveInteger(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer (got ${text})`);
  return value;
}

export function positiveNumber(name: string, text: string): number {
  const value = Number(text);
  if (!(value > 0)) throw new Error(`--${name} must be a positive number (got ${text})`);
  return value;
}

/**
 * --corpus <dir> or --scale (alternatives; `defaultScale` when neither is given), --seed and
 * --heap, checked.
 */
export function corpusChoiceOf(
  values: { corpus?: string; scale?: string; seed: string; heap: string },
  defaultScale: CorpusScale,
  reuse: boolean,
): CorpusChoice {
  const scale = (values.scale ?? defaultScale) as CorpusScale;
  if (!Object.hasOwn(CORPUS_SCALES, scale)) throw new Error(`--scale must be small, national or x5 (got ${scale})`);
  const corpus = values.corpus ? path.resolve(values.corpus) : null;
  if (corpus && !fs.existsSync(corpus)) throw new Error(`--corpus: no such folder: ${corpus}`);
  if (corpus && values.scale) throw new Error('--corpus and --scale are alternatives: give one');
  return { corpus, scale, seed: positiveInteger('seed', values.seed), heap: values.heap, reuse };
}
