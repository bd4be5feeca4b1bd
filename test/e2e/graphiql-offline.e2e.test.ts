// GraphiQL works without the internet: in Chromium with every request to another origin blocked,
// GET /graphql shows GraphiQL, loads its scripts and styles from this service, and runs a query.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeed } from '../../src/ingest/seed.js';
import { clearGraph, openTestDatabase, type TestDatabase } from '../helpers/database.js';
import { startTestService, type TestService } from '../helpers/service.js';
import { launchChromium, openWatchedPage, saveScreenshot } from './helpers/browser.js';

let database: TestDatabase;
let service: TestService;
let browser: Browser;

beforeAll(async () => {
  database = await openTestDatabase();
  await clearGraph(database.driver);
  await loadSeed(database.db);
  service = await startTestService(database.driver);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await service?.stop();
  await database?.close();
});

describe('GraphiQL', () => {
  it('is what a browser gets at GET /graphql; API clients get GraphQL', async () => {
    const html = await fetch(service.url, { headers: { accept: 'text/html' } });
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    const page = await html.text();
    expect(page).toContain('<div id="graphiql">');
    const assets = [...page.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? '');
    expect(assets.length).toBeGreaterThanOrEqual(4);
    expect(assets.filter((url) => !url.startsWith('/graphiql/assets/'))).toEqual([]);

    const api = await fetch(`${service.url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(await api.json()).toMatchObject({ data: { __typename: 'Query' } });
  });

  it('loads everything from this service and runs a query with the network blocked', async () => {
    const watched = await openWatchedPage(browser, service.origin);
    const local: string[] = [];
    const blocked: string[] = [];
    // The network beyond this service is gone: any request elsewhere fails, as it would offline.
    await watched.context.route('**/*', async (route) => {
      const url = route.request().url();
      if (new URL(url).origin === service.origin) {
        local.push(url);
        await route.continue();
      } else {
        blocked.push(url);
        await route.abort('internetdisconnected');
      }
    });
    try {
      const { page } = watched;
      await page.goto('/graphql');
      await page.locator('.graphiql-container').waitFor({ timeout: 30_000 });
      // The default query asks for the service's name; run it with GraphiQL's own button.
      await page.locator('.graphiql-execute-button').click();
      await page.locator('.result-window').getByText('"competency-graph"').waitFor({ timeout: 30_000 });
      await saveScreenshot(page, 'graphiql-offline');

      expect(blocked).toEqual([]);
      expect(watched.problems).toEqual([]);
      const paths = local.map((url) => new URL(url).pathname);
      for (const asset of [
        '/graphiql/assets/react/react.production.min.js',
        '/graphiql/assets/react-dom/react-dom.production.min.js',
        '/graphiql/assets/graphiql/graphiql.min.js',
        '/graphiql/assets/graphiql/graphiql.min.css',
      ]) {
        expect(paths).toContain(asset);
      }
    } finally {
      await watched.context.close();
    }
  });
});
