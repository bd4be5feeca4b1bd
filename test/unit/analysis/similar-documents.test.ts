import { describe, expect, it } from 'vitest';
import { rankSimilarDocuments } from '../../../src/analysis/similar-documents.js';

describe('rankSimilarDocuments', () => {
  // The document asked about requires a common skill (required by all 10 documents) and a rare one (2).
  const own = [
    { competencyId: 'common', documents: 10 },
    { competencyId: 'rare', documents: 2 },
  ];
  const total = 10;
  const wCommon = Math.log(1 + 10 / 10);
  const wRare = Math.log(1 + 10 / 2);

  it('weights rare competencies above common ones and uses the best match per competency', () => {
    const ranked = rankSimilarDocuments(
      own,
      [
        { document: 'X', competencyId: 'common', matchedById: 'common', score: 1 },
        { document: 'Y', competencyId: 'rare', matchedById: 'rare-variant', score: 0.6 },
        { document: 'Y', competencyId: 'rare', matchedById: 'rare', score: 1 },
      ],
      total,
    );
    expect(ranked.map((r) => r.document)).toEqual(['Y', 'X']);
    expect(ranked[0]?.score).toBeCloseTo(wRare / (wCommon + wRare), 10);
    expect(ranked[0]?.shared).toEqual([{ competencyId: 'rare', matchedById: 'rare', score: 1 }]);
    expect(ranked[1]?.score).toBeCloseTo(wCommon / (wCommon + wRare), 10);
  });

  it('scales by similarity and lists the strongest shared competency first', () => {
    const [z] = rankSimilarDocuments(
      own,
      [
        { document: 'Z', competencyId: 'common', matchedById: 'common', score: 1 },
        { document: 'Z', competencyId: 'rare', matchedById: 'rare-variant', score: 0.5 },
      ],
      total,
    );
    expect(z?.score).toBeCloseTo((wCommon + 0.5 * wRare) / (wCommon + wRare), 10);
    expect(z?.shared.map((s) => s.competencyId)).toEqual(['rare', 'common']); // 0.5·ln6 > 1·ln2
  });

  it('returns nothing for a document without competencies', () => {
    expect(rankSimilarDocuments([], [], 5)).toEqual([]);
  });
});
