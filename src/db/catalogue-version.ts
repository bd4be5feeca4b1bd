// The catalogue version: one number in the graph that every write of catalogue data bumps after it
// commits. Whole answers cached by any replica are keyed by it (src/http/response-cache.ts), so a
// replica drops its answers as soon as it reads a new version, whichever process wrote.
import { EventEmitter } from 'node:events';
import { cypher, type Database } from './query.js';

const readVersion = cypher('catalogue.version', `OPTIONAL MATCH (c:Catalogue {id: 'catalogue'}) RETURN coalesce(c.version, 0) AS version`);

const bumpVersion = cypher(
  'catalogue.bump',
  `MERGE (c:Catalogue {id: 'catalogue'})
   SET c.version = coalesce(c.version, 0) + 1, c.changedAt = datetime()
   RETURN c.version AS version`,
);

/** Bumps seen in this process, so its own cache drops stale answers at once instead of within a second. */
const localBumps = new EventEmitter();

export async function readCatalogueVersion(db: Database): Promise<number> {
  const [row] = await db.read<{ version: number }>(readVersion);
  return row?.version ?? 0;
}

// The full-text index is eventually consistent (migration 7): it takes committed writes in the
// background instead of inside each commit, which makes bulk imports much cheaper.
const awaitFullText = cypher('catalogue.awaitFullText', 'CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()');

/**
 * Records that catalogue data changed. Call it after the change committed. The full-text index is
 * brought up to date first, so that an answer computed (and cached) under the new version finds
 * everything that was written.
 */
export async function bumpCatalogueVersion(db: Database): Promise<number> {
  // On its own, not as one of a request's reads: it is not a read of the request's snapshot, and it
  // must run where the write went, not on a read replica.
  await db.autoCommit(awaitFullText);
  const [row] = await db.write<{ version: number }>(bumpVersion);
  const version = row!.version;
  localBumps.emit('bump', version);
  return version;
}

/** Calls `listener` with each version this process writes; returns the function that stops it. */
export function onLocalBump(listener: (version: number) => void): () => void {
  localBumps.on('bump', listener);
  return () => localBumps.off('bump', listener);
}
