import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  gapClosers,
  learningPath,
  type CandidateDocument,
  type CandidateTask,
  type LearningPathInput,
  type TargetRequirement,
} from '../../../src/analysis/learning-path.js';

const req = (id: string, taskIds: string[] = [], kind = 'skill'): TargetRequirement => ({ competencyId: id, kind, code: id.toUpperCase(), name: id, taskIds });
const unit = (code: string, level: number, competencyIds: string[]): CandidateDocument => ({ code, name: code, level, kind: 'UNIT', competencyIds });
const task = (code: string, level: number, competencyIds: string[]): CandidateTask => ({ id: `${code}`, code: code.split(':')[1] ?? code, name: code, level, competencyIds });
const standard = (code: string, level: number, tasks: CandidateTask[]): CandidateDocument => ({
  code,
  name: code,
  level,
  kind: 'STANDARD',
  competencyIds: [...new Set(tasks.flatMap((t) => t.competencyIds))],
  tasks,
});
const plan = (input: Partial<LearningPathInput> & Pick<LearningPathInput, 'requirements' | 'candidates'>) =>
  learningPath({ targetCode: 'T', held: [], similarity: [], minScore: 0.5, ...input });

describe('learningPath: where the learner stands', () => {
  it('counts a narrower held competency as holding the broader requirement, not the reverse; related never holds', () => {
    // 溝通協調能力 (broad) and 客戶溝通協調 (narrow): b narrower than a is a directed pair a <- b.
    const similarity = [{ a: 'broad', b: 'narrow', score: 0.8, directed: true }];
    const partial = [{ a: 'print-a', b: 'print-b', score: 0.7, relation: 'related' as const }];
    const holdsNarrow = plan({ requirements: [req('broad')], held: ['narrow'], similarity, candidates: [] });
    expect(holdsNarrow.requirements[0]).toMatchObject({ status: 'held', match: { competencyId: 'narrow', relation: 'narrower' } });
    expect(holdsNarrow.coverageBefore).toBe(1);

    const holdsBroad = plan({ requirements: [req('narrow')], held: ['broad'], similarity, candidates: [] });
    expect(holdsBroad.coverageBefore).toBe(0);
    expect(holdsBroad.gaps).toEqual([{ requirement: req('narrow'), status: 'partial', closest: { competencyId: 'broad', score: 0.8, relation: 'broader' } }]);

    const holdsRelated = plan({ requirements: [req('print-a')], held: ['print-b'], similarity, partial, candidates: [unit('U', 2, ['print-b'])] });
    expect(holdsRelated.gaps[0]).toMatchObject({ status: 'partial', closest: { competencyId: 'print-b', relation: 'related' } });
    // A document teaching only the related wording closes nothing.
    expect(holdsRelated.steps).toEqual([]);
    expect(holdsRelated.uncovered.map((u) => [u.competencyId, u.reason])).toEqual([['print-a', 'NOT_TAUGHT']]);
  });

  it('names the same closest wording whatever order the relations come in: of equal scores, the lower id', () => {
    const partial = [
      { a: 'audit', b: 'audit-skill', score: 0.7, relation: 'related' as const },
      { a: 'audit', b: 'audit-ability', score: 0.7, relation: 'related' as const },
    ];
    for (const order of [partial, [...partial].reverse()]) {
      const result = plan({ requirements: [req('audit')], held: ['audit-skill', 'audit-ability'], partial: order, candidates: [] });
      expect(result.gaps[0]?.closest).toEqual({ competencyId: 'audit-ability', score: 0.7, relation: 'related' });
    }
  });

  it('treats an equivalent below minScore as partly held, and at minScore as held', () => {
    const similarity = [{ a: 'x', b: 'x2', score: 0.4 }];
    expect(plan({ requirements: [req('x')], held: ['x2'], similarity, candidates: [] }).gaps[0]?.status).toBe('partial');
    expect(plan({ requirements: [req('x')], held: ['x2'], similarity, minScore: 0.4, candidates: [] }).gaps).toEqual([]);
  });

  it('groups K/S by the target task and gives readiness as the share of tasks fully held', () => {
    // c-narrow is a specialisation of c: holding it holds c.
    const similarity = [{ a: 'c', b: 'c-narrow', score: 0.9, directed: true }];
    const result = plan({
      requirements: [req('a', ['t1', 't2']), req('b', ['t2']), req('c', ['t3']), req('d', ['t3']), req('att', [], 'attitude')],
      tasks: [
        { id: 't1', code: 'T1.1', name: 'one' },
        { id: 't2', code: 'T1.2', name: 'two' },
        { id: 't3', code: 'T2.1', name: 'three' },
      ],
      held: ['a', 'c-narrow'],
      similarity,
      candidates: [],
    });
    expect(result.tasks.map((t) => [t.task.code, t.ready, t.held.length, t.partial.length, t.missing.length])).toEqual([
      ['T1.1', true, 1, 0, 0],
      ['T1.2', false, 1, 0, 1],
      ['T2.1', false, 1, 0, 1],
    ]);
    expect(result.readinessBefore).toBeCloseTo(1 / 3);
    // Attitudes are neither gaps nor counted in coverage: 2 of the 4 K/S are held.
    expect(result.coverageBefore).toBe(0.5);
    expect(result.gaps.map((g) => g.requirement.competencyId)).toEqual(['b', 'd']);
    expect(result.dispositions).toEqual([{ requirement: req('att', [], 'attitude'), held: false }]);
  });

  it('gives no readiness when the target ties no K/S to tasks (a unit)', () => {
    const result = plan({ requirements: [req('a')], tasks: [{ id: 't1', code: 'T1', name: 'x' }], candidates: [] });
    expect(result.readinessBefore).toBeNull();
    expect(result.tasks).toEqual([]);
  });
});

