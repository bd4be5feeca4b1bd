// Learning and career paths over GraphQL on the real Neo4j, on documents written for the purpose so
// that the right answer is known:
//   target  BLM2421-007v4 (the seed standard): 15 K, 9 S, 6 A = 30 requirements
//   held    BLM2421-050: the target with K15 稅務要求 -> 園藝知識 and S07 談判技巧 -> 烹飪技巧
//   P       BLM2421-051, level 3: the target with S07 談判技巧 -> 木雕技巧 (so it teaches K15, not S07)
//   Q       BLM2421-052, level 5: the target with K15 稅務要求 -> 陶藝知識 (so it teaches S07, not K15)
// A holder of BLM2421-050 misses exactly K15 and S07; P closes K15, Q closes S07, and P comes first
// because its level is lower. 園藝知識 and 烹飪技巧 are required by BLM2421-050 alone.
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
const P = rename(TARGET, '007', '051').replaceAll('S07談判技巧', 'S07木雕技巧').replace('基準級別\t4', '基準級別\t3');
const Q = rename(TARGET, '007', '052').replaceAll('K15稅務要求', 'K15陶藝知識').replace('基準級別\t4', '基準級別\t5');

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
    target { code } minScore coverageBefore coverageAfter
    gaps { code competency { name } closest { name } closestScore }
    steps { document { code } level coverageAfterStep closes { code requirement { name } by { name } score } }
    uncovered { code }
  }
}`;

interface Path {
  target: { code: string };
  coverageBefore: number;
  coverageAfter: number;
  gaps: Array<{ code: string; competency: { name: string } }>;
  steps: Array<{ document: { code: string }; level: number; coverageAfterStep: number; closes: Array<{ code: string; requirement: { name: string }; by: { name: string }; score: number }> }>;
  uncovered: Array<{ code: string }>;
}

describe('learningPath', () => {
  it('finds the two gaps and closes them in level order', async () => {
    const { data, errors } = await service.graphql<{ learningPath: Path }>(LEARNING_PATH, { input: { from: ['BLM2421-050'], to: 'BLM2421-007' } });
    expect(errors).toBeUndefined();
    const path = data!.learningPath;
    expect(path.target.code).toBe('BLM2421-007v4');
    expect(path.gaps.map((g) => [g.code, g.competency.name])).toEqual([
      ['K15', '稅務要求'],
      ['S07', '談判技巧'],
    ]);
    expect(path.coverageBefore).toBeCloseTo(28 / 30, 10);
    expect(path.steps.map((s) => [s.document.code, s.level, s.closes.map((c) => [c.code, c.by.name, c.score])])).toEqual([
      ['BLM2421-051v4', 3, [['K15', '稅務要求', 1]]],
      ['BLM2421-052v4', 5, [['S07', '談判技巧', 1]]],
    ]);
    expect(path.steps.map((s) => s.coverageAfterStep)).toEqual([29 / 30, 1]);
    expect(path.coverageAfter).toBe(1);
    expect(path.uncovered).toEqual([]);
  });

  it('counts competencies held outside any document (`have`, as global ids)', async () => {
    const { data } = await service.graphql<{ learningPath: Path }>(LEARNING_PATH, {
      input: { from: ['BLM2421-050'], have: ['Knowledge:稅務要求'], to: 'BLM2421-007v4' },
    });
    expect(data!.learningPath.gaps.map((g) => g.code)).toEqual(['S07']);
    expect(data!.learningPath.steps.map((s) => s.document.code)).toEqual(['BLM2421-052v4']);
  });

  it('reports what nothing in the graph teaches as uncovered', async () => {
    // Targeting BLM2421-050 itself while holding nothing: its 園藝知識 (K15) and 烹飪技巧 (S07) are
    // required by no other document, so they stay uncovered; the other 28 are taught elsewhere.
    const { data } = await service.graphql<{ learningPath: Path }>(LEARNING_PATH, { input: { to: 'BLM2421-050' } });
    const path = data!.learningPath;
    expect(path.coverageBefore).toBe(0);
    expect(path.uncovered.map((u) => u.code)).toEqual(['K15', 'S07']);
    expect(path.coverageAfter).toBeCloseTo(28 / 30, 10);
  });

  it('answers null for an unknown target and refuses an unknown held document', async () => {
    const unknownTarget = await service.graphql<{ learningPath: null }>(LEARNING_PATH, { input: { to: 'NOPE-000' } });
    expect(unknownTarget.data?.learningPath).toBeNull();
    const unknownHeld = await service.graphql(LEARNING_PATH, { input: { from: ['NOPE-000'], to: 'BLM2421-007' } });
    expect(unknownHeld.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('careerPath', () => {
  it('goes straight to the closest standard and names what is new there', async () => {
    const { data, errors } = await service.graphql<{
      careerPath: { hops: number; steps: Array<{ document: { code: string }; similarity: number | null; newCompetencies: Array<{ name: string }> }> };
    }>(`{ careerPath(from: "BLM2421-050", to: "BLM2421-052") { hops totalCost steps { document { code } similarity newCompetencies { name } } } }`);
    expect(errors).toBeUndefined();
    const career = data!.careerPath;
    expect(career.hops).toBe(1);
    expect(career.steps.map((s) => s.document.code)).toEqual(['BLM2421-050v4', 'BLM2421-052v4']);
    expect(career.steps[1]?.newCompetencies.map((c) => c.name).sort()).toEqual(['談判技巧', '陶藝知識'].sort());
    expect(career.steps[1]!.similarity).toBeGreaterThan(0.9);
  });
});
