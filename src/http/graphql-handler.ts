// The /graphql endpoint: hands each request to Apollo Server, and with the response cache on,
// answers a repeated query from memory before Apollo parses it. Written out (rather than Apollo's
// Express integration) because the cache needs the answer's body and must run before Apollo.
import { HeaderMap, type ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import type { Request, RequestHandler, Response } from 'express';
import type { RequestContext } from '../modules/context.js';
import { answerForHits, etagOf, lookUp, sendAnswer, type CacheSetup, type CachedAnswer, type LookedUpRequest } from './response-cache.js';

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
    // A miss the front door handed on was looked up there already.
    const slot =
      caching && !res.locals.isAdmin ? ((req as LookedUpRequest).cacheSlot ?? lookUp(caching, req, res, req.method === 'GET' ? req.query : req.body, started)) : null;
    if (slot === 'answered') return;

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
    if (!caching || slot === null || res.statusCode !== 200 || !context.answer.cacheable) {
      res.send(body);
      return;
    }
    const stored: CachedAnswer = {
      status: 200,
      contentType: String(res.getHeader('content-type')),
      body: Buffer.from(answerForHits(body)),
      etag: etagOf(body),
      operationName: context.answer.operationName,
    };
    // Stored under the version read before executing: the answer is at least that fresh.
    caching.cache.set(slot.version, slot.key, stored);
    sendAnswer(req, res, { ...stored, body: Buffer.from(body) }, 'miss', caching.maxAgeSeconds);
  };
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
