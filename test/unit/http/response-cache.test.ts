// The response cache's bookkeeping: answers live for one catalogue version, the least recently used
// go first when the byte budget is spent, and two requests share an answer only when Apollo Server
// would treat them alike.
import type { IncomingHttpHeaders } from 'node:http';
import { describe, expect, it } from 'vitest';
import { answerForHits, etagOf, requestKey, ResponseCache, type CachedAnswer } from '../../../src/http/response-cache.js';

const answer = (body: string): CachedAnswer => ({ status: 200, contentType: 'application/json', body: Buffer.from(body), etag: etagOf(body), operationName: null });

/** requestKey's arguments for a request: a POST's parsed body or a GET's parsed query string. */
function request(method: 'GET' | 'POST', params: Record<string, unknown>, headers: Record<string, string> = {}): [string, IncomingHttpHeaders, unknown] {
  return [method, { 'content-type': 'application/json', accept: 'application/json', ...headers }, params];
}

describe('ResponseCache', () => {
  it('answers only for the version an answer was stored under, and a new version empties it', () => {
    const cache = new ResponseCache(10_000);
    cache.set(1, 'a', answer('{"data":1}'));
    expect(cache.get(1, 'a')?.body.toString()).toBe('{"data":1}');
    expect(cache.get(2, 'a')).toBeUndefined();
    cache.set(2, 'b', answer('{"data":2}'));
    expect(cache.get(1, 'a')).toBeUndefined();
    expect(cache.size).toBe(1);
  });

  it('evicts the least recently used answers when the byte budget is spent', () => {
    // Each entry costs 3 bytes of key and 30 of body; a budget of 330 holds ten.
    const cache = new ResponseCache(330);
    const body = '0123456789'.repeat(3);
    const keys = Array.from({ length: 10 }, (_, i) => `k${String(i).padStart(2, '0')}`);
    for (const key of keys) cache.set(1, key, answer(body));
    expect(cache.size).toBe(10);
    cache.get(1, 'k00');
    cache.set(1, 'k10', answer(body));
    expect(cache.size).toBe(10);
    expect(cache.get(1, 'k01')).toBeUndefined();
    expect(cache.get(1, 'k00')).toBeDefined();
    expect(cache.get(1, 'k10')).toBeDefined();
  });

  it('does not store an answer bigger than a tenth of the budget', () => {
    const cache = new ResponseCache(100);
    cache.set(1, 'k', answer('x'.repeat(20)));
    expect(cache.get(1, 'k')).toBeUndefined();
  });
});

describe('requestKey', () => {
  const query = '{ standards { totalCount } }';

  it('is equal for the same operation and variables, and differs when either differs', () => {
    const key = requestKey(...request('POST', { query, variables: { first: 5 } }));
    expect(requestKey(...request('POST', { query, variables: { first: 5 } }))).toBe(key);
    expect(requestKey(...request('POST', { query, variables: { first: 6 } }))).not.toBe(key);
    expect(requestKey(...request('POST', { query: '{ standards { edges { cursor } } }', variables: { first: 5 } }))).not.toBe(key);
  });

  it('separates requests Apollo Server treats differently: the media type asked for and the CSRF headers', () => {
    const get = (headers: Record<string, string>) => requestKey(...request('GET', { query }, headers));
    expect(get({ accept: 'application/graphql-response+json' })).not.toBe(get({ accept: 'application/json' }));
    expect(get({ 'apollo-require-preflight': 'true' })).not.toBe(get({}));
    expect(get({ 'content-type': 'text/plain' })).not.toBe(get({}));
  });

  it('keys a persisted query by its hash, and is null for a request without an operation', () => {
    const hash = 'a'.repeat(64);
    const persisted = requestKey(...request('GET', { extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }) }));
    expect(persisted).toContain(hash);
    expect(requestKey(...request('POST', { variables: {} }))).toBeNull();
  });
});

describe('answerForHits', () => {
  it('reports no database round trip and keeps everything else', () => {
    const stored = JSON.parse(answerForHits('{"data":{"a":1},"extensions":{"dbRoundTrips":3,"other":true}}'));
    expect(stored).toEqual({ data: { a: 1 }, extensions: { dbRoundTrips: 0, other: true } });
  });
});
