// The graph export on the real Neo4j with the seeds loaded: the whole graph and one document, in
// Cytoscape.js JSON, GraphML and CSV, with exactly the nodes and relationships the graph holds.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportGraph } from '../../src/export/export-graph.js';
import { loadSeed } from '../../src/ingest/seed.js';
import { clearGraph, openTestDatabase, type TestDatabase } from '../helpers/database.js';

let test: TestDatabase;
let outDir: string;
let counts: { nodes: number; relationships: number };
beforeAll(async () => {
  test = await openTestDatabase();
  await clearGraph(test.driver);
  await loadSeed(test.db);
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'graph-export-'));
  const [row] = (
    await test.driver.executeQuery(
      `CALL () { MATCH (n) WHERE NOT n:Migration AND NOT n:Catalogue RETURN count(n) AS nodes }
       CALL () { MATCH (a)-[r]->(b) WHERE NOT a:Migration AND NOT b:Migration RETURN count(r) AS relationships }
       RETURN nodes, relationships`,
    )
  ).records;
  counts = { nodes: Number(row!.get('nodes')), relationships: Number(row!.get('relationships')) };
});
afterAll(async () => {
  fs.rmSync(outDir, { recursive: true, force: true });
  await test?.close();
});

describe('exportGraph', () => {
  it('writes the whole graph as Cytoscape.js JSON', async () => {
    const summary = await exportGraph(test.db, { format: 'json', outDir });
    expect(summary).toEqual({ files: [path.join(outDir, 'graph.json')], ...counts });
    const { elements } = JSON.parse(fs.readFileSync(summary.files[0]!, 'utf8'));
    expect(elements.nodes).toHaveLength(counts.nodes);
    expect(elements.edges).toHaveLength(counts.relationships);
    const ids = new Set(elements.nodes.map((n: { data: { id: string } }) => n.data.id));
    expect(ids.size).toBe(counts.nodes);
    expect(elements.edges.every((e: { data: { source: string; target: string } }) => ids.has(e.data.source) && ids.has(e.data.target))).toBe(true);
    expect(elements.nodes.find((n: { data: { id: string } }) => n.data.id === 'Skill:溝通協調能力').data).toMatchObject({
      key: 'skill:溝通協調能力',
      type: 'Skill',
      label: '溝通協調能力',
      kind: 'skill',
    });
    expect(elements.edges).toContainEqual({
      data: expect.objectContaining({ source: 'Task:BLM2421-007v4:T1.1', target: 'Skill:溝通協調能力', interaction: 'REQUIRES', code: 'S04' }),
    });
  });

  it('writes GraphML and CSV tables with the same content', async () => {
    const graphml = await exportGraph(test.db, { format: 'graphml', outDir });
    const text = fs.readFileSync(graphml.files[0]!, 'utf8');
    expect(text.startsWith('<?xml')).toBe(true);
    expect(text.match(/<node /g)).toHaveLength(counts.nodes);
    expect(text.match(/<edge /g)).toHaveLength(counts.relationships);
    expect(text).toContain('<node id="Standard:BLM2421-007v4"><data key="label">微型企業營運主管</data>');

    const csv = await exportGraph(test.db, { format: 'csv', outDir });
    expect(csv.files.map((file) => path.basename(file))).toEqual(['graph-nodes.csv', 'graph-edges.csv']);
    const nodes = fs.readFileSync(csv.files[0]!, 'utf8');
    expect(nodes.startsWith('\ufeffId,Label,type,labels,key,code,name,text,level,properties\r\n')).toBe(true);
    // Cells may hold line breaks inside quotes; count records by their leading id.
    expect(nodes.split('\r\n').filter((line) => /^[A-Za-z]+:/.test(line))).toHaveLength(counts.nodes);
    const edges = fs.readFileSync(csv.files[1]!, 'utf8').split('\r\n');
    expect(edges[0]).toBe('\ufeffSource,Target,Type,Label,relationship,code,order,linkLabel,score,properties');
    expect(edges.filter((line) => line.includes(',Directed,'))).toHaveLength(counts.relationships);
  });

  it('writes one document with what it links to, by base code', async () => {
    const summary = await exportGraph(test.db, { format: 'json', outDir, code: 'BLM2421-007' });
    expect(summary.files).toEqual([path.join(outDir, 'BLM2421-007v4.json')]);
    const { elements } = JSON.parse(fs.readFileSync(summary.files[0]!, 'utf8'));
    const types = (type: string) => elements.nodes.filter((n: { data: { type: string } }) => n.data.type === type).length;
    // The standard, 4 responsibilities, 9 tasks, 31 indicators, 4 outputs, 15 K, 9 S, 6 A, the
    // version it supersedes, occupation 2421, industry M7010, category BLM and level 4.
    expect([types('Standard'), types('Responsibility'), types('Task'), types('Indicator'), types('Output')]).toEqual([2, 4, 9, 31, 4]);
    expect([types('Knowledge'), types('Skill'), types('Attitude')]).toEqual([15, 9, 6]);
    expect([types('Occupation'), types('Industry'), types('Category'), types('CompetencyLevel')]).toEqual([1, 1, 1, 1]);
    expect(summary.nodes).toBe(elements.nodes.length);
    const ids = new Set(elements.nodes.map((n: { data: { id: string } }) => n.data.id));
    expect(elements.edges.every((e: { data: { source: string; target: string } }) => ids.has(e.data.source) && ids.has(e.data.target))).toBe(true);
    await expect(exportGraph(test.db, { format: 'csv', outDir, code: 'NOPE0000-000' })).rejects.toThrow(/No document with code/);
  });
});
