// Guards the measured quality of alignment on the labelled pairs (see `npx tsx src/cli/eval-align.ts`).
import { describe, expect, it } from 'vitest';
import { DEFAULT_ALIGN_THRESHOLD } from '../../../src/analysis/alignment/index.js';
import { count, evaluate, metrics } from '../../../src/cli/eval-align.js';

describe('alignment quality on the labelled pairs', () => {
  const { rows } = evaluate();

  it('keeps precision >= 0.9 and recall >= 0.8 over all labelled pairs at the default threshold', () => {
    const m = metrics(count(rows, DEFAULT_ALIGN_THRESHOLD));
    expect(m.precision).toBeGreaterThanOrEqual(0.9);
    expect(m.recall).toBeGreaterThanOrEqual(0.8);
  });

  it('has a labelled set of at least 150 pairs, each with a reason, split into two halves', () => {
    expect(rows.length).toBeGreaterThanOrEqual(150);
    for (const r of rows) expect(r.pair.reason.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.pair.split === 'tune').length).toBeGreaterThan(rows.length / 3);
    expect(rows.filter((r) => r.pair.split === 'holdout').length).toBeGreaterThan(rows.length / 3);
  });
});