describe('learningPath: choosing steps', () => {
  const requirements = ['a', 'b', 'c', 'd'].map((x) => req(x, ['t1']));

  it('takes only steps of which at least minRelevance serves the target', () => {
    // W teaches a and b but eight other things: relevance 2/10.
    const wide = unit('W', 3, ['a', 'b', 'x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7', 'x8']);
    const result = plan({ requirements, candidates: [wide] });
    expect(result.steps).toEqual([]);
    expect(result.uncovered.map((u) => [u.competencyId, u.reason])).toEqual([
      ['a', 'NO_RELEVANT_STEP'],
      ['b', 'NO_RELEVANT_STEP'],
      ['c', 'NOT_TAUGHT'],
      ['d', 'NOT_TAUGHT'],
    ]);
    const lower = plan({ requirements, candidates: [wide], minRelevance: 0.2 });
    expect(lower.steps.map((s) => [s.document.code, s.relevance])).toEqual([['W', 0.2]]);
  });

  it('counts requirements the learner already holds as relevant, and never steps above the target level', () => {
    const result = plan({
      requirements,
      targetLevel: 3,
      held: ['a', 'b'],
      candidates: [unit('High', 4, ['c', 'd']), unit('Ok', 3, ['a', 'b', 'c', 'y'])],
    });
    expect(result.steps.map((s) => [s.document.code, s.relevance, s.newItems, s.closes.map((c) => c.requirement.competencyId)])).toEqual([
      ['Ok', 0.75, 2, ['c']],
    ]);
    expect(result.uncovered.map((u) => [u.competencyId, u.reason])).toEqual([['d', 'NO_RELEVANT_STEP']]);
  });

  it('chooses by gaps closed per new item: a focused unit over a wide one that closes one more gap', () => {
    const focused = unit('Focused', 3, ['a', 'b', 'c']);
    const wide = unit('Wide', 3, ['a', 'b', 'c', 'd', 'x1', 'x2', 'x3', 'x4', 'x5', 'x6']);
    const result = plan({ requirements, candidates: [wide, focused] });
    expect(result.steps[0]?.document.code).toBe('Focused');
  });

  it('studies tasks of a standard, grouping those of one standard into one step, and prefers a unit to a standard', () => {
    const s = standard('S', 4, [task('S:T1.1', 2, ['a', 'x']), task('S:T1.2', 3, ['b', 'y']), task('S:T2.1', 4, ['z1', 'z2', 'z3'])]);
    const result = plan({ requirements: [req('a'), req('b')], candidates: [s] });
    expect(result.steps.map((st) => [st.document.code, st.tasks.map((t) => t.code), st.level, st.relevance])).toEqual([['S', ['T1.1', 'T1.2'], 3, 0.5]]);
    // The same gaps from a unit of the same shape: the unit is chosen.
    const withUnit = plan({ requirements: [req('a'), req('b')], candidates: [s, unit('U', 3, ['a', 'b', 'x', 'y'])] });
    expect(withUnit.steps.map((st) => st.document.code)).toEqual(['U']);
  });

  it('keeps the plan within maxSteps and reports what a relevant step would teach beyond it', () => {
    const many = ['a', 'b', 'c', 'd'].map((x, i) => unit(`U${i}`, i + 1, [x]));
    const result = plan({ requirements, candidates: many, maxSteps: 2 });
    expect(result.steps).toHaveLength(2);
    expect(result.uncovered.map((u) => u.reason)).toEqual(['BEYOND_PLAN', 'BEYOND_PLAN']);
    expect(result.uncovered.every((u) => u.taskIds?.includes('t1'))).toBe(true);
  });

  it('never takes a step for attitudes, and orders steps from lower to higher level', () => {
    const result = plan({
      requirements: [req('a'), req('b'), req('att', [], 'attitude')],
      candidates: [unit('Att', 1, ['att']), unit('B', 4, ['b']), unit('A', 2, ['a'])],
    });
    expect(result.steps.map((s) => s.document.code)).toEqual(['A', 'B']);
    expect(result.steps.map((s) => s.coverageAfterStep)).toEqual([0.5, 1]);
    expect(result.dispositions.map((d) => d.requirement.competencyId)).toEqual(['att']);
  });

  it('explains each step: what to study, level, gaps with evidence and tasks, relevance and effort', () => {
    const result = plan({
      requirements: [req('broad', ['T:T1.1'])],
      tasks: [{ id: 'T:T1.1', code: 'T1.1', name: 'task' }],
      targetLevel: 4,
      similarity: [{ a: 'broad', b: 'skill:客戶溝通協調', score: 0.8, directed: true }],
      candidates: [standard('S', 3, [task('S:T2.1', 3, ['skill:客戶溝通協調', 'skill:其他'])])],
    });
    expect(result.steps[0]?.reason).toBe(
      'Study task T2.1 S:T2.1 of S S (level 3; the target is level 4). It closes 1 gap: BROAD broad through a narrower competency, which covers it ' +
        '客戶溝通協調 (0.80), needed by T1.1. 1 of the 2 knowledge and skill items it teaches (50%) are what the target requires; 2 are new to the learner.',
    );
  });

  it('invariants: relevant steps within bounds, disjoint closes, growing coverage, uncovered are the rest', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'x', 'y'];
    const arb = fc.record({
      required: fc.subarray(ids.slice(0, 6), { minLength: 1 }),
      held: fc.subarray(ids),
      docs: fc.array(fc.record({ level: fc.integer({ min: 1, max: 6 }), ids: fc.subarray(ids, { minLength: 1 }), isUnit: fc.boolean() }), { maxLength: 8 }),
      minRelevance: fc.constantFrom(0, 0.3, 0.6),
      maxSteps: fc.integer({ min: 1, max: 4 }),
    });
    fc.assert(
      fc.property(arb, ({ required, held, docs, minRelevance, maxSteps }) => {
        const result = plan({
          requirements: required.map((x) => req(x)),
          targetLevel: 4,
          held,
          minRelevance,
          maxSteps,
          candidates: docs.map((d, i) => (d.isUnit ? unit(`D${i}`, d.level, d.ids) : standard(`D${i}`, d.level, [task(`D${i}:T1`, d.level, d.ids)]))),
        });
        expect(result.steps.length).toBeLessThanOrEqual(maxSteps);
        for (const s of result.steps) {
          expect(s.relevance).toBeGreaterThanOrEqual(minRelevance);
          expect(s.level).toBeLessThanOrEqual(4);
          expect(s.closes.length).toBeGreaterThan(0);
        }
        const closed = result.steps.flatMap((s) => s.closes.map((c) => c.requirement.competencyId));
        expect(new Set(closed).size).toBe(closed.length);
        expect(closed.length + result.uncovered.length).toBe(result.gaps.length);
        let previous = result.coverageBefore;
        for (const s of result.steps) {
          expect(s.coverageAfterStep).toBeGreaterThan(previous);
          previous = s.coverageAfterStep;
        }
        expect(previous).toBeCloseTo(result.coverageAfter);
        const levels = result.steps.map((s) => s.level);
        expect([...levels].sort((x, y) => x - y)).toEqual(levels);
        for (const u of result.uncovered) if (u.reason === 'NOT_TAUGHT') expect(docs.some((d) => d.ids.includes(u.competencyId))).toBe(false);
      }),
    );
  });
});

