// Role requirements on the real Neo4j with the seeds loaded: what occupation 2421 and industry
// M7010 require, counted from the standard's table (9 tasks, their K and S), most needed first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeed } from '../../src/ingest/seed.js';
import { clearGraph, openTestDatabase, writeByHand, type TestDatabase } from '../helpers/database.js';
import { startTestService, type TestService } from '../helpers/service.js';

let test: TestDatabase;
let service: TestService;
beforeAll(async () => {
  test = await openTestDatabase();
  await clearGraph(test.driver);
  await loadSeed(test.db);
  service = await startTestService(test.driver, { DEBUG_ERRORS: 'true' });
});
afterAll(async () => {
  await service?.stop();
  await test?.close();
});

const ROLE = `query ($occupation: String, $industry: String, $standard: String, $level: Int) {
  roleRequirements(occupationCode: $occupation, industryCode: $industry, standardCode: $standard, level: $level) {
    standards { code }
    knowledge { competency { name } count documentCount codes }
    skills { competency { id name } count documentCount codes documents { code } tasks { code } }
    attitudes { competency { name } count documentCount }
    tasks { code }
    outputs { code name task { code } }
  }
}`;

interface Role {
  standards: Array<{ code: string }>;
  knowledge: Array<{ competency: { name: string }; count: number; documentCount: number; codes: string[] }>;
  skills: Array<{ competency: { id: string; name: string }; count: number; documentCount: number; codes: string[]; documents: Array<{ code: string }>; tasks: Array<{ code: string }> }>;
  attitudes: Array<{ competency: { name: string }; count: number; documentCount: number }>;
  tasks: Array<{ code: string }>;
  outputs: Array<{ code: string; name: string; task: { code: string } }>;
}

async function role(variables: Record<string, unknown>): Promise<Role> {
  const response = await service.graphql<{ roleRequirements: Role }>(ROLE, variables);
  expect(response.errors).toBeUndefined();
  return response.data!.roleRequirements;
}

const ALL_TASKS = ['T1.1', 'T1.2', 'T2.1', 'T2.2', 'T2.3', 'T3.1', 'T3.2', 'T3.3', 'T4.1'];

describe('roleRequirements', () => {
  it('answers for occupation 2421: the standard, its skills most needed first, its knowledge, attitudes, tasks and outputs', async () => {
    const answer = await role({ occupation: '2421' });
    expect(answer.standards).toEqual([{ code: 'BLM2421-007v4' }]);
    expect(answer.tasks.map((t) => t.code)).toEqual(ALL_TASKS);

    // 溝通協調能力 (S04) is needed by all nine tasks.
    expect(answer.skills[0]).toEqual({
      competency: { id: 'Skill:溝通協調能力', name: '溝通協調能力' },
      count: 9,
      documentCount: 1,
      codes: ['S04'],
      documents: [{ code: 'BLM2421-007v4' }],
      tasks: ALL_TASKS.map((code) => ({ code })),
    });
    expect(answer.skills.map((s) => [s.codes[0], s.count])).toEqual([
      ['S04', 9],
      ['S01', 5],
      ['S03', 5],
      ['S05', 5],
      ['S02', 3],
      ['S07', 3],
      ['S08', 3],
      ['S06', 2],
      ['S09', 1],
    ]);
    expect(answer.knowledge.map((k) => [k.codes[0], k.count])).toEqual([
      ['K03', 4],
      ['K05', 3],
      ['K06', 3],
      ['K07', 3],
      ['K08', 3],
      ['K09', 3],
      ['K10', 3],
      ['K01', 2],
      ['K02', 2],
      ['K04', 2],
      ['K11', 1],
      ['K12', 1],
      ['K13', 1],
      ['K14', 1],
      ['K15', 1],
    ]);
    expect(answer.knowledge[0]).toEqual({ competency: { name: '成本計算' }, count: 4, documentCount: 1, codes: ['K03'] });
    expect(answer.attitudes.map((a) => a.competency.name)).toEqual(['正直誠實', '持續學習', '謹慎細心', '應對不確定性', '主動積極', '團隊意識']);
    expect(answer.attitudes[0]).toMatchObject({ count: 0, documentCount: 1 });
    expect(answer.outputs).toEqual([
      { code: 'O1.2.1', name: '商業機會調查報告', task: { code: 'T1.2' } },
      { code: 'O2.1.1', name: '商業風險評估報告', task: { code: 'T2.1' } },
      { code: 'O2.2.1', name: '商業計畫書', task: { code: 'T2.2' } },
      { code: 'O4.1.1', name: '工作規則', task: { code: 'T4.1' } },
    ]);
  });

  it('gives the same answer for industry M7010, for ancestor codes, and for the standard by base code', async () => {
    const expected = await role({ occupation: '2421' });
    expect(await role({ industry: 'M7010' })).toEqual(expected);
    expect(await role({ occupation: '24' })).toEqual(expected);
    expect(await role({ industry: 'M', occupation: '2' })).toEqual(expected);
    expect(await role({ standard: 'BLM2421-007' })).toEqual(expected);
    expect(await role({ occupation: '2421', level: 4 })).toEqual(expected);
  });

  it('groups equivalent wordings into one row when asked, counting the tasks of every member once', async () => {
    // Plant an equivalence between S04 溝通協調能力 (all nine tasks) and S02 of the same standard.
    await writeByHand(
      test.driver,
      `MATCH (:Standard {id: 'BLM2421-007v4'})-[:REQUIRES {code: 'S04'}]->(a:Skill), (:Standard {id: 'BLM2421-007v4'})-[:REQUIRES {code: 'S02'}]->(b:Skill)
       CREATE (a)-[:EQUIVALENT_TO {score: 0.9, method: 'test', evidence: 'planted'}]->(b)`,
    );
    try {
      const query = `query($group: Boolean) { roleRequirements(occupationCode: "2421", groupEquivalents: $group) {
        skills { competency { name } members { name } count codes }
      } }`;
      const plain = (await service.graphql<{ roleRequirements: { skills: Array<{ codes: string[]; count: number; members: Array<{ name: string }> }> } }>(query, {})).data!
        .roleRequirements.skills;
      expect(plain).toHaveLength(9);
      expect(plain.every((row) => row.members.length === 1)).toBe(true);
      const grouped = (
        await service.graphql<{ roleRequirements: { skills: Array<{ competency: { name: string }; members: Array<{ name: string }>; count: number; codes: string[] }> } }>(
          query,
          { group: true },
        )
      ).data!.roleRequirements.skills;
      expect(grouped).toHaveLength(8);
      const s02 = plain.find((row) => row.codes[0] === 'S02')!;
      expect(grouped[0]).toEqual({
        competency: { name: '溝通協調能力' },
        members: [{ name: '溝通協調能力' }, s02.members[0]],
        count: 9,
        codes: ['S02', 'S04'],
      });
    } finally {
      await writeByHand(test.driver, `MATCH ()-[r:EQUIVALENT_TO {method: 'test'}]->() DELETE r`);
    }
  });

  it('answers with empty lists for codes that match nothing', async () => {
    const empty = { standards: [], knowledge: [], skills: [], attitudes: [], tasks: [], outputs: [] };
    expect(await role({ occupation: '9999' })).toEqual(empty);
    expect(await role({ occupation: '2421', level: 3 })).toEqual(empty);
    expect(await role({ standard: 'BLM2421-007v1' })).toEqual(empty); // a history-only version has no content
  });

  it('refuses a question without a code, or an impossible level', async () => {
    for (const variables of [{}, { level: 4 }, { occupation: '2421', level: 7 }]) {
      const response = await service.graphql(ROLE, variables);
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});
