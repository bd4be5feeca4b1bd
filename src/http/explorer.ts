// The graph explorer: a single-page web app built by Vite into dist/explorer and served at /explorer.
// Everything it needs (scripts, styles, icons) comes from this service, so it works offline.
import fs from 'node:fs';
import path from 'node:path';
import express, { type Request, type Response, type Router } from 'express';
import { PROJECT_ROOT } from '../paths.js';

/** Where `npm run build:explorer` writes the app. */
export const EXPLORER_DIST = path.join(PROJECT_ROOT, 'dist', 'explorer');

/**
 * Same-origin only: the page talks to /graphql of this service and loads nothing from elsewhere.
 * Images may be data: or blob: URLs (the PNG export); styles set by the graph library are inline.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'self'",
  "form-action 'self'",
].join('; ');

/** Serves the built explorer; answers 503 with what to run when it has not been built. */
export function explorerRouter(dist: string = EXPLORER_DIST): Router {
  const router = express.Router();
  const indexFile = path.join(dist, 'index.html');

  router.use((_req, res, next) => {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
    next();
  });

  // Relative links inside the app resolve against /explorer/, so /explorer itself redirects there.
  router.get('/', (req: Request, res: Response, next) => {
    const [pathname, query] = req.originalUrl.split('?', 2) as [string, string | undefined];
    if (!pathname.endsWith('/')) {
      res.redirect(301, `${pathname}/${query ? `?${query}` : ''}`);
      return;
    }
    next();
  });

  // Vite names assets by content hash: they never change under the same name.
  router.use('/assets', express.static(path.join(dist, 'assets'), { index: false, immutable: true, maxAge: '365d' }));
  router.use(
    express.static(dist, {
      index: 'index.html',
      setHeaders: (res, file) => {
        if (file.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
      },
    }),
  );

  router.use((_req: Request, res: Response) => {
    if (!fs.existsSync(indexFile)) {
      res
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('The graph explorer has not been built. Run `npm run build:explorer` (npm start does it) and reload.\n');
      return;
    }
    res.status(404).type('text/plain; charset=utf-8').send('Not found\n');
  });
  return router;
}
