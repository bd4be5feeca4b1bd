// The graph explorer in a real browser (Debian Chromium through playwright-core) against the real
// service, the seed documents and a larger catalogue (generated, or EXPLORER_E2E_CORPUS): search,
// detail panel, graph, compare, learning path, and the catalogue-scale views (overview, hub
// summaries, heat map, paged relations) with the time to a first view. Screenshots go to
// test/artifacts/.
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadSeed } from '../../src/ingest/seed.js';
import { explorerRouter } from '../../src/http/explorer.js';
import { alignAll } from '../../src/modules/analysis/alignment.service.js';
import { clearGraph, openTestDatabase, type TestDatabase } from '../helpers/database.js';
import { startTestService, type TestService } from '../helpers/service.js';
import { globalIdOfNode } from '../../src/relay.js';
import { ARTIFACTS_DIR, launchChromium, openWatchedPage, saveScreenshot, type WatchedPage } from './helpers/browser.js';
import { ensureExplorerBuilt } from './helpers/explorer-build.js';
import { loadExplorerCorpus, type LoadedCorpus } from './helpers/explorer-corpus.js';

const STANDARD = 'BLM2421-007v4';
const UNIT = 'BGM5R0167v2';

let database: TestDatabase;
let service: TestService;
let browser: Browser;
let watched: WatchedPage | null = null;
let corpus: LoadedCorpus;

beforeAll(async () => {
  await ensureExplorerBuilt();
  database = await openTestDatabase();
  await clearGraph(database.driver);
  await loadSeed(database.db);
  await alignAll(database.db);
  service = await startTestService(database.driver);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await service?.stop();
  await database?.close();
});

afterEach(async () => {
  const problems = watched?.problems ?? [];
  await watched?.context.close();
  watched = null;
  expect(problems, 'the page reported errors').toEqual([]);
});

/** A fresh page on the explorer, watched for console errors. */
async function openExplorer(hash = ''): Promise<Page> {
  watched = await openWatchedPage(browser, service.origin);
  await watched.page.goto(`/explorer/${hash}`);
  return watched.page;
}

/** How many nodes the graph shows, as the graph canvas publishes it. */
async function graphNodeCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('graph-canvas').getAttribute('data-node-count'));
}

async function waitForGraph(page: Page, atLeast = 2): Promise<void> {
  await page.waitForFunction(
    (minimum) => {
      const canvas = document.querySelector('[data-testid="graph-canvas"]') as HTMLElement | null;
      return canvas?.dataset.state === 'ready' && Number(canvas.dataset.nodeCount) >= minimum;
    },
    atLeast,
  );
}

/** Where a graph node is drawn on the page, read from the Cytoscape instance behind the canvas. */
async function nodeScreenPosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((nodeId) => {
    const container = document.querySelector('[data-testid="graph-canvas"]') as HTMLElement & { _cyreg: { cy: import('cytoscape').Core } };
    const node = container._cyreg.cy.getElementById(nodeId);
    const position = node.renderedPosition();
    const box = container.getBoundingClientRect();
    return { x: box.left + position.x, y: box.top + position.y };
  }, id);
}

async function visibleNodeTypes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const container = document.querySelector('[data-testid="graph-canvas"]') as HTMLElement & { _cyreg: { cy: import('cytoscape').Core } };
    // Reading the style computes it; `:visible` alone may see the style before a filter applied.
    const shown = container._cyreg.cy.nodes().filter((node) => node.style('display') !== 'none');
    return [...new Set(shown.map((node) => node.data('type') as string))];
  });
}

