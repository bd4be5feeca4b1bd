import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { careerPath, keyCompetencies, type CareerDocument, type DocumentEdge } from '../../../src/analysis/career-path.js';

const doc = (code: string, competencyIds: string[], level = 3, taskIds?: Record<string, string[]>): CareerDocument => ({
  code,
  name: code,
  level,
  competencyIds,
  ...(taskIds ? { taskIds: new Map(Object.entries(taskIds)) } : {}),
});

describe('careerPath', () => {
  // A -> B -> C climbs one level at a time, each keeping most of what was learnt; D is two levels up.
  const documents = [
    doc('A', ['k1', 'k2', 'k3', 'k4'], 2),
    doc('B', ['k2', 'k3', 'k4', 'k5'], 3),
    doc('C', ['k3', 'k4', 'k5', 'k6'], 4),
    doc('D', ['k1', 'k2', 'k3', 'k4', 'k9'], 4),
    doc('E', ['z1', 'z2'], 3),
  ];
  const edges: DocumentEdge[] = [
    { from: 'A', to: 'B' },
    { from: 'B', to: 'C' },
    { from: 'B', to: 'D' },
    { from: 'A', to: 'E' },
  ];

  it('moves through viable hops, each measured as the share of the next K/S the previous one meets', () => {
    const path = careerPath({ from: 'A', to: 'C', edges, documents });
    expect(path?.steps.map((s) => [s.document.code, s.similarity, s.levelStep, s.newCompetencyIds])).toEqual([
      ['A', null, null, ['k1', 'k2', 'k3', 'k4']],
      ['B', 0.75, 1, ['k5']],
      ['C', 0.75, 1, ['k6']],
    ]);
    expect(path?.totalCost).toBeCloseTo(0.5);
  });

  it('refuses a move more than maxLevelStep up, however similar: A to D (two levels) goes through B', () => {
    // Directly, A meets 4 of D's 5 (0.8), but D is two levels above A.
    const path = careerPath({ from: 'A', to: 'D', edges, documents });
    expect(path?.steps.map((s) => s.document.code)).toEqual(['A', 'B', 'D']);
    expect(careerPath({ from: 'A', to: 'D', edges, documents, maxLevelStep: 2 })?.steps.map((s) => s.document.code)).toEqual(['A', 'D']);
  });

  it('is asymmetric and refuses moves below minSimilarity', () => {
    // B meets 3 of A's 4; a holder of the broader set is not assumed to hold what is missing.
    expect(careerPath({ from: 'B', to: 'A', edges, documents })?.steps[1]?.similarity).toBe(0.75);
    expect(careerPath({ from: 'A', to: 'E', edges, documents })).toBeNull();
    expect(careerPath({ from: 'A', to: 'C', edges, documents, minSimilarity: 0.8 })).toBeNull();
  });

  it('counts a narrower or equivalent competency of the previous standard as met, and a broader one as new', () => {
    const docs = [doc('P', ['narrow', 'x']), doc('Q', ['broad', 'x']), doc('R', ['narrow2', 'x'])];
    const similarity = [
      { a: 'broad', b: 'narrow', score: 0.8, directed: true },
      { a: 'broad', b: 'narrow2', score: 0.8, directed: true },
    ];
    expect(careerPath({ from: 'P', to: 'Q', edges: [], documents: docs, similarity, minScore: 0.5 })?.steps[1]?.newCompetencyIds).toEqual([]);
    // Q holds only the broader wording of R's narrow2.
    expect(careerPath({ from: 'Q', to: 'R', edges: [], documents: docs, similarity, minScore: 0.5 })?.steps[1]?.newCompetencyIds).toEqual(['narrow2']);
  });

  it('names the few new competencies the most tasks of the next standard need', () => {
    const docs = [
      doc('From', ['a', 'b', 'c']),
      doc('To', ['a', 'b', 'n1', 'n2', 'n3', 'n4'], 3, { n1: ['t1'], n2: ['t1', 't2', 't3'], n3: [], n4: ['t2', 't3'] }),
    ];
    const path = careerPath({ from: 'From', to: 'To', edges: [], documents: docs, keyLimit: 2 });
    expect(path?.steps[1]?.keyCompetencies).toEqual([
      { competencyId: 'n2', taskIds: ['t1', 't2', 't3'] },
      { competencyId: 'n4', taskIds: ['t2', 't3'] },
    ]);
    expect(path?.steps[1]?.newCompetencyIds).toEqual(['n1', 'n2', 'n3', 'n4']);
    expect(keyCompetencies(['n1', 'n3'], new Map([['n1', ['t1']]]), 5)).toEqual([{ competencyId: 'n1', taskIds: ['t1'] }]);
  });

  it('returns null for an unknown document, and one step from a document to itself', () => {
    expect(careerPath({ from: 'A', to: 'X', edges, documents })).toBeNull();
    expect(careerPath({ from: 'A', to: 'A', edges, documents })?.steps.map((s) => s.document.code)).toEqual(['A']);
  });

  it('matches an exhaustive search for the cheapest viable chain within maxHops', () => {
    const nodes = ['A', 'B', 'C', 'D', 'E', 'F'];
    const pool = ['k1', 'k2', 'k3', 'k4', 'k5'];
    const arb = fc.record({
      sets: fc.array(fc.subarray(pool, { minLength: 1 }), { minLength: 6, maxLength: 6 }),
      levels: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 6, maxLength: 6 }),
      edges: fc.array(fc.record({ from: fc.constantFrom(...nodes), to: fc.constantFrom(...nodes) }), { maxLength: 10 }),
      maxHops: fc.integer({ min: 1, max: 4 }),
    });
    fc.assert(
      fc.property(arb, ({ sets, levels, edges: es, maxHops }) => {
        const docs = nodes.map((n, i) => doc(n, sets[i] as string[], levels[i] as number));
        const path = careerPath({ from: 'A', to: 'F', edges: es, documents: docs, maxHops });
        const byCode = new Map(docs.map((d) => [d.code, d]));
        const sim = (u: string, v: string) => {
          const own = new Set(byCode.get(u)!.competencyIds);
          const theirs = byCode.get(v)!.competencyIds;
          return theirs.filter((c) => own.has(c)).length / theirs.length;
        };
        const moves = new Set([...es.flatMap((e) => [`${e.from}>${e.to}`, `${e.to}>${e.from}`]), 'A>F']);
        let best = Infinity;
        const walk = (node: string, cost: number, hops: number): void => {
          if (node === 'F') best = Math.min(best, cost);
          if (hops === maxHops) return;
          for (const next of nodes) {
            if (next === node || !moves.has(`${node}>${next}`)) continue;
            const s = sim(node, next);
            if (s < 0.3 || s === 0 || byCode.get(next)!.level - byCode.get(node)!.level > 1) continue;
            walk(next, cost + 1 - s, hops + 1);
          }
        };
        walk('A', 0, 0);
        if (best === Infinity) expect(path).toBeNull();
        else expect(path?.totalCost).toBeCloseTo(best, 6);
        for (const s of path?.steps.slice(1) ?? []) {
          expect(s.similarity).toBeGreaterThanOrEqual(0.3);
          expect(s.levelStep).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
