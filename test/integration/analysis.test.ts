// Curriculum questions over GraphQL on the real Neo4j: shared competencies (exact and aligned),
// overlap and similar documents, with answers worked out from the documents by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDocuments } from '../../src/ingest/import-documents.js';
import { loadSeed } from '../../src/ingest/seed.js';
import { alignAll } from '../../src/modules/analysis/alignment.service.js';
import { clearGraph, openTestDatabase, type TestDatabase } from '../helpers/database.js';
import { seedStandardAs } from '../helpers/seed-variants.js';
import { startTestService, type TestService } from '../helpers/service.js';

/**
 * A second standard written from the seed: same structure, but S07 談判技巧 became 議價技巧 and
 * K15 稅務要求 became 稅務法規, so it shares 14 knowledge and 8 skills verbatim with the seed.
 */
const TWIN = seedStandardAs('BLM2421-050').replaceAll('S07談判技巧', 'S07議價技巧').replaceAll('K15稅務要求', 'K15稅務法規');

let database: TestDatabase;
let service: TestService;
beforeAll(async () => {
  database = await openTestDatabase();
  await clearGraph(database.driver);
  await loadSeed(database.db);
  const [twin] = await importDocuments(database.db, [{ name: 'twin.txt', text: TWIN }]);
  expect(twin?.status).toBe('CREATED');
  await alignAll(database.db);
  service = await startTestService(database.driver);
});
afterAll(async () => {
  await service.stop();
  await database.close();
});

interface Shared {
  kind: string;
  score: number;
  documentCount: number;
  competencies: Array<{ name: string }>;
  occurrences: Array<{ document: { code: string }; code: string; competency: { name: string }; tasks: Array<{ code: string }> }>;
}

const SHARED = `query($codes: [String!]!, $minScore: Float, $kinds: [CompetencyKind!]) {
  sharedCompetencies(codes: $codes, minScore: $minScore, kinds: $kinds) {
    kind score documentCount competencies { name }
    occurrences { document { code } code competency { name } tasks { code } }
  }
}`;

