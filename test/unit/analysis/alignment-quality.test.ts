// Guards alignment quality on real wording: the labelled pairs and recall queries drawn from the
// published iCAP catalogue (test/fixtures/alignment/real). The corpus is the labelled names and the
// seeds, so the test runs without the catalogue; `npm run eval:align -- --corpus <dir>` measures on
// the catalogue itself. Floors sit a little under what the current rules measure, so a change that
// loses quality fails here.
import { describe, expect, it } from 'vitest';
import { evaluateAlignment, readLabelledPairs, readRecallQueries } from '../../../src/cli/eval-align.js';

describe('alignment quality on real labelled pairs', () => {
  const { reports, pairs } = evaluateAlignment(null);

  it('keeps equivalents precise and finds most of them', () => {
    expect(reports.all.equivalentPrecision.value).toBeGreaterThanOrEqual(0.93);
    expect(reports.all.equivalentRecall.value).toBeGreaterThanOrEqual(0.75);
  });

  it('gets the direction of broader/narrower right and keeps them mostly right', () => {
    expect(reports.all.specialisationPrecision.value).toBeGreaterThanOrEqual(0.83);
    expect(reports.all.directionAccuracy.value).toBeGreaterThanOrEqual(0.95);
  });

  it('gives no competency more than 15 equivalents', () => {
    const count = new Map<string, number>();
    for (const p of pairs.filter((x) => x.relation === 'equivalent')) for (const id of [p.a, p.b]) count.set(id, (count.get(id) ?? 0) + 1);
    expect(Math.max(...count.values())).toBeLessThanOrEqual(15);
  });

  it('has at least 400 labelled pairs with reasons, split before tuning, and recall queries', () => {
    const labelled = readLabelledPairs();
    expect(labelled.length).toBeGreaterThanOrEqual(400);
    for (const p of labelled) expect(['equivalent', 'narrower', 'broader', 'related', 'different']).toContain(p.label);
    expect(labelled.filter((p) => p.split === 'holdout').length).toBeGreaterThan(labelled.length / 3);
    expect(labelled.filter((p) => p.split === 'tune').length).toBeGreaterThan(labelled.length / 4);
    expect(readRecallQueries().length).toBeGreaterThanOrEqual(40);
  });
});
