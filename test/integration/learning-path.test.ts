// Learning and career paths over GraphQL on the real Neo4j, on documents written for the purpose so
// that the right answer is known:
//   target  BLM2421-007v4 (the seed standard, level 4): 15 K, 9 S, 6 A; 9 tasks
//   held    BLM2421-050: the target with K15 稅務要求 -> 園藝知識 and S07 談判技巧 -> 烹飪技巧
//   P       BLM2421-051, level 3: the target with S07 談判技巧 -> 木雕技巧 and its task T4.1 at level 3
//   Q       BLM2421-052, level 5: the target with K15 稅務要求 -> 陶藝知識 (its tasks stay at level 4),
//           and its own wording of what A01 正直誠實 means
// A holder of BLM2421-050 misses exactly K15 (needed by T4.1) and S07 (needed by T3.1, T3.2, T3.3).
// P's T4.1 teaches K15, Q's T3.x teach S07; every K/S of those tasks is one the target requires.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDocuments } from '../../src/ingest/import-documents.js';
import { loadTaxonomy, readTaxonomy } from '../../src/ingest/taxonomy-loader.js';
import { alignAll } from '../../src/modules/analysis/alignment.service.js';
import { SEED_DIR } from '../../src/paths.js';
import { clearGraph, openTestDatabase, type TestDatabase } from '../helpers/database.js';
import { startTestService, type TestService } from '../helpers/service.js';

const TARGET = fs.readFileSync(path.join(SEED_DIR, 'icap/standard-BLM2421-007v4.txt'), 'utf8');
const rename = (text: string, from: string, to: string) => text.replaceAll(`BLM2421-${from}`, `BLM2421-${to}`);
const HELD = rename(TARGET, '007', '050').replaceAll('K15稅務要求', 'K15園藝知識').replaceAll('S07談判技巧', 'S07烹飪技巧');
const P = rename(TARGET, '007', '051')
  .replaceAll('S07談判技巧', 'S07木雕技巧')
  .replace('基準級別\t4', '基準級別\t3')
  .replace('適當的保險。\t4\t', '適當的保險。\t3\t');
const Q_A01 = '在任何情況下都誠實面對顧客與同事。';
const Q = rename(TARGET, '007', '052')
  .replaceAll('K15稅務要求', 'K15陶藝知識')
  .replace('基準級別\t4', '基準級別\t5')
  .replace(/A01正直誠實：[^\n]*/, `A01正直誠實：${Q_A01}`);

let database: TestDatabase;
let service: TestService;
beforeAll(async () => {
  database = await openTestDatabase();
  await clearGraph(database.driver);
  await loadTaxonomy(database.db, readTaxonomy(path.join(SEED_DIR, 'taxonomy')));
  const results = await importDocuments(database.db, [
    { name: 'target.txt', text: TARGET },
    { name: 'held.txt', text: HELD },
    { name: 'p.txt', text: P },
    { name: 'q.txt', text: Q },
  ]);
  expect(results.map((r) => r.status)).toEqual(['CREATED', 'CREATED', 'CREATED', 'CREATED']);
  await alignAll(database.db);
  service = await startTestService(database.driver);
});
afterAll(async () => {
  await service.stop();
  await database.close();
});

const LEARNING_PATH = `query($input: LearningPathInput!) {
  learningPath(input: $input) {
    target { code } minScore minRelevance coverageBefore coverageAfter readiness readinessAfter
    gaps { code status competency { name } closest { name } closestRelation closestScore tasks { code } }
    taskGaps { task { code } missing { code } partlyHeld { code } held { code relation } }
    dispositions { code competency { name } description isHeld }
    steps {
      document { code } tasks { code } level relevance newItemCount coverageAfterStep readinessAfterStep reason
      closes { code requirement { name } by { name } relation score tasks { code } }
    }
    uncovered { code uncoveredReason tasks { code } }
  }
}`;

interface Path {
  target: { code: string };
  minRelevance: number;
  coverageBefore: number;
  coverageAfter: number;
  readiness: number | null;
  readinessAfter: number | null;
  gaps: Array<{ code: string; status: string; competency: { name: string }; tasks: Array<{ code: string }> }>;
  taskGaps: Array<{ task: { code: string }; missing: Array<{ code: string }>; partlyHeld: Array<{ code: string }>; held: Array<{ code: string; relation: string | null }> }>;
  dispositions: Array<{ code: string; competency: { name: string }; description: string | null; isHeld: boolean }>;
  steps: Array<{
    document: { code: string };
    tasks: Array<{ code: string }>;
    level: number;
    relevance: number;
    newItemCount: number;
    coverageAfterStep: number;
    readinessAfterStep: number | null;
    reason: string;
    closes: Array<{ code: string; requirement: { name: string }; by: { name: string }; relation: string | null; score: number; tasks: Array<{ code: string }> }>;
  }>;
  uncovered: Array<{ code: string; uncoveredReason: string; tasks: Array<{ code: string }> }>;
}

