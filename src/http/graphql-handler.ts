// Answers a GraphQL request: hands it to Apollo Server and, with the response cache on, stores the
// answer or answers a repeated query from memory before Apollo parses it. Written out (rather than
// Apollo's Express integration) because the cache needs the answer's body and must run before
// Apollo, and over node's own request and response so that the front door (src/http/front-door.ts)
// can call it without Express.
import type { IncomingMessage, ServerResponse } from 'node:http';
import querystring from 'node:querystring';
import { HeaderMap, type ApolloServer, type ApolloServerPlugin } from '@apollo/server';
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

/** What the handler needs to know of a request besides node's own request and response. */
export interface GraphqlRequest {
  /** Whether it carries the admin token (admin answers are never cached). */
  isAdmin: boolean;
  /** Its URL as the client sent it (Express rewrites `req.url` under a mount path). */
  url: string;
}

export type GraphqlHandler = (req: LookedUpRequest, res: ServerResponse, request: GraphqlRequest) => Promise<void>;

export function graphqlHandler(
  apollo: ApolloServer<RequestContext>,
  createContext: (res: ServerResponse, isAdmin: boolean) => RequestContext,
  caching: CacheSetup | null,
): GraphqlHandler {
  return async (req, res, { isAdmin, url }) => {
    const started = performance.now();
    // Admin requests are never cached: they may read import jobs, which change without a new version.
    // A request the front door looked up already carries its slot.
    const slot = caching && !isAdmin ? (req.cacheSlot ?? lookUp(caching, req, res, paramsOf(req, url), started)) : null;
    if (slot === 'answered') return;

    const context = createContext(res, isAdmin);
    const answer = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method!.toUpperCase(), headers: headersOf(req), search: searchOf(url), body: req.body },
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
      res.setHeader('content-length', Buffer.byteLength(body));
      res.end(body);
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

function headersOf(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/**
 * What a request asks, as the response cache keys it: a POST's parsed body, or a GET's query string
 * parsed as Express parses `req.query` (its default parser is node's `querystring`).
 */
export function paramsOf(req: LookedUpRequest, url: string): unknown {
  return req.method === 'GET' ? querystring.parse(searchOf(url).slice(1)) : req.body;
}

function searchOf(url: string): string {
  const at = url.indexOf('?');
  return at === -1 ? '' : url.slice(at);
}
