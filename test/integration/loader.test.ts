// The loader on the real Neo4j: the seeds load exactly, re-import is a no-op, bad or failing
// documents leave the graph untouched, versions and shared competencies behave.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { importDocuments } from '../../src/ingest/import-documents.js';
import { parseDocument } from '../../src/ingest/icap/index.js';
import { importDocument } from '../../src/ingest/loader.js';
import { loadSeed } from '../../src/ingest/seed.js';
import { loadTaxonomy, readTaxonomy } from '../../src/ingest/taxonomy-loader.js';
import { SEED_DIR } from '../../src/paths.js';
import { clearGraph, openTestDatabase, type TestDatabase } from '../helpers/database.js';
import { graphSnapshot } from '../helpers/snapshot.js';

const STANDARD_FILE = path.join(SEED_DIR, 'icap/standard-BLM2421-007v4.txt');
const UNIT_FILE = path.join(SEED_DIR, 'icap/unit-BGM5R0167v2.txt');
const standardText = fs.readFileSync(STANDARD_FILE, 'utf8');
const unitText = fs.readFileSync(UNIT_FILE, 'utf8');

let test: TestDatabase;
beforeAll(async () => {
  test = await openTestDatabase();
});
afterAll(() => test.close());

async function query<T = Record<string, unknown>>(cypherText: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const { records } = await test.driver.executeQuery(cypherText, params);
  return records.map((record) => {
    const row: Record<string, unknown> = {};
    for (const key of record.keys) {
      const value = record.get(key);
      row[key as string] = typeof value?.toNumber === 'function' ? value.toNumber() : value;
    }
    return row as T;
  });
}

async function count(cypherText: string, params: Record<string, unknown> = {}): Promise<number> {
  const [row] = await query<{ n: number }>(cypherText, params);
  return row?.n ?? -1;
}

