import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { learningPath, type CandidateDocument, type TargetRequirement } from '../../../src/analysis/learning-path.js';

const req = (id: string, code = id.toUpperCase()): TargetRequirement => ({ competencyId: id, kind: 'skill', code, name: id });
const doc = (code: string, level: number, competencyIds: string[], kind: 'STANDARD' | 'UNIT' = 'UNIT'): CandidateDocument => ({
  code,
  name: code,
  level,
  kind,
  competencyIds,
});

describe('learningPath', () => {
  const requirements = ['a', 'b', 'c', 'd', 'e'].map((x) => req(x));
  const similarity = [
    { a: 'a', b: 'a2', score: 0.8 }, // the learner's a2 meets a
    { a: 'b', b: 'b2', score: 0.4 }, // close to b, not close enough
    { a: 'c', b: 'c3', score: 0.9 },
  ];

  it('finds gaps with the closest held competency, and a greedy cover ordered by level', () => {
    const result = learningPath({
      targetCode: 'T',
      requirements,
      held: ['a2', 'b2', 'x'],
      similarity,
      minScore: 0.5,
      candidates: [
        doc('T', 3, ['a', 'b', 'c', 'd', 'e']), // the target itself is never a step
        doc('U-high', 5, ['b', 'c3', 'd']), // closes b, c (via c3), d
        doc('U-low', 2, ['e']),
        doc('U-dup', 1, ['d']),
      ],
    });
    expect(result.coverageBefore).toBeCloseTo(1 / 5);
    expect(result.gaps.map((g) => g.requirement.competencyId)).toEqual(['b', 'c', 'd', 'e']);
    expect(result.gaps[0]?.closest).toEqual({ competencyId: 'b2', score: 0.4 });
    expect(result.gaps[1]?.closest).toBeNull();
    // Greedy: U-high (3 gaps) first, then U-low (e); U-dup adds nothing. Final order by level.
    expect(result.steps.map((s) => s.document.code)).toEqual(['U-low', 'U-high']);
    expect(result.steps[1]?.closes).toEqual([
      { requirement: requirements[1], competencyId: 'b', score: 1 },
      { requirement: requirements[2], competencyId: 'c3', score: 0.9 },
      { requirement: requirements[3], competencyId: 'd', score: 1 },
    ]);
    expect(result.steps.map((s) => s.coverageAfterStep)).toEqual([2 / 5, 1]);
    expect(result.coverageAfter).toBe(1);
    expect(result.uncovered).toEqual([]);
  });

  it('breaks ties by fewer competencies, then lower level, then code', () => {
    const run = (candidates: CandidateDocument[]) =>
      learningPath({ targetCode: 'T', requirements: [req('a')], held: [], similarity: [], minScore: 0.5, candidates }).steps.map(
        (s) => s.document.code,
      );
    expect(run([doc('B', 3, ['a', 'x', 'y']), doc('A', 3, ['a', 'x'])])).toEqual(['A']);
    expect(run([doc('B', 4, ['a']), doc('A', 5, ['a'])])).toEqual(['B']);
    expect(run([doc('B', 4, ['a']), doc('A', 4, ['a'])])).toEqual(['A']);
  });

  it('reports what nothing covers, and full coverage for a learner who already meets the target', () => {
    const partial = learningPath({
      targetCode: 'T',
      requirements: [req('a'), req('z')],
      held: [],
      similarity: (x, y) => (x === 'a' && y === 'a1' ? 0.7 : 0),
      minScore: 0.5,
      candidates: [doc('U', 2, ['a1'])],
    });
    expect(partial.uncovered.map((r) => r.competencyId)).toEqual(['z']);
    expect(partial.coverageAfter).toBe(0.5);
    const done = learningPath({ targetCode: 'T', requirements: [req('a')], held: ['a'], similarity: [], minScore: 0.5, candidates: [] });
    expect(done).toMatchObject({ coverageBefore: 1, coverageAfter: 1, gaps: [], steps: [], uncovered: [] });
    const empty = learningPath({ targetCode: 'T', requirements: [], held: [], similarity: [], minScore: 0.5, candidates: [] });
    expect(empty.coverageBefore).toBe(1);
  });

  it('keeps pick order within a level', () => {
    const result = learningPath({
      targetCode: 'T',
      requirements: ['a', 'b', 'c'].map((x) => req(x)),
      held: [],
      similarity: [],
      minScore: 0.5,
      candidates: [doc('Z', 2, ['a', 'b']), doc('A', 2, ['c'])],
    });
    expect(result.steps.map((s) => s.document.code)).toEqual(['Z', 'A']);
  });

  it('invariants: steps close disjoint gaps, coverage grows to coverageAfter, uncovered are the rest', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const arb = fc.record({
      required: fc.subarray(ids, { minLength: 1 }),
      held: fc.subarray(ids),
      docs: fc.array(fc.record({ level: fc.integer({ min: 1, max: 6 }), ids: fc.subarray(ids) }), { maxLength: 6 }),
    });
    fc.assert(
      fc.property(arb, ({ required, held, docs }) => {
        const result = learningPath({
          targetCode: 'T',
          requirements: required.map((x) => req(x)),
          held,
          similarity: [],
          minScore: 0.5,
          candidates: docs.map((d, i) => doc(`D${i}`, d.level, d.ids)),
        });
        const closed = result.steps.flatMap((s) => s.closes.map((c) => c.requirement.competencyId));
        expect(new Set(closed).size).toBe(closed.length);
        expect(closed.length + result.uncovered.length).toBe(result.gaps.length);
        let previous = result.coverageBefore;
        for (const s of result.steps) {
          expect(s.coverageAfterStep).toBeGreaterThan(previous);
          previous = s.coverageAfterStep;
        }
        expect(previous).toBeCloseTo(result.coverageAfter);
        const levels = result.steps.map((s) => s.document.level);
        expect([...levels].sort((x, y) => x - y)).toEqual(levels);
        for (const r of result.uncovered) expect(docs.some((d) => d.ids.includes(r.competencyId))).toBe(false);
      }),
    );
  });
});
