// Whole GraphQL answers kept in memory, keyed by the request and valid for one catalogue version.
// The catalogue changes only when an administrator imports or aligns, so a read-mostly API can
// answer a repeated query without parsing or executing it; every write bumps the version stored in
// Neo4j (src/db/catalogue-version.ts) and each replica empties its cache when it reads a new one.
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Counter } from 'prom-client';
import type { CatalogueWatcher } from './catalogue-watcher.js';

export interface CachedAnswer {
  status: number;
  contentType: string;
  /** Encoded once when stored: a hit writes these bytes as they are. */
  body: Buffer;
  /** Strong validator of the body: equal bodies have equal tags whatever the version. */
  etag: string;
  /** The operation's name, for the metrics of hits. */
  operationName: string | null;
}

/** An LRU map of answers, bounded by the bytes of keys and bodies, emptied when the version changes. */
export class ResponseCache {
  private readonly entries = new Map<string, CachedAnswer>();
  private bytes = 0;
  private version: number | null = null;

  constructor(private readonly maxBytes: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(version: number, key: string): CachedAnswer | undefined {
    if (version !== this.version) return undefined;
    const answer = this.entries.get(key);
    if (answer) {
      // Map order is insertion order: moving a hit to the end makes the first entry the least recent.
      this.entries.delete(key);
      this.entries.set(key, answer);
    }
    return answer;
  }

  set(version: number, key: string, answer: CachedAnswer): void {
    if (version !== this.version) {
      this.entries.clear();
      this.bytes = 0;
      this.version = version;
    }
    const cost = key.length + answer.body.length;
    // One huge answer must not push out everything else.
    if (cost > this.maxBytes / 10) return;
    const previous = this.entries.get(key);
    if (previous) {
      this.entries.delete(key);
      this.bytes -= key.length + previous.body.length;
    }
    this.entries.set(key, answer);
    this.bytes += cost;
    for (const [oldest, evicted] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= oldest.length + evicted.body.length;
    }
  }
}

export function etagOf(body: string | Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : value === undefined || value === null ? null : JSON.stringify(value));

/**
 * What makes two requests get the same answer: the operation, its variables and persisted-query
 * hash, and the headers Apollo Server reads before executing (the media type it answers in, and
 * the content type and headers of its CSRF check - a request it would refuse never matches an
 * answer stored for one it accepted). `params` is a POST's parsed body or a GET's parsed query
 * string. Null when the request carries no operation.
 */
export function requestKey(method: string, headers: IncomingHttpHeaders, params: unknown): string | null {
  if (!params || typeof params !== 'object') return null;
  const fields = params as Record<string, unknown>;
  const extensions = typeof fields.extensions === 'string' ? safeJson(fields.extensions) : fields.extensions;
  const persisted = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | null)?.persistedQuery?.sha256Hash;
  const query = text(fields.query);
  if (query === null && typeof persisted !== 'string') return null;
  return JSON.stringify([
    method,
    headers.accept ?? null,
    headers['content-type']?.split(';')[0]?.trim().toLowerCase() ?? null,
    Boolean(headers['apollo-require-preflight'] || headers['x-apollo-operation-name']),
    query,
    text(fields.operationName),
    text(fields.variables),
    typeof persisted === 'string' ? persisted : null,
  ]);
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}

/** The body a hit sends: the stored answer, its round-trip count set to the zero a hit costs. */
export function answerForHits(body: string): string {
  const answer = JSON.parse(body) as { extensions?: Record<string, unknown> };
  if (answer.extensions && 'dbRoundTrips' in answer.extensions) answer.extensions = { ...answer.extensions, dbRoundTrips: 0 };
  return JSON.stringify(answer);
}

/** The response cache and what serving from it needs. */
export interface CacheSetup {
  cache: ResponseCache;
  watcher: CatalogueWatcher;
  /** `Cache-Control: max-age` sent with answers to GET requests, in seconds. */
  maxAgeSeconds: number;
  lookups: Counter<'outcome'>;
  /** Reports a hit to the operation metrics, which never see it (Apollo does not run). */
  countHit(operationName: string | null, seconds: number): void;
}

/** Where a request's answer may be stored: the catalogue version read before executing, and its key. */
export interface CacheSlot {
  version: number;
  key: string;
}

/**
 * A request as the front door (src/http/front-door.ts) hands it on: a POST with its body read and
 * parsed, a GET the door looked up before handing it on as a miss, whose answer the /graphql route
 * stores in `cacheSlot` instead of looking it up again.
 */
export type LookedUpRequest = IncomingMessage & { body?: unknown; cacheSlot?: CacheSlot };

/**
 * Looks a request up (`params`: a POST's parsed body or a GET's parsed query string) and counts the
 * lookup. A hit is answered here and gives `'answered'`; a miss gives the slot to store its answer
 * in, or null when it may not be stored.
 */
export function lookUp(caching: CacheSetup, req: IncomingMessage, res: ServerResponse, params: unknown, started: number): CacheSlot | 'answered' | null {
  const version = caching.watcher.current();
  const key = version === null ? null : requestKey(req.method!, req.headers, params);
  if (version === null || key === null) return null;
  const hit = caching.cache.get(version, key);
  caching.lookups.inc({ outcome: hit ? 'hit' : 'miss' });
  if (!hit) return { version, key };
  sendAnswer(req, res, hit, 'hit', caching.maxAgeSeconds);
  caching.countHit(hit.operationName, (performance.now() - started) / 1000);
  return 'answered';
}

/**
 * Sends an answer of the cache (a hit) or one just stored (a miss) with its validators: a GET
 * whose `If-None-Match` names the answer's ETag gets 304 and no body.
 */
export function sendAnswer(req: IncomingMessage, res: ServerResponse, answer: CachedAnswer, outcome: 'hit' | 'miss', maxAgeSeconds: number): void {
  res.setHeader('x-cache', outcome);
  res.setHeader('etag', answer.etag);
  if (req.method === 'GET') {
    // Shared caches may keep GET answers (persisted queries) but must ask again after max-age.
    res.setHeader('cache-control', `public, max-age=${maxAgeSeconds}, must-revalidate`);
    // The answer depends on the media type asked for and, with CORS on, on the caller's origin
    // (the CORS middleware may already have named it).
    res.setHeader('vary', withVary(res.getHeader('vary'), ['Accept', 'Origin']));
    if (req.headers['if-none-match'] === answer.etag) {
      res.statusCode = 304;
      res.end();
      return;
    }
  }
  res.statusCode = answer.status;
  res.setHeader('content-type', answer.contentType);
  res.setHeader('content-length', answer.body.length);
  res.end(answer.body);
}

/** A `Vary` value naming `names` besides what it already names, each once. */
function withVary(current: number | string | string[] | undefined, names: string[]): string {
  const listed = (Array.isArray(current) ? current.join(',') : String(current ?? '')).split(',').map((name) => name.trim()).filter(Boolean);
  const seen = new Set(listed.map((name) => name.toLowerCase()));
  return [...listed, ...names.filter((name) => !seen.has(name.toLowerCase()))].join(', ');
}