describe('loading the seed documents', () => {
  beforeAll(async () => {
    await clearGraph(test.driver);
    const results = await loadSeed(test.db);
    expect(results.map((r) => [r.name, r.status])).toEqual([
      ['standard-BLM2421-007v4.txt', 'CREATED'],
      ['unit-BGM5R0167v2.txt', 'CREATED'],
    ]);
  });

  it('writes the standard with every responsibility, task, indicator and output', async () => {
    const id = 'BLM2421-007v4';
    expect(await count('MATCH (:Standard {id: $id})-[:HAS_RESPONSIBILITY]->(r) RETURN count(r) AS n', { id })).toBe(4);
    expect(await count('MATCH (:Standard {id: $id})-[:HAS_RESPONSIBILITY]->()-[:HAS_TASK]->(t) RETURN count(t) AS n', { id })).toBe(9);
    expect(await count('MATCH (:Standard {id: $id})-[:HAS_RESPONSIBILITY]->()-[:HAS_TASK]->()-[:HAS_INDICATOR]->(i) RETURN count(i) AS n', { id })).toBe(31);
    expect(await count('MATCH (:Standard {id: $id})-[:HAS_RESPONSIBILITY]->()-[:HAS_TASK]->()-[:PRODUCES]->(o) RETURN count(o) AS n', { id })).toBe(4);
    const [standard] = await query<{ name: string; status: string; level: number; published: string; kind: string }>(
      'MATCH (s:Standard {id: $id}) RETURN s.name AS name, s.status AS status, s.level AS level, toString(s.publishedOn) AS published, s.kind AS kind',
      { id },
    );
    expect(standard).toEqual({ name: '微型企業營運主管', status: 'CURRENT', level: 4, published: '2025-12-15', kind: '職業' });
    const [t23] = await query<{ name: string }>("MATCH (t:Task {id: 'BLM2421-007v4:T2.3'}) RETURN t.name AS name");
    expect(t23?.name).toBe('因應不同利益關係人提供適當資訊');
  });

  it('links each task to the K and S it needs, with the local code on the relationship', async () => {
    const codes = async (task: string) =>
      (await query<{ code: string }>('MATCH (:Task {id: $task})-[r:REQUIRES]->() RETURN r.code AS code ORDER BY code', { task })).map((r) => r.code);
    expect(await codes('BLM2421-007v4:T2.3')).toEqual(['K03', 'K06', 'K07', 'S01', 'S03', 'S04', 'S05']);
    expect(await codes('BLM2421-007v4:T1.1')).toEqual(['K01', 'K02', 'S01', 'S02', 'S03', 'S04', 'S05', 'S06']);
    const requirements = await query<{ kind: string; n: number }>(
      "MATCH (:Standard {id: 'BLM2421-007v4'})-[:REQUIRES]->(c) RETURN c.kind AS kind, count(c) AS n ORDER BY kind",
    );
    expect(requirements).toEqual([
      { kind: 'attitude', n: 6 },
      { kind: 'knowledge', n: 15 },
      { kind: 'skill', n: 9 },
    ]);
    const [s04] = await query<{ name: string; label: boolean }>(
      "MATCH (:Standard {id: 'BLM2421-007v4'})-[:REQUIRES {code: 'S04'}]->(c) RETURN c.name AS name, c:Skill AS label",
    );
    expect(s04).toEqual({ name: '溝通協調能力', label: true });
  });

  it('creates the historical versions from the version table and chains them', async () => {
    const versions = await query<{ code: string; status: string; hasContent: boolean; name: string }>(
      "MATCH (s:Standard {baseCode: 'BLM2421-007'}) RETURN s.code AS code, s.status AS status, s.hasContent AS hasContent, s.name AS name ORDER BY s.version",
    );
    expect(versions).toEqual([
      { code: 'BLM2421-007v1', status: 'HISTORICAL', hasContent: false, name: '微型企業營運人員' },
      { code: 'BLM2421-007v2', status: 'HISTORICAL', hasContent: false, name: '微型企業營運人員' },
      { code: 'BLM2421-007v3', status: 'HISTORICAL', hasContent: false, name: '微型企業營運人員' },
      { code: 'BLM2421-007v4', status: 'CURRENT', hasContent: true, name: '微型企業營運主管' },
    ]);
    const chain = await query<{ newer: string; older: string }>(
      "MATCH (n:Standard {baseCode: 'BLM2421-007'})-[:SUPERSEDES]->(o) RETURN n.code AS newer, o.code AS older ORDER BY newer",
    );
    expect(chain).toEqual([
      { newer: 'BLM2421-007v2', older: 'BLM2421-007v1' },
      { newer: 'BLM2421-007v3', older: 'BLM2421-007v2' },
      { newer: 'BLM2421-007v4', older: 'BLM2421-007v3' },
    ]);
  });

  it('links the standard into the occupation, industry and category hierarchies', async () => {
    const path = async (rel: string, label: string) =>
      (
        await query<{ codes: string[] }>(
          `MATCH (:Standard {id: 'BLM2421-007v4'})-[:${rel}]->(leaf:${label})
           MATCH p = (leaf)-[:PART_OF*0..]->(root) WHERE NOT (root)-[:PART_OF]->()
           RETURN [n IN nodes(p) | n.code] AS codes`,
        )
      )[0]?.codes;
    expect(await path('FOR_OCCUPATION', 'Occupation')).toEqual(['2421', '242', '24', '2']);
    expect(await path('IN_INDUSTRY', 'Industry')).toEqual(['M7010', 'M701', 'M70', 'M']);
    expect(await path('IN_CATEGORY', 'Category')).toEqual(['BLM', 'B']);
    const [occupation] = await query<{ name: string; provisional: boolean; label: string }>(
      "MATCH (:Standard {id: 'BLM2421-007v4'})-[l:FOR_OCCUPATION]->(o) RETURN o.name AS name, o.provisional AS provisional, l.label AS label",
    );
    expect(occupation).toEqual({ name: '組織及政策管理專業人員', provisional: false, label: '組織及政策管理專業人員' });
    expect(await count("MATCH (:Standard {id: 'BLM2421-007v4'})-[:AT_LEVEL]->(l:Level {number: 4}) RETURN count(l) AS n")).toBe(1);
    expect(await count("MATCH (:Unit {id: 'BGM5R0167v2'})-[:AT_LEVEL]->(l:Level {number: 5}) RETURN count(l) AS n")).toBe(1);
    expect(await count("MATCH (:Unit {id: 'BGM5R0167v2'})-[:IN_CATEGORY]->(:Category {code: 'BGM'})-[:PART_OF]->(:Category {code: 'B'}) RETURN count(*) AS n")).toBe(1);
  });

  it('writes the unit with its tasks, indicators, competencies and notes', async () => {
    const id = 'BGM5R0167v2';
    expect(await count('MATCH (:Unit {id: $id})-[:HAS_TASK]->(t) RETURN count(t) AS n', { id })).toBe(5);
    expect(await count('MATCH (:Unit {id: $id})-[:HAS_TASK]->()-[:HAS_INDICATOR]->(i) RETURN count(i) AS n', { id })).toBe(16);
    expect(await count('MATCH (:Unit {id: $id})-[:REQUIRES]->(k:Knowledge) RETURN count(k) AS n', { id })).toBe(8);
    expect(await count('MATCH (:Unit {id: $id})-[:REQUIRES]->(s:Skill) RETURN count(s) AS n', { id })).toBe(9);
    expect(await count('MATCH (:Unit {id: $id})-[:HAS_NOTE]->(n:Term) RETURN count(n) AS n', { id })).toBe(11);
    const [note2] = await query<{ term: string; text: string }>("MATCH (n:Term {id: 'BGM5R0167v2:N2'}) RETURN n.name AS term, n.text AS text");
    expect(note2).toEqual({
      term: '業務功能',
      text: '業務功能可能包括：現場員工的派遣、數據的投入、服務的提供、客戶聯繫的回應與組織一般提供的服務和產品。',
    });
    const explained = await query<{ notes: number[] }>(
      "MATCH (:Indicator {id: 'BGM5R0167v2:P1.1'})-[:EXPLAINED_BY]->(n) WITH n ORDER BY n.number RETURN collect(n.number) AS notes",
    );
    expect(explained[0]?.notes.map(Number)).toEqual([1, 2]);
    expect(await count("MATCH (:Skill {name: '分析技能'})-[:EXPLAINED_BY]->(:Term {id: 'BGM5R0167v2:N9'}) RETURN count(*) AS n")).toBe(1);
  });
});

