import cliProgress from 'cli-progress';
import type { PipelineProgress } from '../pipeline/import-pipeline.js';

/**
 * A progress bar for an import on an interactive terminal when there are many documents: documents
 * written, then the alignment of what they brought. Silent otherwise.
 */
export function importProgress(total: number): { update(progress: PipelineProgress): void; stop(): void } {
  if (total < 10 || !process.stderr.isTTY) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { format: '{stage} [{bar}] {value}/{total} documents, {eta}s left', stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { stage: 'importing' });
  return {
    update: (p) => bar.update(p.done, { stage: p.stage === 'ALIGNING' ? 'aligning what changed' : 'importing' }),
    stop: () => bar.stop(),
  };
}