describe('explorer over HTTP', () => {
  it('is served at /explorer with its assets, same-origin only', async () => {
    const bare = await fetch(`${service.origin}/explorer`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/explorer/');

    const page = await fetch(`${service.origin}/explorer/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await page.text();
    expect(html).toContain('data-testid="search-input"');
    // Everything the page loads comes from this service.
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? '');
    expect(assets.filter((url) => /^(https?:)?\/\//.test(url))).toEqual([]);
    for (const asset of assets.filter((url) => url.startsWith('/explorer/assets/'))) {
      const response = await fetch(`${service.origin}${asset}`);
      expect(response.status, asset).toBe(200);
      expect(response.headers.get('cache-control')).toContain('immutable');
    }
    expect((await fetch(`${service.origin}/explorer/missing.js`)).status).toBe(404);
  });

  it('answers 503 with what to run while the explorer is not built', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'explorer-unbuilt-'));
    const app = express().use('/explorer', explorerRouter(empty));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/explorer/`);
      expect(response.status).toBe(503);
      expect(await response.text()).toContain('npm run build:explorer');
    } finally {
      server.close();
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('explorer in Chromium', () => {
  it('searches in Chinese as you type, opens the first result in the detail panel and draws its neighbourhood', async () => {
    const page = await openExplorer();
    await page.getByTestId('search-input').fill('風險評估');
    const first = page.getByTestId('search-result').first();
    await first.waitFor();
    // Each result names its type and code.
    expect(await page.getByTestId('search-result').count()).toBeGreaterThan(1);
    expect(await first.getAttribute('data-type')).toBeTruthy();
    expect(await page.locator('[data-testid="search-result"] mark').first().textContent()).toContain('風險評估');
    await saveScreenshot(page, 'explorer-search');

    const id = (await first.getAttribute('data-id')) ?? '';
    await first.click();
    const panel = page.getByTestId('detail-panel');
    await panel.waitFor({ state: 'visible' });
    await page.waitForFunction((entityId) => document.querySelector('#detail-panel .detail-header .id')?.textContent === entityId, id);
    await waitForGraph(page);
    expect(await graphNodeCount(page)).toBeGreaterThan(1);
    // The canvas really drew something.
    const canvasBox = await page.locator('[data-testid="graph-canvas"] canvas').first().boundingBox();
    expect(canvasBox?.width).toBeGreaterThan(300);
    expect(page.url()).toContain(encodeURIComponent(id));
    await saveScreenshot(page, 'explorer-search-result');
  });

  it('shows a standard with every field, and task T2.3 under its full name', async () => {
    const page = await openExplorer();
    const input = page.getByTestId('search-input');
    await input.fill(STANDARD);
    await input.press('Enter');
    await page.locator(`[data-testid="search-result"][data-id="Standard:${STANDARD}"]`).click();
    const panel = page.getByTestId('detail-panel');
    const task = panel.locator(`a[data-id="Task:${STANDARD}:T2.3"]`).first();
    await task.waitFor();
    // The page break in the published table cut this name in two; the explorer shows it whole.
    expect(await task.textContent()).toContain('T2.3');
    expect(await task.textContent()).toContain('因應不同利益關係人提供適當資訊');
    const text = (await panel.textContent()) ?? '';
    for (const expected of ['微型企業營運主管', '熟悉市場且評估微型企業的資源需求', 'BLM2421-007', 'S01', '分析資訊與數據能力', 'K01', '創新商業模式', '2421']) {
      expect(text).toContain(expected);
    }
    await waitForGraph(page);
    await saveScreenshot(page, 'explorer-standard');

    // Links in the panel open the related entity.
    await task.click();
    await page.waitForFunction(() => document.querySelector('#detail-panel .detail-header .id')?.textContent === 'Task:BLM2421-007v4:T2.3');
    expect(await panel.textContent()).toContain('P2.3.1');
    await waitForGraph(page);
    expect(page.url()).toContain(encodeURIComponent(`Task:${STANDARD}:T2.3`));
  });

  it('expands a node on double-click, filters by type, changes depth, and exports PNG, JSON and the query', async () => {
    const page = await openExplorer(`#/explore?id=${encodeURIComponent(`Standard:${STANDARD}`)}`);
    await waitForGraph(page);
    const before = await graphNodeCount(page);

    // Double-click a responsibility: its tasks join the drawing.
    const responsibility = `Responsibility:${STANDARD}:T2`;
    const spot = await nodeScreenPosition(page, responsibility);
    await page.mouse.dblclick(spot.x, spot.y);
    await page.waitForFunction((count) => Number(document.querySelector<HTMLElement>('[data-testid="graph-canvas"]')?.dataset.nodeCount) > count, before);
    expect(await visibleNodeTypes(page)).toContain('Task');

    // Untick a type in the legend: its nodes disappear from the drawing.
    expect(await visibleNodeTypes(page)).toContain('Skill');
    await page.locator('#graph-legend input[data-type="Skill"]').uncheck();
    expect(await visibleNodeTypes(page)).not.toContain('Skill');
    await page.locator('#graph-legend input[data-type="Skill"]').check();

    // Depth 2 reaches further.
    await page.locator('#graph-depth').selectOption('2');
    await page.waitForFunction(() => new URLSearchParams(location.hash.split('?')[1]).get('depth') === '2');
    await waitForGraph(page);
    expect(await graphNodeCount(page)).toBeGreaterThan(before);

    // Keyboard: the canvas takes focus and zooms with the keys.
    const zoomBefore = await page.evaluate(() => (document.querySelector('[data-testid="graph-canvas"]') as HTMLElement & { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy.zoom());
    await page.getByTestId('graph-canvas').focus();
    await page.keyboard.press('+');
    const zoomAfter = await page.evaluate(() => (document.querySelector('[data-testid="graph-canvas"]') as HTMLElement & { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy.zoom());
    expect(zoomAfter).toBeGreaterThan(zoomBefore);
    await page.locator('#graph-fit').click();

    const [png] = await Promise.all([page.waitForEvent('download'), page.locator('#export-png').click()]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    const pngFile = path.join(ARTIFACTS_DIR, 'explorer-graph-export.png');
    await png.saveAs(pngFile);
    expect(fs.readFileSync(pngFile).subarray(1, 4).toString()).toBe('PNG');

    const [json] = await Promise.all([page.waitForEvent('download'), page.locator('#export-json').click()]);
    const jsonFile = path.join(ARTIFACTS_DIR, 'explorer-graph-export.json');
    await json.saveAs(jsonFile);
    const exported = JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as { nodes: unknown[]; edges: unknown[]; queries: Array<{ query: string }> };
    expect(exported.nodes.length).toBe(await graphNodeCount(page));
    expect(exported.edges.length).toBeGreaterThan(0);
    expect(exported.queries[0]?.query).toContain('neighborhood(');

    await page.locator('#copy-query').click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('neighborhood(');
    expect(copied).toContain(`Standard:${STANDARD}`);
    await saveScreenshot(page, 'explorer-graph');
  });

  it('compares the two seed documents: the aligned pair 分析技能 / 分析資訊與數據能力 with its evidence', async () => {
    const page = await openExplorer();
    await page.locator('nav a[data-view="compare"]').click();
    for (const code of [STANDARD, UNIT]) {
      await page.getByTestId('compare-docs-input').fill(code);
      await page.locator(`[data-testid="compare-docs-result"][data-id$=":${code}"]`).click();
    }
    await page.getByTestId('compare-min-score').fill('0.5');
    await page.getByTestId('compare-run').click();
    const aligned = page.getByTestId('shared-row').filter({ hasText: '分析技能' }).filter({ hasText: '分析資訊與數據能力' });
    await aligned.waitFor();
    expect(await page.getByTestId('shared-row').count()).toBeGreaterThan(1);

    // Hovering a cell shows why the wordings were matched and where each document needs it.
    await aligned.locator('td.hit').first().hover();
    const tooltip = page.locator('.tooltip:not([hidden])');
    await tooltip.waitFor();
    expect(await tooltip.textContent()).toMatch(/分析技能 ≈ 分析資訊與數據能力|分析資訊與數據能力 ≈ 分析技能/);
    await saveScreenshot(page, 'explorer-compare');

    // The comparison is in the address: reloading it shows the same rows.
    await page.reload();
    await page.getByTestId('shared-row').filter({ hasText: '分析技能' }).filter({ hasText: '分析資訊與數據能力' }).waitFor();
  });

  it('plans a learning path to the unit: coverage before and after, tasks of the standard as a step with its reason, and what stays uncovered', async () => {
    const page = await openExplorer();
    await page.locator('nav a[data-view="path"]').click();
    await page.getByTestId('path-target-input').fill(UNIT);
    await page.locator(`[data-testid="path-target-result"][data-id="Unit:${UNIT}"]`).click();
    await page.getByTestId('path-run').click();
    const step = page.locator(`[data-testid="path-step"][data-code="${STANDARD}"]`);
    await step.waitFor();
    expect(await page.getByTestId('coverage-before').textContent()).toContain('0%');
    const after = Number(/(\d+)%/.exec((await page.getByTestId('coverage-after').textContent()) ?? '')?.[1]);
    expect(after).toBeGreaterThan(0);
    // The first step is open: the gaps it closes, each with the wording that closes it, and why.
    const closes = (await step.locator('details ul').textContent()) ?? '';
    expect(closes).toContain('溝通和協商技能');
    expect(closes).toContain('溝通協調能力');
    expect(await step.getByTestId('step-reason').textContent()).toContain('Study task');
    // 分析技能 is taught only by tasks of which less than 30% serves the unit (2 of 7 K/S): it stays
    // uncovered, with the reason, rather than sending the learner through a mostly unrelated task.
    const uncovered = (await page.getByTestId('path-uncovered').textContent()) ?? '';
    expect(uncovered).toContain('分析技能');
    expect(uncovered).toContain('not relevant enough');
    expect(await page.getByTestId('path-gap').count()).toBeGreaterThan(0);
    await saveScreenshot(page, 'explorer-learning-path');

    // Holding the standard already: the plan starts from its coverage, and the address keeps the choice.
    await page.goto(`/explorer/#/path?from=${STANDARD}&to=${UNIT}`);
    await page.waitForFunction(() => /[1-9]\d*%/.test(document.querySelector('[data-testid="coverage-before"]')?.textContent ?? ''));
  });
});

/** Rows of a Cypher query as plain objects (numbers as JS numbers). */
async function cypherRows<T>(text: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const { records } = await database.driver.executeQuery(text, params);
  return records.map((record) => {
    const row: Record<string, unknown> = {};
    for (const key of record.keys) {
      const value = record.get(key);
      row[String(key)] = typeof value === 'object' && value !== null && 'toNumber' in value ? (value as { toNumber(): number }).toNumber() : value;
    }
    return row as T;
  });
}

/** The drawn nodes as the Cytoscape instance holds them. */
async function drawnNodes(page: Page): Promise<Array<{ id: string; type: string; display: string; full: string }>> {
  return page.evaluate(() => {
    const container = document.querySelector('[data-testid="graph-canvas"]') as HTMLElement & { _cyreg: { cy: import('cytoscape').Core } };
    return container._cyreg.cy.nodes().map((node) => ({ id: node.id(), type: node.data('type') as string, display: node.data('display') as string, full: node.data('full') as string }));
  });
}

describe('explorer at catalogue scale', () => {
  // After the seed-only tests: alignment reads its frames from the whole corpus, so the seeds'
  // own pairs are asserted on the seeds alone.
  beforeAll(async () => {
    corpus = await loadExplorerCorpus(database.db);
    await alignAll(database.db);
  });

  /** The competency the most documents and tasks require: the hub of the catalogue. */
  async function hub(): Promise<{ id: string; name: string }> {
    const [row] = await cypherRows<{ id: string; labels: string[]; name: string }>(
      `MATCH (c:Competency)<-[:REQUIRES]-(x) WITH c, count(DISTINCT x) AS n ORDER BY n DESC, c.id LIMIT 1
       RETURN c.id AS id, labels(c) AS labels, c.name AS name`,
    );
    return { id: globalIdOfNode(row!.labels, row!.id), name: row!.name };
  }

  it('answers the hub queries over HTTP: null for an unknown entity, BAD_USER_INPUT for a group without its key, the limit kept', async () => {
    const post = async (query: string) => {
      const response = await fetch(`${service.origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
      return (await response.json()) as { data?: Record<string, unknown> | null; errors?: Array<{ extensions?: { code?: string } }> };
    };
    expect((await post('{ neighborhoodSummary(id: "Skill:沒有這個職能") { neighbourCount } }')).data).toEqual({ neighborhoodSummary: null });
    const missingKey = await post(`{ neighborhoodGroup(id: "Standard:${STANDARD}", facet: CLUSTER) { total } }`);
    expect(missingKey.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const { id } = await hub();
    const drawn = await post(`{ neighborhoodGroup(id: "${id}", limit: 5) { nodes { id } total leftOut { key count } } }`);
    const group = drawn.data?.neighborhoodGroup as { nodes: unknown[]; total: number; leftOut: Array<{ count: number }> };
    expect(group.nodes.length).toBe(6);
    expect(group.leftOut.reduce((sum, entry) => sum + entry.count, 0)).toBe(group.total - 5);
  });

  it('loads the larger catalogue', () => {
    expect(corpus.failed).toBe(0);
    expect(corpus.documents).toBeGreaterThanOrEqual(50);
  });

  it('lands on the catalogue overview: documents per career cluster and level, most required competencies, most similar standards', async () => {
    const page = await openExplorer();
    await page.locator('[data-testid="overview"][data-state="ready"]').waitFor();
    // Every current document is counted under each career cluster it is filed in (a few are filed in two).
    const [{ filed }] = (await cypherRows<{ filed: number }>(
      `MATCH (d:Document {status: 'CURRENT'})
       OPTIONAL MATCH (d)-[:IN_CATEGORY]->(:Category)-[:PART_OF*0..3]->(g:Category) WHERE g.depth = 1
       WITH DISTINCT d, g RETURN count(*) AS filed`,
    )) as [{ filed: number }];
    const clusterCounts = await page.getByTestId('overview-cluster').evaluateAll((rows) => rows.map((row) => Number((row as HTMLElement).dataset.count)));
    expect(clusterCounts.reduce((sum, count) => sum + count, 0)).toBe(filed);
    expect(clusterCounts).toEqual([...clusterCounts].sort((a, b) => b - a));
    // Each cluster's bar is split by level, and the parts add up to the cluster.
    const first = page.getByTestId('overview-cluster').first();
    const parts = await first.locator('.stack').evaluateAll((stacks) => stacks.map((stack) => Number((stack as HTMLElement).style.flexGrow)));
    expect(parts.reduce((sum, count) => sum + count, 0)).toBe(clusterCounts[0]);

    // The most required competency comes first, with the documents requiring it or an equivalent wording.
    const lead = page.getByTestId('overview-competency').first();
    const leadId = (await lead.locator('a.entity-link').getAttribute('data-id')) ?? '';
    const graphId = `${leadId.split(':')[0]!.toLowerCase()}:${leadId.slice(leadId.indexOf(':') + 1)}`;
    const [{ documents }] = (await cypherRows<{ documents: number }>(
      `MATCH (c:Competency {id: $id})
       OPTIONAL MATCH (c)-[:EQUIVALENT_TO]-(e:Competency)
       WITH c, collect(e) AS equivalents
       UNWIND [c] + equivalents AS member
       MATCH (member)<-[:REQUIRES]-(d:Document {status: 'CURRENT'})
       RETURN count(DISTINCT d) AS documents`,
      { id: graphId },
    )) as [{ documents: number }];
    expect(Number(await lead.getAttribute('data-count'))).toBe(documents);
    const [{ most }] = (await cypherRows<{ most: number }>(
      // The overview ranks knowledge and skills (attitudes are not learnt from documents).
      `MATCH (c:Competency)<-[:REQUIRES]-(d:Document {status: 'CURRENT'}) WHERE c.kind IN ['skill', 'knowledge']
       WITH c, count(DISTINCT d) AS n RETURN max(n) AS most`,
    )) as [{ most: number }];
    expect(documents).toBeGreaterThanOrEqual(most);
    expect(await page.getByTestId('overview-pair').count()).toBeGreaterThan(0);
    await saveScreenshot(page, 'explorer-overview');

    // An item leads to its detail: the competency opens in the explore view.
    await lead.locator('a.entity-link').click();
    await page.waitForFunction((id) => document.querySelector('#detail-panel .detail-header .id')?.textContent === id, leadId);
  });

  it(`draws the first view of the busiest hub in under 2 s: a summary by kind, cluster, level and occupation, and a labelled drawing that says what it left out`, async () => {
    const { id, name } = await hub();
    const page = await openExplorer();
    await page.locator('[data-testid="overview"][data-state="ready"]').waitFor();
    // A service plans each Cypher statement once, when it is first used: open another competency
    // first, so that what is timed is the first view of this entity, not the service's first request.
    const [other] = await cypherRows<{ id: string; labels: string[] }>(
      'MATCH (c:Competency) WHERE c.id <> $id RETURN c.id AS id, labels(c) AS labels ORDER BY c.id LIMIT 1',
      { id: `${id.split(':')[0]!.toLowerCase()}:${id.slice(id.indexOf(':') + 1)}` },
    );
    await page.evaluate((href) => (window.location.hash = href), `#/explore?id=${encodeURIComponent(globalIdOfNode(other!.labels, other!.id))}`);
    await waitForGraph(page, 1);
    const started = Date.now();
    await page.evaluate((href) => (window.location.hash = href), `#/explore?id=${encodeURIComponent(id)}`);
    await page.waitForFunction(
      (entityId) =>
        document.querySelector<HTMLElement>('[data-testid="graph-canvas"]')?.dataset.state === 'ready' &&
        document.querySelector<HTMLElement>('#hub-summary')?.dataset.state === 'ready' &&
        document.querySelector('#detail-panel .detail-header .id')?.textContent === entityId,
      id,
      { polling: 20 },
    );
    const firstView = Date.now() - started;
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    fs.writeFileSync(path.join(ARTIFACTS_DIR, 'explorer-first-view.json'), JSON.stringify({ corpus: corpus.source, entity: id, firstViewMs: firstView }, null, 2));
    console.info(`explorer first view of ${name} (${corpus.source}): ${firstView} ms`);
    expect(firstView).toBeLessThan(2000);

    // The summary counts what the graph holds.
    const byKind = await page.locator('[data-testid="facet-bar"][data-facet="KIND"]').evaluateAll((bars) =>
      Object.fromEntries(bars.map((bar) => [(bar as HTMLElement).dataset.key, Number((bar as HTMLElement).dataset.count)])),
    );
    const graphId = `${id.split(':')[0]!.toLowerCase()}:${id.slice(id.indexOf(':') + 1)}`;
    const [{ standards, tasks }] = (await cypherRows<{ standards: number; tasks: number }>(
      `MATCH (c:Competency {id: $id})
       RETURN COUNT { MATCH (c)--(s:Standard) RETURN DISTINCT s } AS standards, COUNT { MATCH (c)--(t:Task) RETURN DISTINCT t } AS tasks`,
      { id: graphId },
    )) as [{ standards: number; tasks: number }];
    expect(byKind.Standard).toBe(standards);
    expect(byKind.Task).toBe(tasks);
    expect(await page.locator('[data-testid="facet-bar"][data-facet="CLUSTER"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="facet-bar"][data-facet="LEVEL"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="facet-bar"][data-facet="OCCUPATION"]').count()).toBeGreaterThan(0);

    // The drawing holds no more than it can label, says what it left out, and labels every node.
    const nodes = await drawnNodes(page);
    expect(nodes.length).toBeLessThanOrEqual(41);
    expect(standards + tasks).toBeGreaterThan(40);
    expect(await page.locator('#graph-status').textContent()).toMatch(/left out: .*\d+ (Task|Standard)/);
    for (const node of nodes) {
      expect(node.display.length, node.id).toBeGreaterThan(0);
      expect([...node.display].length, node.id).toBeLessThanOrEqual(8);
    }
    // A shortened label shows the whole name on hover.
    const shortened = nodes.find((node) => node.display.endsWith('…'));
    expect(shortened).toBeDefined();
    const spot = await nodeScreenPosition(page, shortened!.id);
    await page.mouse.move(spot.x, spot.y);
    await page.getByTestId('graph-hover').filter({ hasText: shortened!.full }).waitFor();
    // Edges are typed by colour; the legend lists exactly the types drawn.
    const drawnTypes = await page.evaluate(() => {
      const container = document.querySelector('[data-testid="graph-canvas"]') as HTMLElement & { _cyreg: { cy: import('cytoscape').Core } };
      return [...new Set(container._cyreg.cy.edges().map((edge) => edge.data('type') as string))].sort();
    });
    const legendTypes = await page.locator('[data-edge-type]').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.edgeType ?? '').sort());
    expect(legendTypes).toEqual(drawnTypes);
    expect(drawnTypes).toContain('REQUIRES');
    await saveScreenshot(page, 'explorer-hub');

    // A cluster bar draws just the documents of that cluster.
    const bar = page.locator('[data-testid="facet-bar"][data-facet="CLUSTER"]').first();
    const count = Number(await bar.getAttribute('data-count'));
    await bar.click();
    await page.waitForFunction(() => new URLSearchParams(location.hash.split('?')[1]).get('facet') === 'CLUSTER');
    await waitForGraph(page, 1);
    await page.waitForFunction((expected) => Number(document.querySelector<HTMLElement>('[data-testid="graph-canvas"]')?.dataset.nodeCount) === expected, Math.min(count, 40) + 1);
    const group = await drawnNodes(page);
    expect(group.filter((node) => node.id !== id).every((node) => node.type === 'Standard' || node.type === 'Unit')).toBe(true);
    expect(await bar.getAttribute('aria-pressed')).toBe('true');
    await saveScreenshot(page, 'explorer-hub-cluster');
  });

  it('lists a long relation in pages in the detail panel', async () => {
    const { id } = await hub();
    const page = await openExplorer(`#/explore?id=${encodeURIComponent(id)}`);
    const field = page.locator('#detail-panel dd[data-field="requiredBy"]');
    await field.waitFor();
    const [{ total }] = (await cypherRows<{ total: number }>(
      'MATCH (c:Competency {id: $id})<-[:REQUIRES]-(x) RETURN count(DISTINCT x) AS total',
      { id: `${id.split(':')[0]!.toLowerCase()}:${id.slice(id.indexOf(':') + 1)}` },
    )) as [{ total: number }];
    expect(total).toBeGreaterThan(50);
    const items = field.locator('ul.value-list > li');
    expect(await items.count()).toBe(25);
    expect(await field.getByTestId('list-count').textContent()).toBe(`25 of ${total} shown`);
    await field.getByTestId('show-more').click();
    await page.waitForFunction(() => document.querySelectorAll('#detail-panel dd[data-field="requiredBy"] ul.value-list > li').length === 50);
    expect(await field.getByTestId('list-count').textContent()).toBe(`50 of ${total} shown`);
  });

  it('shows the overlap of a cluster\'s documents as a heat map, ordered so that similar documents sit together, with what a cell shares on hover', async () => {
    const page = await openExplorer();
    await page.locator('[data-testid="overview"][data-state="ready"]').waitFor();
    await page.getByTestId('overview-cluster').first().getByTestId('cluster-heat-map').click();
    const map = page.getByTestId('heat-map');
    await map.waitFor({ timeout: 30_000 });
    const order = ((await map.getAttribute('data-order')) ?? '').split(',');
    expect(order.length).toBeGreaterThanOrEqual(3);
    expect(order.length).toBeLessThanOrEqual(50);
    expect(await page.getByTestId('heat-cell').count()).toBe(order.length * (order.length - 1));

    // The order puts more similar documents next to each other than the order they were asked in.
    const similarity = new Map<string, number>();
    for (const cell of await page.getByTestId('heat-cell').evaluateAll((cells) => cells.map((c) => ({ ...(c as HTMLElement).dataset })))) {
      similarity.set(`${cell.a}|${cell.b}`, Number(cell.similarity));
    }
    const adjacent = (codes: string[]) => codes.slice(1).reduce((sum, code, i) => sum + (similarity.get(`${codes[i]}|${code}`) ?? 0), 0);
    const asked = new URLSearchParams(page.url().split('?')[1]).get('codes')!.split(',');
    expect(adjacent(order)).toBeGreaterThanOrEqual(adjacent(asked));

    // Hovering the most similar cell lists what the two documents share, one line per competency.
    const cells = await page.getByTestId('heat-cell').evaluateAll((all) => all.map((c) => ({ a: (c as HTMLElement).dataset.a, b: (c as HTMLElement).dataset.b, shared: Number((c as HTMLElement).dataset.shared) })));
    const best = cells.reduce((top, cell) => (cell.shared > top.shared ? cell : top));
    expect(best.shared).toBeGreaterThan(0);
    await page.locator(`[data-testid="heat-cell"][data-a="${best.a}"][data-b="${best.b}"]`).hover();
    await page.waitForFunction((n) => document.querySelectorAll('.tooltip:not([hidden]) [data-testid="heat-shared"] li').length === n, best.shared);
    await saveScreenshot(page, 'explorer-heat-map');
  });
});