describe('re-importing and refusing', () => {
  beforeEach(async () => {
    await clearGraph(test.driver);
    await loadSeed(test.db);
  });

  it('re-importing the same documents changes nothing', async () => {
    const before = await graphSnapshot(test.driver);
    const again = await loadSeed(test.db);
    expect(again.map((r) => r.status)).toEqual(['UNCHANGED', 'UNCHANGED']);
    expect(await graphSnapshot(test.driver)).toEqual(before);
  });

  it('refuses a broken document with its line and field, and writes nothing', async () => {
    const before = await graphSnapshot(test.driver);
    // T2.3's 職能級別 becomes 9: levels run from 1 to 6.
    const broken = standardText.replace('\t4\tK03成本計算 K06組織業務經營的相關法規和行為準則\tS01', '\t9\tK03成本計算 K06組織業務經營的相關法規和行為準則\tS01');
    const brokenLine = broken.split('\n').findIndex((line) => line.includes('\t9\tK03')) + 1;
    expect(brokenLine).toBeGreaterThan(0);
    const [result] = await importDocuments(test.db, [{ name: 'broken.txt', text: broken }]);
    expect(result?.status).toBe('FAILED');
    expect(result?.errors[0]?.line).toBe(brokenLine);
    expect(result?.errors[0]?.message).toContain('broken.txt');
    expect(result?.errors[0]?.field).toMatch(/級別/);
    expect(await graphSnapshot(test.driver)).toEqual(before);
  });

  it('rolls back everything when the transaction fails half-way', async () => {
    const before = await graphSnapshot(test.driver);
    const changed = parseDocument(standardText.replace('微型企業營運主管	最新版本', '微型企業營運總監	最新版本'), 'changed.txt');
    await expect(
      importDocument(test.db, changed, {
        beforeCommit: async () => {
          throw new Error('injected failure after all writes');
        },
      }),
    ).rejects.toThrow('injected failure');
    expect(await graphSnapshot(test.driver)).toEqual(before);
  });

  it('a bulk import isolates a document that fails to write: the others land, it leaves nothing', async () => {
    const variant = (serial: string) => ({ name: `${serial}.txt`, text: standardText.replaceAll('BLM2421-007', `BLM2421-${serial}`) });
    const results = await importDocuments(test.db, [variant('101'), variant('102'), variant('103')], {
      loader: {
        // Refuse any transaction that writes document 102 (as a failing constraint would).
        beforeCommit: async (tx) => {
          const [row] = await tx.run<{ n: number }>({ name: 'test.probe', text: "MATCH (d:Document {id: 'BLM2421-102v4'}) RETURN count(d) AS n" });
          if ((row?.n ?? 0) > 0) throw new Error('document 102 refused');
        },
      },
    });
    expect(results.map((r) => [r.name, r.status])).toEqual([
      ['101.txt', 'CREATED'],
      ['102.txt', 'FAILED'],
      ['103.txt', 'CREATED'],
    ]);
    expect(results[1]?.errors[0]?.message).toContain('document 102 refused');
    expect(await count("MATCH (d:Document) WHERE d.baseCode IN ['BLM2421-101', 'BLM2421-103'] AND d.hasContent RETURN count(d) AS n")).toBe(2);
    expect(await count("MATCH (n) WHERE n.id STARTS WITH 'BLM2421-102' RETURN count(n) AS n")).toBe(0);
  });

  it('concurrent imports of one document do not duplicate anything', async () => {
    const settled = await graphSnapshot(test.driver); // taxonomy + both seeds, imported one at a time
    await clearGraph(test.driver);
    await loadTaxonomy(test.db, readTaxonomy(path.join(SEED_DIR, 'taxonomy')));
    const standard = parseDocument(standardText, 'standard.txt');
    const outcomes = await Promise.all([1, 2, 3, 4].map(() => importDocument(test.db, standard)));
    expect(outcomes.filter((o) => o.status === 'CREATED')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'UNCHANGED')).toHaveLength(3);
    await importDocument(test.db, parseDocument(unitText, 'unit.txt'));
    expect(await graphSnapshot(test.driver)).toEqual(settled);
  });
});