describe('gapClosers: the competencies a candidate must teach to matter', () => {
  it('names each gap and what meets it, never what serves a held requirement or only comes close', () => {
    const similarity = [
      { a: 'gap', b: 'gap-equal', score: 0.7 },
      { a: 'gap', b: 'gap-narrow', score: 0.6, directed: true },
      { a: 'gap', b: 'gap-weak', score: 0.3 },
      { a: 'gap-broad', b: 'gap', score: 0.9, directed: true },
      { a: 'held', b: 'held-equal', score: 0.9 },
    ];
    const partial = [{ a: 'gap', b: 'gap-related', score: 0.8, relation: 'related' as const }];
    const closers = gapClosers({ requirements: [req('gap'), req('held'), req('att', [], 'attitude')], held: ['held'], similarity, partial, minScore: 0.5 });
    expect(closers.sort()).toEqual(['gap', 'gap-equal', 'gap-narrow']);
  });

  it('leaves every plan unchanged when the candidates are cut to the documents and tasks teaching a closer', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'x', 'y'];
    const arb = fc.record({
      required: fc.subarray(ids.slice(0, 6), { minLength: 1 }),
      held: fc.subarray(ids),
      similarity: fc.array(fc.record({ a: fc.constantFrom(...ids), b: fc.constantFrom(...ids), score: fc.constantFrom(0.4, 0.6, 0.9), directed: fc.boolean() }), { maxLength: 6 }),
      docs: fc.array(
        fc.record({ level: fc.integer({ min: 1, max: 6 }), isUnit: fc.boolean(), tasks: fc.array(fc.subarray(ids, { minLength: 1 }), { minLength: 1, maxLength: 3 }) }),
        { maxLength: 8 },
      ),
      minRelevance: fc.constantFrom(0, 0.3, 0.6),
      maxSteps: fc.integer({ min: 1, max: 4 }),
    });
    fc.assert(
      fc.property(arb, ({ required, held, similarity, docs, minRelevance, maxSteps }) => {
        const pairs = similarity.filter((p) => p.a !== p.b);
        const input = { requirements: required.map((x) => req(x)), targetLevel: 4, held, similarity: pairs, minRelevance, maxSteps };
        const candidates = docs.map((d, i) =>
          d.isUnit ? unit(`D${i}`, d.level, d.tasks.flat()) : standard(`D${i}`, d.level, d.tasks.map((t, j) => task(`D${i}:T${j}`, d.level, t))),
        );
        const closers = new Set(gapClosers({ ...input, minScore: 0.5 }));
        const teaches = (competencyIds: string[]) => competencyIds.some((id) => closers.has(id));
        const cut = candidates.flatMap((d) => {
          if (d.kind === 'UNIT') return teaches(d.competencyIds) ? [d] : [];
          const tasks = (d.tasks ?? []).filter((t) => teaches(t.competencyIds));
          return tasks.length > 0 ? [{ ...d, tasks }] : [];
        });
        expect(plan({ ...input, candidates: cut })).toEqual(plan({ ...input, candidates }));
      }),
    );
  });
});
