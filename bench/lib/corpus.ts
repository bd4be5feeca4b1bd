// The benchmark's corpus on disk (bench/corpus/<scale>-seed<N>/), generated once and reused while
// neither the scale, the seed nor the generator's source changes.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CORPUS_SCALES, writeCorpus, type CorpusScale } from '../../src/corpus/index.js';
import { PROJECT_ROOT } from '../../src/paths.js';

export type { CorpusScale };

const MARKER = '.complete.json';

/** A digest of the generator's source and data: a change to either means a new corpus. */
function generatorDigest(): string {
  const hash = createHash('sha256');
  for (const dir of ['src/corpus', 'seed/taxonomy']) {
    const full = path.join(PROJECT_ROOT, dir);
    for (const file of fs.readdirSync(full).sort()) hash.update(file).update(fs.readFileSync(path.join(full, file)));
  }
  return hash.digest('hex');
}

export interface BenchCorpus {
  dir: string;
  standards: number;
  units: number;
  /** Seconds spent generating; 0 when the corpus on disk was reused. */
  generatedSeconds: number;
}

export async function ensureCorpus(root: string, scale: CorpusScale, seed: number, log: (line: string) => void): Promise<BenchCorpus> {
  const size = CORPUS_SCALES[scale];
  const dir = path.join(root, `${scale}-seed${seed}`);
  const digest = generatorDigest();
  const markerFile = path.join(dir, MARKER);
  if (fs.existsSync(markerFile)) {
    const marker = JSON.parse(fs.readFileSync(markerFile, 'utf8')) as { digest: string };
    if (marker.digest === digest) return { dir, ...size, generatedSeconds: 0 };
  }
  fs.rmSync(dir, { recursive: true, force: true });
  log(`corpus: generating ${size.standards} standards and ${size.units} units (seed ${seed})`);
  const started = performance.now();
  const result = await writeCorpus({ ...size, seed, outDir: dir });
  const seconds = (performance.now() - started) / 1000;
  fs.writeFileSync(markerFile, JSON.stringify({ digest, scale, seed, ...result, seconds }, null, 2));
  log(`corpus: ${result.files} files, ${(result.bytes / 2 ** 20).toFixed(1)} MB in ${seconds.toFixed(1)} s`);
  return { dir, ...size, generatedSeconds: seconds };
}