describe('learningPath', () => {
  it('finds the two gaps, groups them by task, and closes them with the tasks that teach them, lower level first', async () => {
    const { data, errors } = await service.graphql<{ learningPath: Path }>(LEARNING_PATH, { input: { from: ['BLM2421-050'], to: 'BLM2421-007' } });
    expect(errors).toBeUndefined();
    const path = data!.learningPath;
    expect(path.target.code).toBe('BLM2421-007v4');
    expect(path.minRelevance).toBe(0.3);
    // Knowledge and skills only: 22 of 24 held; attitudes are listed apart.
    expect(path.coverageBefore).toBeCloseTo(22 / 24, 10);
    expect(path.gaps.map((g) => [g.code, g.competency.name, g.status, g.tasks.map((t) => t.code)])).toEqual([
      ['K15', '稅務要求', 'MISSING', ['T4.1']],
      ['S07', '談判技巧', 'MISSING', ['T3.1', 'T3.2', 'T3.3']],
    ]);
    expect(path.taskGaps.map((t) => [t.task.code, t.missing.map((m) => m.code), t.partlyHeld.length, t.held.length])).toEqual([
      ['T3.1', ['S07'], 0, 7],
      ['T3.2', ['S07'], 0, 5],
      ['T3.3', ['S07'], 0, 5],
      ['T4.1', ['K15'], 0, 8],
    ]);
    expect(path.taskGaps[0]!.held.every((h) => h.relation === null)).toBe(true);
    expect(path.readiness).toBeCloseTo(5 / 9, 10);
    expect(path.dispositions.map((d) => [d.code, d.isHeld])).toEqual(['A01', 'A02', 'A03', 'A04', 'A05', 'A06'].map((code) => [code, true]));

    expect(path.steps.map((s) => [s.document.code, s.tasks.map((t) => t.code), s.level, s.relevance, s.newItemCount])).toEqual([
      ['BLM2421-051v4', ['T4.1'], 3, 1, 1],
      ['BLM2421-052v4', ['T3.1'], 4, 1, 1],
    ]);
    expect(path.steps.map((s) => s.closes.map((c) => [c.code, c.by.name, c.relation, c.score, c.tasks.map((t) => t.code)]))).toEqual([
      [['K15', '稅務要求', null, 1, ['T4.1']]],
      [['S07', '談判技巧', null, 1, ['T3.1', 'T3.2', 'T3.3']]],
    ]);
    expect(path.steps[0]!.reason).toContain('Study task T4.1');
    expect(path.steps[0]!.reason).toContain('K15 稅務要求 as the same competency, needed by T4.1');
    expect(path.steps.map((s) => s.coverageAfterStep)).toEqual([23 / 24, 1]);
    expect(path.steps.map((s) => s.readinessAfterStep)).toEqual([6 / 9, 1]);
    expect(path.coverageAfter).toBe(1);
    expect(path.readinessAfter).toBe(1);
    expect(path.uncovered).toEqual([]);
  });

  it('counts competencies held outside any document (`have`, as global ids)', async () => {
    const { data } = await service.graphql<{ learningPath: Path }>(LEARNING_PATH, {
      input: { from: ['BLM2421-050'], have: ['Knowledge:稅務要求'], to: 'BLM2421-007v4' },
    });
    expect(data!.learningPath.gaps.map((g) => g.code)).toEqual(['S07']);
    expect(data!.learningPath.steps.map((s) => s.document.code)).toEqual(['BLM2421-052v4']);
  });

  it('keeps to maxSteps and says which gap a relevant step beyond it would close', async () => {
    const { data } = await service.graphql<{ learningPath: Path }>(LEARNING_PATH, {
      input: { from: ['BLM2421-050'], to: 'BLM2421-007', minRelevance: 1, maxSteps: 1 },
    });
    // Relevance 1 still admits P's T4.1 and Q's T3.x (all they teach is required); with one step, the
    // lower-level one is taken and S07 is left out of the plan.
    expect(data!.learningPath.steps.map((s) => s.document.code)).toEqual(['BLM2421-051v4']);
    expect(data!.learningPath.uncovered.map((u) => [u.code, u.uncoveredReason, u.tasks.map((t) => t.code)])).toEqual([
      ['S07', 'BEYOND_PLAN', ['T3.1', 'T3.2', 'T3.3']],
    ]);
  });

  it('reports what nothing in the graph teaches as uncovered, with the tasks that need it', async () => {
    // Targeting BLM2421-050 itself while holding nothing: its 園藝知識 (K15) and 烹飪技巧 (S07) are
    // required by no other document; the other 22 are taught elsewhere.
    const { data } = await service.graphql<{ learningPath: Path }>(LEARNING_PATH, { input: { to: 'BLM2421-050' } });
    const path = data!.learningPath;
    expect(path.coverageBefore).toBe(0);
    expect(path.readiness).toBe(0);
    expect(path.uncovered.map((u) => [u.code, u.uncoveredReason, u.tasks.map((t) => t.code)])).toEqual([
      ['K15', 'NOT_TAUGHT', ['T4.1']],
      ['S07', 'NOT_TAUGHT', ['T3.1', 'T3.2', 'T3.3']],
    ]);
    expect(path.coverageAfter).toBeCloseTo(22 / 24, 10);
    expect(path.steps.length).toBeLessThanOrEqual(4);
    expect(path.dispositions.every((d) => !d.isHeld && d.description)).toBe(true);
  });

  it("describes each disposition in the target's own words, not those of the first document that listed it", async () => {
    const { data } = await service.graphql<{ learningPath: Path }>(LEARNING_PATH, { input: { to: 'BLM2421-052' } });
    const a01 = data!.learningPath.dispositions.find((d) => d.code === 'A01')!;
    expect(a01.competency.name).toBe('正直誠實');
    expect(a01.description).toBe(Q_A01);
  });

  it('answers null for an unknown target and refuses an unknown held document or a bad bound', async () => {
    const unknownTarget = await service.graphql<{ learningPath: null }>(LEARNING_PATH, { input: { to: 'NOPE-000' } });
    expect(unknownTarget.data?.learningPath).toBeNull();
    const unknownHeld = await service.graphql(LEARNING_PATH, { input: { from: ['NOPE-000'], to: 'BLM2421-007' } });
    expect(unknownHeld.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badRelevance = await service.graphql(LEARNING_PATH, { input: { to: 'BLM2421-007', minRelevance: 2 } });
    expect(badRelevance.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

const CAREER = `query($from: String!, $to: String!) {
  careerPath(from: $from, to: $to) {
    hops totalCost
    steps { document { code } similarity levelStep newCount keyCompetencies { competency { name } taskCount tasks { code } } newCompetencies { name } }
  }
}`;

interface Career {
  hops: number;
  steps: Array<{
    document: { code: string };
    similarity: number | null;
    levelStep: number | null;
    newCount: number;
    keyCompetencies: Array<{ competency: { name: string }; taskCount: number; tasks: Array<{ code: string }> }>;
    newCompetencies: Array<{ name: string }>;
  }>;
}

describe('careerPath', () => {
  it('moves straight to a close standard one level up and names what is new, most needed first', async () => {
    const { data, errors } = await service.graphql<{ careerPath: Career }>(CAREER, { from: 'BLM2421-050', to: 'BLM2421-052' });
    expect(errors).toBeUndefined();
    const career = data!.careerPath;
    expect(career.hops).toBe(1);
    expect(career.steps.map((s) => [s.document.code, s.levelStep])).toEqual([
      ['BLM2421-050v4', null],
      ['BLM2421-052v4', 1],
    ]);
    // 22 of Q's 24 K/S are met; 談判技巧 is needed by three of its tasks, 陶藝知識 by one.
    expect(career.steps[1]!.similarity).toBeCloseTo(22 / 24, 10);
    expect(career.steps[1]!.newCount).toBe(2);
    expect(career.steps[1]!.keyCompetencies.map((k) => [k.competency.name, k.taskCount, k.tasks.map((t) => t.code)])).toEqual([
      ['談判技巧', 3, ['T3.1', 'T3.2', 'T3.3']],
      ['陶藝知識', 1, ['T4.1']],
    ]);
  });

  it('climbs at most one level per hop: level 3 to level 5 goes through a level-4 standard', async () => {
    const { data } = await service.graphql<{ careerPath: Career }>(CAREER, { from: 'BLM2421-051', to: 'BLM2421-052' });
    const career = data!.careerPath;
    expect(career.hops).toBe(2);
    expect(career.steps.map((s) => s.levelStep)).toEqual([null, 1, 1]);
    // Through the seed standard, which P meets but for 談判技巧 (23 of 24).
    expect(career.steps[1]!.document.code).toBe('BLM2421-007v4');
    expect(career.steps[1]!.similarity).toBeCloseTo(23 / 24, 10);
  });
});
