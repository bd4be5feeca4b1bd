// The /graphql front door: plain queries are answered without Express. A plain query is a JSON
// POST, or with the response cache on a GET with a query string, to /graphql, without credentials
// or an `Origin` header and within the body limit. Express's routing, CORS and body parsing cost
// more CPU than sending a stored answer does (about 0.15 of 0.23 ms per hit on the bench's
// queries), and with the cache off about a tenth of a small query's CPU.
//
// A POST is read, parsed and handed to the GraphQL handler (src/http/graphql-handler.ts), which
// answers it from the cache or executes it. A GET is only looked up: a hit is answered here, a miss
// goes on to Express with its lookup done (GraphiQL is served there, and CORS adds the `Vary`
// header that shared caches need for the GET answers they may keep; they never keep a POST's).
// Whatever the door does not recognise - admin or cross-origin requests, other routes and methods,
// bodies it would have to refuse - goes on to Express untouched, where the /graphql route calls the
// same handler: the door is a shortcut, never the only way in.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { paramsOf, type GraphqlHandler } from './graphql-handler.js';
import { sendJsonError } from './json-error.js';
import { pathOf } from './request-log.js';
import { lookUp, type CacheSetup, type LookedUpRequest } from './response-cache.js';

const JSON_UTF8 = /^application\/json\s*(;\s*charset="?utf-8"?\s*)?$/i;

export interface FrontDoorSetup {
  /** The response cache, or null when it is off. */
  caching: CacheSetup | null;
  /** The body limit of requests without the admin token. */
  bodyLimitBytes: number;
  handle: GraphqlHandler;
  /** Answers an error the handler threw, as the /graphql route's error handler does. */
  fail: (error: unknown, res: ServerResponse) => void;
}

export function frontDoor({ caching, bodyLimitBytes, handle, fail }: FrontDoorSetup): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
  return (req: LookedUpRequest, res, next) => {
    const kind = shortcutFor(req, bodyLimitBytes);
    if (kind === 'POST') {
      readBody(req).then(
        (body) => {
          const params = parseJsonObject(body);
          if (params instanceof Error) return sendJsonError(res, 400, 'BAD_REQUEST', `Malformed request: ${params.message}`);
          req.body = params;
          handle(req, res, { isAdmin: false, url: req.url! }).catch((error: unknown) => fail(error, res));
        },
        // The client went away while sending: there is no one to answer.
        () => res.destroy(),
      );
      return;
    }
    if (kind === 'GET' && caching) {
      const slot = lookUp(caching, req, res, paramsOf(req, req.url!), performance.now());
      if (slot === 'answered') return;
      if (slot) req.cacheSlot = slot;
    }
    next();
  };
}

/** Which requests the door may answer: GET or JSON POST queries to /graphql, without credentials or an origin. */
function shortcutFor(req: IncomingMessage, bodyLimitBytes: number): 'GET' | 'POST' | null {
  if (pathOf(req) !== '/graphql') return null;
  // Admin tokens and CORS are the /graphql route's business.
  if (req.headers.authorization !== undefined || req.headers.origin !== undefined) return null;
  if (req.method === 'GET') return req.url!.includes('?') ? 'GET' : null;
  if (req.method !== 'POST' || req.headers['content-encoding'] !== undefined) return null;
  // Bodies the route would refuse (too large, unknown length, another media type) are refused there.
  const length = Number(req.headers['content-length']);
  if (!(length > 0 && length <= bodyLimitBytes)) return null;
  return JSON_UTF8.test(req.headers['content-type'] ?? '') ? 'POST' : null;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The body as a JSON object or array (what Express's strict JSON parser accepts), or why not. */
function parseJsonObject(body: Buffer): unknown {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return value !== null && typeof value === 'object' ? value : new Error('the body must be a JSON object');
  } catch (error) {
    return error as Error;
  }
}

/** An Express-style size (`100kb`, `1mb`; src/config.ts checks the form) in bytes. */
export function bytesOf(limit: string): number {
  const match = /^(\d+)(kb|mb)$/.exec(limit);
  if (!match) throw new Error(`Unreadable size: ${limit}`);
  return Number(match[1]) * (match[2] === 'mb' ? 1024 * 1024 : 1024);
}
