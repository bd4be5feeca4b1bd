// The graph explorer in a real browser (Debian Chromium through playwright-core) against the real
// service and the seed documents: search, detail panel, graph, compare and learning path.
// Screenshots of each step go to test/artifacts/.
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
import { ARTIFACTS_DIR, launchChromium, openWatchedPage, saveScreenshot, type WatchedPage } from './helpers/browser.js';
import { ensureExplorerBuilt } from './helpers/explorer-build.js';

const STANDARD = 'BLM2421-007v4';
const UNIT = 'BGM5R0167v2';

let database: TestDatabase;
let service: TestService;
let browser: Browser;
let watched: WatchedPage | null = null;

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

  it('plans a learning path to the unit: coverage before and after, and the standard as a step that closes 分析技能', async () => {
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
    // The first step is open: the gaps it closes, each with the wording that closes it.
    const closes = (await step.locator('details ul').textContent()) ?? '';
    expect(closes).toContain('分析技能');
    expect(closes).toContain('分析資訊與數據能力');
    expect(await page.getByTestId('path-gap').count()).toBeGreaterThan(0);
    await saveScreenshot(page, 'explorer-learning-path');

    // Holding the standard already: the plan starts from its coverage, and the address keeps the choice.
    await page.goto(`/explorer/#/path?from=${STANDARD}&to=${UNIT}`);
    await page.waitForFunction(() => /[1-9]\d*%/.test(document.querySelector('[data-testid="coverage-before"]')?.textContent ?? ''));
  });
});
