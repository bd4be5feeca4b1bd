import cliProgress from 'cli-progress';

/** A progress bar on an interactive terminal when there are many documents; silent otherwise. */
export function importProgress(total: number): { tick(): void; stop(): void } {
  if (total < 10 || !process.stderr.isTTY) return { tick() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { format: 'importing [{bar}] {value}/{total} documents, {eta}s left', stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { tick: () => bar.increment(), stop: () => bar.stop() };
}
