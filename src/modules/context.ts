// The per-request context every resolver receives: a database view that counts round trips, the
// request's DataLoaders, who is calling, and a logger tagged with the request id.
import type { Logger } from 'pino';
import { openRequestScope } from '../db/batcher.js';
import type { Database, RoundTripCounter } from '../db/query.js';
import { createLoaders, type Loaders } from './loaders.js';

/** Process-wide things the resolvers may read. */
export interface AppServices {
  db: Database;
  neo4jVersion: () => Promise<string>;
  serviceVersion: string;
}

export interface RequestContext {
  requestId: string;
  /**
   * Database view for this request: every statement adds one to `roundTrips`, and every read runs
   * in the request's one read transaction, shared with the loaders.
   */
  db: Database;
  roundTrips: RoundTripCounter;
  loaders: Loaders;
  /** True when the request carried the right admin bearer token. */
  isAdmin: boolean;
  log: Logger;
  services: AppServices;
  /**
   * Whether the answer may be kept by the response cache (a query answered without errors). An
   * object, not a flag: Apollo Server hands plugins a shallow copy of the context.
   */
  answer: { cacheable: boolean; operationName: string | null };
}

export function createRequestContext(
  services: AppServices,
  request: { requestId: string; isAdmin: boolean; log: Logger },
): RequestContext {
  const roundTrips: RoundTripCounter = { count: 0 };
  const { db, batcher } = openRequestScope(services.db, roundTrips);
  return { ...request, db, roundTrips, loaders: createLoaders(batcher), services, answer: { cacheable: false, operationName: null } };
}