describe('changed content and new versions', () => {
  beforeEach(async () => {
    await clearGraph(test.driver);
    await loadSeed(test.db);
  });

  it('replaces a document’s own parts cleanly and keeps competencies other documents use', async () => {
    // Drop responsibility T4 (task T4.1 and the K11..K15 only it needs) from the standard.
    const lines = standardText.split('\n');
    const t4 = lines.findIndex((line) => line.startsWith('T4'));
    const trimmed = [...lines.slice(0, t4 - 2), ...lines.slice(t4 + 1)].join('\n');
    const [result] = await importDocuments(test.db, [{ name: 'standard-trimmed.txt', text: trimmed }]);
    expect(result?.status).toBe('UPDATED');
    expect(await count("MATCH (:Standard {id: 'BLM2421-007v4'})-[:HAS_RESPONSIBILITY]->(r) RETURN count(r) AS n")).toBe(3);
    expect(await count("MATCH (t:Task) WHERE t.id STARTS WITH 'BLM2421-007v4:T4' RETURN count(t) AS n")).toBe(0);
    expect(await count("MATCH (i:Indicator) WHERE i.id STARTS WITH 'BLM2421-007v4:P4' RETURN count(i) AS n")).toBe(0);
    expect(await count("MATCH (o:Output {id: 'BLM2421-007v4:O4.1.1'}) RETURN count(o) AS n")).toBe(0);
    // K15 稅務要求 was required by T4.1 only and by no other document: gone. S09 讀寫能力 likewise.
    expect(await count("MATCH (k:Knowledge {name: '稅務要求'}) RETURN count(k) AS n")).toBe(0);
    // Nothing dangling anywhere.
    expect(await count('MATCH (t:Task) WHERE NOT ()-[:HAS_TASK]->(t) RETURN count(t) AS n')).toBe(0);
    expect(await count('MATCH (i:Indicator) WHERE NOT ()-[:HAS_INDICATOR]->(i) RETURN count(i) AS n')).toBe(0);
    expect(await count('MATCH (c:Competency) WHERE NOT ()-[:REQUIRES]->(c) RETURN count(c) AS n')).toBe(0);
    // The unit's competencies are untouched.
    expect(await count("MATCH (:Unit {id: 'BGM5R0167v2'})-[:REQUIRES]->(c) RETURN count(c) AS n")).toBe(17);
  });

  it('a later version with content keeps the earlier one’s content and becomes CURRENT', async () => {
    const v5 = standardText
      .replace('V4\tBLM2421-007v4\t微型企業營運主管\t最新版本\t略', 'V5\tBLM2421-007v5\t微型企業營運主管\t最新版本\t略\t2026/06/30\nV4\tBLM2421-007v4\t微型企業營運主管\t歷史版本\t已被《BLM2421-007v5》取代')
      .replace('職能基準代碼\tBLM2421-007v4', '職能基準代碼\tBLM2421-007v5');
    const [result] = await importDocuments(test.db, [{ name: 'v5.txt', text: v5 }]);
    expect(result?.errors).toEqual([]);
    expect(result?.code).toBe('BLM2421-007v5');
    const versions = await query<{ code: string; status: string; hasContent: boolean; tasks: number }>(
      "MATCH (s:Standard {baseCode: 'BLM2421-007'}) RETURN s.code AS code, s.status AS status, s.hasContent AS hasContent, COUNT { (s)-[:HAS_RESPONSIBILITY]->()-[:HAS_TASK]->() } AS tasks ORDER BY s.version DESC LIMIT 2",
    );
    expect(versions).toEqual([
      { code: 'BLM2421-007v5', status: 'CURRENT', hasContent: true, tasks: 9 },
      { code: 'BLM2421-007v4', status: 'HISTORICAL', hasContent: true, tasks: 9 },
    ]);
    expect(await count("MATCH (:Standard {id: 'BLM2421-007v5'})-[:SUPERSEDES]->(:Standard {id: 'BLM2421-007v4'}) RETURN count(*) AS n")).toBe(1);
  });

  it('creates a code the taxonomy lacks as provisional, named by the document', async () => {
    const text = standardText
      .replaceAll('BLM2421-007', 'BLM9999-001')
      .replace('組織及政策管理專業人員\t職業別代碼\t2421', '未知職業名稱\t職業別代碼\t9999');
    const [result] = await importDocuments(test.db, [{ name: 'new-occupation.txt', text }]);
    expect(result?.status).toBe('CREATED');
    const [occupation] = await query<{ name: string; provisional: boolean; parent: string }>(
      "MATCH (o:Occupation {id: '9999'})-[:PART_OF]->(p) RETURN o.name AS name, o.provisional AS provisional, p.code AS parent",
    );
    expect(occupation).toEqual({ name: '未知職業名稱', provisional: true, parent: '999' });
  });
});