describe('sharedCompetencies', () => {
  it('finds the 22 competencies two standards share verbatim, with local codes and tasks', async () => {
    const { data, errors } = await service.graphql<{ sharedCompetencies: Shared[] }>(SHARED, { codes: ['BLM2421-007v4', 'BLM2421-050'] });
    expect(errors).toBeUndefined();
    const shared = data!.sharedCompetencies;
    expect(shared).toHaveLength(22);
    expect(shared.filter((s) => s.kind === 'KNOWLEDGE')).toHaveLength(14);
    expect(shared.filter((s) => s.kind === 'SKILL')).toHaveLength(8);
    expect(shared.every((s) => s.score === 1 && s.documentCount === 2 && s.competencies.length === 1)).toBe(true);
    const names = shared.map((s) => s.competencies[0]!.name);
    expect(names).not.toContain('談判技巧');
    expect(names).not.toContain('稅務要求');
    const communication = shared.find((s) => s.competencies[0]!.name === '溝通協調能力')!;
    expect(communication.occurrences.map((o) => [o.document.code, o.code, o.tasks.length])).toEqual([
      ['BLM2421-007v4', 'S04', 9],
      ['BLM2421-050v4', 'S04', 9],
    ]);
  });

  it('shares nothing verbatim between the seed standard and unit, but equivalent wording by default', async () => {
    const codes = ['BLM2421-007', 'BGM5R0167v2'];
    const exact = await service.graphql<{ sharedCompetencies: Shared[] }>(SHARED, { codes, minScore: 1 });
    expect(exact.data?.sharedCompetencies).toEqual([]);
    const aligned = await service.graphql<{ sharedCompetencies: Shared[] }>(SHARED, { codes });
    const groups = aligned.data!.sharedCompetencies.map((s) => s.competencies.map((c) => c.name).sort());
    expect(groups).toContainEqual(['分析技能', '分析資訊與數據能力'].sort());
    expect(groups).toContainEqual(['溝通和協商技能', '溝通協調能力'].sort());
    expect(groups.some((g) => g.includes('談判技巧') && g.includes('資訊科技技能'))).toBe(false);
    // 資訊科技應用能力 (standard) is narrower than 資訊科技技能 (unit): shared only on request.
    expect(groups.some((g) => g.includes('資訊科技技能'))).toBe(false);
    const analysis = aligned.data!.sharedCompetencies.find((s) => s.competencies.some((c) => c.name === '分析技能'))!;
    expect(analysis.score).toBeGreaterThan(0);
    expect(analysis.score).toBeLessThan(1);
    const widened = await service.graphql<{ sharedCompetencies: Shared[] }>(
      `query($codes: [String!]!) { sharedCompetencies(codes: $codes, includeNarrower: true) { competencies { name } } }`,
      { codes },
    );
    const wide = widened.data!.sharedCompetencies.map((s) => s.competencies.map((c) => c.name).sort());
    expect(wide).toContainEqual(['資訊科技應用能力', '資訊科技技能'].sort());
  });

  it('refuses unknown codes and a minScore outside 0..1 with BAD_USER_INPUT', async () => {
    const unknown = await service.graphql(SHARED, { codes: ['BLM2421-007v4', 'XXX0000-000v1'] });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(unknown.errors?.[0]?.message).toContain('XXX0000-000v1');
    const unknownPair = await service.graphql('{ overlap(codes: ["BLM2421-007v4", "XXX0000-000"]) { matrix } }');
    expect(unknownPair.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(unknownPair.errors?.[0]?.message).toBe('Unknown document code(s): XXX0000-000.');
    const badScore = await service.graphql(SHARED, { codes: ['BLM2421-007v4', 'BLM2421-050'], minScore: 1.5 });
    expect(badScore.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('overlap and similarDocuments', () => {
  it('gives the pairwise matrix with shared counts and Jaccard indexes', async () => {
    const { data } = await service.graphql<{
      overlap: { documents: Array<{ code: string }>; pairs: Array<{ a: { code: string }; b: { code: string }; sharedCount: number; similarity: number }>; matrix: number[][] };
    }>(`{ overlap(codes: ["BLM2421-007v4", "BLM2421-050v4", "BGM5R0167v2"]) { documents { code } pairs { a { code } b { code } sharedCount similarity } matrix } }`);
    const overlap = data!.overlap;
    expect(overlap.documents.map((d) => d.code)).toEqual(['BLM2421-007v4', 'BLM2421-050v4', 'BGM5R0167v2']);
    // The twins: 24 K+S each, 22 shared -> 22 / (24 + 24 - 22).
    expect(overlap.pairs[0]).toEqual({ a: { code: 'BLM2421-007v4' }, b: { code: 'BLM2421-050v4' }, sharedCount: 22, similarity: 22 / 26 });
    // The standard and the unit share two equivalent wordings (分析技能, 溝通和協商技能), nothing verbatim.
    expect(overlap.pairs[1]?.sharedCount).toBe(2);
    expect(overlap.matrix[0]).toEqual([1, 22 / 26, overlap.pairs[1]?.similarity]);
    expect(overlap.matrix[1]?.[0]).toBe(22 / 26);
    const exact = await service.graphql<{ overlap: { pairs: Array<{ sharedCount: number }> } }>(
      `{ overlap(codes: ["BLM2421-007v4", "BGM5R0167v2"], minScore: 1) { pairs { sharedCount } } }`,
    );
    expect(exact.data?.overlap.pairs[0]?.sharedCount).toBe(0);
  });

  it('ranks the twin first for the seed standard, with the shared competencies', async () => {
    const { data } = await service.graphql<{
      similarDocuments: Array<{ document: { code: string }; score: number; shared: Array<{ competency: { name: string }; matchedBy: { name: string } }> }>;
    }>(`{ similarDocuments(code: "BLM2421-007", first: 5) { document { code } score shared { competency { name } matchedBy { name } } } }`);
    const ranked = data!.similarDocuments;
    expect(ranked[0]?.document.code).toBe('BLM2421-050v4');
    // The 22 verbatim ones, plus any renamed one whose new wording aligns with the old.
    const verbatim = ranked[0]!.shared.filter((m) => m.competency.name === m.matchedBy.name);
    expect(verbatim).toHaveLength(22);
    expect(ranked[0]!.shared.length).toBeLessThanOrEqual(24);
    expect(ranked[0]!.score).toBeGreaterThan(0.8);
    expect(ranked[0]!.score).toBeLessThan(1);
    const unit = ranked.find((r) => r.document.code === 'BGM5R0167v2');
    expect(unit?.shared).toContainEqual({ competency: { name: '分析資訊與數據能力' }, matchedBy: { name: '分析技能' } });
  });

  it('answers null for an unknown code', async () => {
    const { data } = await service.graphql<{ similarDocuments: null }>(`{ similarDocuments(code: "NOPE-000") { score } }`);
    expect(data?.similarDocuments).toBeNull();
  });
});
