import { describe, expect, it } from 'vitest';
import { documentResemblance } from '../../../src/analysis/document-resemblance.js';

describe('documentResemblance', () => {
  const documents = [
    { id: 'A', competencyIds: ['k1', 'k2', 's1', 's2'] },
    { id: 'B', competencyIds: ['k1', 'k2', 's1', 's9'] }, // 3 of 4 verbatim with A
    { id: 'C', competencyIds: ['k1', 'x1', 'x2', 'x3'] }, // 1 of 4 with A
    { id: 'D', competencyIds: ['y1', 'y2'] }, // nothing in common
  ];

  it('scores verbatim overlap as a Dice coefficient and keeps unrelated documents apart', () => {
    const result = documentResemblance(documents, [], { minScore: 0.5, neighbours: 5 });
    const of = (a: string, b: string) => result.find((r) => r.a === a && r.b === b)?.similarity;
    expect(of('A', 'B')).toBeCloseTo((3 + 3) / 8, 10);
    expect(of('A', 'C')).toBeCloseTo((1 + 1) / 8, 10);
    expect(result.some((r) => r.a === 'D' || r.b === 'D')).toBe(false);
  });

  it('counts aligned wording by its score, and ignores links below minScore', () => {
    const pairs = [
      { a: 's2', b: 's9', score: 0.8 },
      { a: 'k2', b: 'x1', score: 0.4 },
    ];
    const result = documentResemblance(documents, pairs, { minScore: 0.5, neighbours: 5 });
    const ab = result.find((r) => r.a === 'A' && r.b === 'B')?.similarity;
    expect(ab).toBeCloseTo((3.8 + 3.8) / 8, 10);
    const ac = result.find((r) => r.a === 'A' && r.b === 'C')?.similarity;
    expect(ac).toBeCloseTo(2 / 8, 10);
  });

  it('keeps only the closest neighbours of the documents asked for', () => {
    const result = documentResemblance(documents, [], { minScore: 0.5, neighbours: 1, only: new Set(['C']) });
    expect(result).toEqual([{ a: 'A', b: 'C', similarity: 0.25 }]);
  });
});