describe('documents in forms the importer normalises', () => {
  beforeAll(async () => {
    await clearGraph(test.driver);
    await loadTaxonomy(test.db, readTaxonomy(path.join(SEED_DIR, 'taxonomy')));
  });

  const hyphenated = standardText
    .replaceAll('BLM2421-007', 'BLM2421-901')
    .replace('專業、科學及技術服務業 / 企業總管理機構及管理顧問業\t行業別代碼\tM7010', '製造業 / 塑膠製品製造業/塑膠外殼及配件製造業\t行業別代碼\tC-22-220-2203');

  it('a dry run reports what was normalised, with its line and field, and writes nothing', async () => {
    const [result] = await importDocuments(test.db, [{ name: 'hyphenated.txt', text: hyphenated }], { dryRun: true });
    expect(result).toMatchObject({ status: 'CREATED', errors: [] });
    expect(result?.warnings).toEqual([{ kind: 'HYPHENATED_CODE', message: '行業別代碼 C-22-220-2203 read as C2203', line: 16, field: '行業別' }]);
    expect(await count("MATCH (d:Document {id: 'BLM2421-901v4'}) RETURN count(d) AS n")).toBe(0);
  });

  it('an import links the normalised code into the industry hierarchy and reports the same warnings', async () => {
    const [result] = await importDocuments(test.db, [{ name: 'hyphenated.txt', text: hyphenated }]);
    expect(result?.status).toBe('CREATED');
    expect(result?.warnings.map((w) => w.kind)).toEqual(['HYPHENATED_CODE']);
    const chain = await query<{ codes: string[] }>(
      "MATCH (:Standard {id: 'BLM2421-901v4'})-[:IN_INDUSTRY]->(i:Industry) MATCH p = (i)-[:PART_OF*]->(:Industry {id: 'C'}) RETURN [n IN nodes(p) | n.code] AS codes",
    );
    expect(chain).toEqual([{ codes: ['C2203', 'C220', 'C22', 'C'] }]);
  });

  it('a document that parses as published has no warnings', async () => {
    const [result] = await importDocuments(test.db, [{ name: 'standard.txt', text: standardText }], { dryRun: true });
    expect(result?.warnings).toEqual([]);
  });
});
