// The /graphql endpoint: hands each request to Apollo Server, and with the response cache on,
// answers a repeated query from memory before Apollo parses it. Written out (rather than Apollo's
// Express integration) because the cache needs the answer's body and must run before Apollo.
import { HeaderMap, type ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import type { Request, RequestHandler, Response } from 'express';
import type { Counter } from 'prom-client';
import type { RequestContext } from '../modules/context.js';
import type { CatalogueWatcher } from './catalogue-watcher.js';
import { answerForHits, etagOf, requestKey, type CachedAnswer, type ResponseCache } from './response-cache.js';

export interface CacheSetup {
  cache: ResponseCache;
  watcher: CatalogueWatcher;
  /** `Cache-Control: max-age` sent with answers to GET requests, in seconds. */
  maxAgeSeconds: number;
  lookups: Counter<'outcome'>;
  /** Reports a hit to the operation metrics, which never see it (Apollo does not run). */
  countHit(operationName: string | null, seconds: number): void;
}

/** Marks the answers that may be stored: queries (never mutations) answered without errors. */
export const responseCachePlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ operation, response, contextValue }) {
        const body = response.body;
        if (operation?.operation === 'query' && body.kind === 'single' && !body.singleResult.errors?.length) {
          contextValue.answer.cacheable = true;
          contextValue.answer.operationName = operation.name?.value ?? null;
        }
      },
    };
  },
};

export function graphqlHandler(
  apollo: ApolloServer<RequestContext>,
  createContext: (res: Response) => Promise<RequestContext>,
  caching: CacheSetup | null,
): RequestHandler {
  return async (req, res) => {
    const started = performance.now();
    // Admin requests are never cached: they may read import jobs, which change without a new version.
    const version = caching && !res.locals.isAdmin ? caching.watcher.current() : null;
    const key = version === null ? null : requestKey(req);
    if (caching && version !== null && key !== null) {
      const hit = caching.cache.get(version, key);
      caching.lookups.inc({ outcome: hit ? 'hit' : 'miss' });
      if (hit) {
        send(req, res, hit, 'hit', caching.maxAgeSeconds);
        caching.countHit(hit.operationName, (performance.now() - started) / 1000);
        return;
      }
    }

    const context = await createContext(res);
    const answer = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method.toUpperCase(), headers: headersOf(req), search: searchOf(req), body: req.body },
      context: async () => context,
    });
    for (const [name, value] of answer.headers) res.setHeader(name, value);
    res.statusCode = answer.status ?? 200;
    if (answer.body.kind === 'chunked') {
      for await (const chunk of answer.body.asyncIterator) res.write(chunk);
      res.end();
      return;
    }
    const body = answer.body.string;
    if (!caching || key === null || version === null || res.statusCode !== 200 || !context.answer.cacheable) {
      res.send(body);
      return;
    }
    const stored: CachedAnswer = {
      status: 200,
      contentType: String(res.getHeader('content-type')),
      body: answerForHits(body),
      etag: etagOf(body),
      operationName: context.answer.operationName,
    };
    // Stored under the version read before executing: the answer is at least that fresh.
    caching.cache.set(version, key, stored);
    send(req, res, { ...stored, body }, 'miss', caching.maxAgeSeconds);
  };
}

function send(req: Request, res: Response, answer: CachedAnswer, outcome: 'hit' | 'miss', maxAgeSeconds: number): void {
  res.setHeader('x-cache', outcome);
  res.setHeader('etag', answer.etag);
  if (req.method === 'GET') {
    // Shared caches may keep GET answers (persisted queries) but must ask again after max-age.
    res.setHeader('cache-control', `public, max-age=${maxAgeSeconds}, must-revalidate`);
    res.setHeader('vary', 'accept');
    if (req.headers['if-none-match'] === answer.etag) {
      res.status(304).end();
      return;
    }
  }
  res.status(answer.status).type(answer.contentType).send(answer.body);
}

function headersOf(req: Request): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

function searchOf(req: Request): string {
  const at = req.originalUrl.indexOf('?');
  return at === -1 ? '' : req.originalUrl.slice(at);
}
