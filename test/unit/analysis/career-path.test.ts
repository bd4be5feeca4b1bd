import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { careerPath, type CareerDocument, type DocumentEdge } from '../../../src/analysis/career-path.js';

const doc = (code: string, competencyIds: string[], level = 3): CareerDocument => ({ code, name: code, level, competencyIds });

describe('careerPath', () => {
  const documents = [doc('A', ['k1', 'k2']), doc('B', ['k2', 'k3']), doc('C', ['k3', 'k4']), doc('D', ['k4', 'k5']), doc('E', ['k9'])];
  const edges: DocumentEdge[] = [
    { from: 'A', to: 'B', similarity: 0.9 },
    { from: 'B', to: 'C', similarity: 0.9 },
    { from: 'C', to: 'D', similarity: 0.9 }, // A-B-C-D costs 0.3
    { from: 'A', to: 'D', similarity: 0.5 }, // direct costs 0.5
    { from: 'D', to: 'E', similarity: 0.2 },
  ];

  it('takes the cheapest chain and says what is new at each step', () => {
    const path = careerPath({ from: 'A', to: 'D', edges, documents });
    expect(path?.steps.map((s) => s.document.code)).toEqual(['A', 'B', 'C', 'D']);
    expect(path?.totalCost).toBeCloseTo(0.3);
    expect(path?.hops).toBe(3);
    expect(path?.steps.map((s) => s.newCompetencyIds)).toEqual([['k1', 'k2'], ['k3'], ['k4'], ['k5']]);
    expect(path?.steps.map((s) => s.similarity)).toEqual([null, 0.9, 0.9, 0.9]);
  });

  it('respects maxHops, and edges work both ways', () => {
    const short = careerPath({ from: 'A', to: 'D', edges, documents, maxHops: 2 });
    expect(short?.steps.map((s) => s.document.code)).toEqual(['A', 'D']);
    expect(short?.totalCost).toBeCloseTo(0.5);
    expect(careerPath({ from: 'D', to: 'A', edges, documents })?.steps.map((s) => s.document.code)).toEqual(['D', 'C', 'B', 'A']);
  });

  it('returns null when there is no chain or a document is unknown, and one step from a document to itself', () => {
    expect(careerPath({ from: 'A', to: 'E', edges, documents, maxHops: 1 })).toBeNull();
    expect(careerPath({ from: 'A', to: 'X', edges, documents })).toBeNull();
    expect(careerPath({ from: 'A', to: 'A', edges, documents })?.steps.map((s) => s.document.code)).toEqual(['A']);
  });

  it('treats aligned competencies as not new when given a similarity', () => {
    const path = careerPath({
      from: 'A',
      to: 'B',
      edges,
      documents,
      similarity: [{ a: 'k1', b: 'k3', score: 0.7 }],
      minScore: 0.5,
    });
    expect(path?.steps[1]?.newCompetencyIds).toEqual([]);
  });

  it('matches an exhaustive search for the cheapest chain within maxHops', () => {
    const nodes = ['A', 'B', 'C', 'D', 'E', 'F'];
    const arb = fc.record({
      edges: fc.array(
        fc.record({ from: fc.constantFrom(...nodes), to: fc.constantFrom(...nodes), similarity: fc.integer({ min: 1, max: 10 }).map((x) => x / 10) }),
        { maxLength: 12 },
      ),
      maxHops: fc.integer({ min: 1, max: 4 }),
    });
    fc.assert(
      fc.property(arb, ({ edges: es, maxHops }) => {
        const docs = nodes.map((n) => doc(n, [n]));
        const path = careerPath({ from: 'A', to: 'F', edges: es, documents: docs, maxHops });
        // Exhaustive: every walk of at most maxHops edges.
        let best = Infinity;
        const walk = (node: string, cost: number, hops: number): void => {
          if (node === 'F') best = Math.min(best, cost);
          if (hops === maxHops) return;
          for (const e of es) {
            if (e.from === e.to) continue;
            if (e.from === node) walk(e.to, cost + 1 - e.similarity, hops + 1);
            if (e.to === node) walk(e.from, cost + 1 - e.similarity, hops + 1);
          }
        };
        walk('A', 0, 0);
        if (best === Infinity) expect(path).toBeNull();
        else expect(path?.totalCost).toBeCloseTo(best, 6);
      }),
    );
  });
});
