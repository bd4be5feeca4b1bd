// Latency and throughput of one request function at a fixed concurrency: a fixed number of
// requests shared by `concurrency` workers, and the figures of several such samples.

export interface Sample {
  /** Latency of every measured request, in milliseconds, in completion order. */
  latencies: number[];
  /** Wall-clock time of the measured part, in milliseconds. */
  wallMs: number;
  errors: number;
  firstError: string | null;
}

export interface Figures {
  p50Ms: number;
  p99Ms: number;
  rps: number;
  /** p50 with one request at a time (no queueing behind the other requests in flight). */
  p50SerialMs?: number;
}

/** The q-quantile (0..1) of a list of numbers, nearest-rank on a sorted copy. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs `count` calls of `request` with `concurrency` workers and records each call's latency. */
export async function runConcurrent(
  request: () => Promise<unknown>,
  count: number,
  concurrency: number,
  /** Stop sending once this long has passed, even if fewer than `count` were sent (warm-ups). */
  maxMs = Infinity,
): Promise<Sample> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count && performance.now() - started < maxMs) {
      next += 1;
      const t0 = performance.now();
      try {
        await request();
        latencies.push(performance.now() - t0);
      } catch (error) {
        errors += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker));
  return { latencies, wallMs: performance.now() - started, errors, firstError };
}

/**
 * Figures of several samples of the same thing taken in rounds: latency quantiles over all
 * requests, throughput as the median of the rounds' throughputs (robust to one noisy round).
 */
export function summarise(samples: readonly Sample[]): Figures {
  const latencies = samples.flatMap((s) => s.latencies);
  const rates = samples.filter((s) => s.wallMs > 0).map((s) => (s.latencies.length / s.wallMs) * 1000);
  return {
    p50Ms: round(quantile(latencies, 0.5), 2),
    p99Ms: round(quantile(latencies, 0.99), 2),
    rps: round(median(rates), 1),
  };
}

export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
