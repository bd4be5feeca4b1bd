import { describe, expect, it } from 'vitest';
import { groupCompetencies, overlapMatrix, sharedGroups, type Occurrence } from '../../../src/analysis/shared-competencies.js';

const occ = (document: string, code: string, competencyId: string): Occurrence => ({
  document,
  code,
  competencyId,
  kind: 'skill',
  taskIds: [],
});

// Three documents. A and B both require 溝通協調能力 verbatim; C words it 溝通和協商技能 (0.7 to it).
// 研究能力 is A's alone; 談判技巧 (B) and 協商技巧 (C) are linked at 0.45.
const occurrences = [
  occ('A', 'S01', 'skill:溝通協調能力'),
  occ('A', 'S02', 'skill:研究能力'),
  occ('B', 'S04', 'skill:溝通協調能力'),
  occ('B', 'S07', 'skill:談判技巧'),
  occ('C', 'S02', 'skill:溝通和協商技能'),
  occ('C', 'S05', 'skill:協商技巧'),
];
const edges = [
  { a: 'skill:溝通和協商技能', b: 'skill:溝通協調能力', score: 0.7 },
  { a: 'skill:協商技巧', b: 'skill:談判技巧', score: 0.45 },
  { a: 'skill:研究能力', b: 'skill:其他', score: 0.9 }, // the other end is not required here: ignored
];

describe('groupCompetencies', () => {
  it('with minScore 1 shares only the very same competency', () => {
    const shared = sharedGroups(groupCompetencies(occurrences, edges, 1));
    expect(shared).toHaveLength(1);
    expect(shared[0]).toMatchObject({ score: 1, competencyIds: ['skill:溝通協調能力'], documents: ['A', 'B'] });
    expect(shared[0]?.occurrences.map((o) => `${o.document}:${o.code}`)).toEqual(['A:S01', 'B:S04']);
  });

  it('below 1 joins aligned wording, scored by the weakest link, most documents first', () => {
    const shared = sharedGroups(groupCompetencies(occurrences, edges, 0.4));
    expect(shared.map((g) => [g.competencyIds, g.documents, g.score])).toEqual([
      [['skill:溝通協調能力', 'skill:溝通和協商技能'], ['A', 'B', 'C'], 0.7],
      [['skill:談判技巧', 'skill:協商技巧'], ['B', 'C'], 0.45],
    ]);
  });

  it('leaves out links under minScore', () => {
    const shared = sharedGroups(groupCompetencies(occurrences, edges, 0.5));
    expect(shared.map((g) => g.documents)).toEqual([['A', 'B', 'C']]);
  });

  it('takes the bottleneck of the strongest chain, not of every edge', () => {
    const chain = [occ('X', 'S1', 'a'), occ('Y', 'S1', 'b'), occ('Z', 'S1', 'c')];
    const links = [
      { a: 'a', b: 'b', score: 0.9 },
      { a: 'b', b: 'c', score: 0.8 },
      { a: 'a', b: 'c', score: 0.5 }, // redundant weaker link
    ];
    expect(groupCompetencies(chain, links, 0.5)[0]?.score).toBe(0.8);
  });
});

describe('overlapMatrix', () => {
  it('counts shared groups per pair with a Jaccard index', () => {
    const groups = groupCompetencies(occurrences, edges, 0.4);
    // Groups: {溝通…} in A,B,C; {研究能力} in A; {談判/協商} in B,C.
    expect(overlapMatrix(['A', 'B', 'C'], groups)).toEqual([
      { a: 'A', b: 'B', shared: 1, similarity: 1 / 3 },
      { a: 'A', b: 'C', shared: 1, similarity: 1 / 3 },
      { a: 'B', b: 'C', shared: 2, similarity: 1 },
    ]);
  });
});
