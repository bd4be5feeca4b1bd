// Keeps the typed competency relations (equivalent, narrower, related) and the resemblance of
// standards in step with the documents: a full run (`npm run kg -- align`), or an incremental one
// after an import that aligns only what the import brought.
//
// The aligner's index (corpus statistics and candidate indexes) is kept per database between runs,
// so an import that brings k new competencies costs work in proportion to k and their candidates.
// A process builds it at its first import. Before each incremental run the index is brought in step
// with the graph (competencies another process added or removed), and when more than REBUILD_DRIFT
// of it was added since it was built, or an import brings more than that share at once, a full run
// rebuilds it, so every name is weighed with the statistics of the whole catalogue again.
import type { Driver } from 'neo4j-driver';
import { AlignmentIndex } from '../../analysis/alignment/index.js';
import { bumpCatalogueVersion } from '../../db/catalogue-version.js';
import type { Database } from '../../db/query.js';
import {
  readAlignmentCorpus,
  readAlignmentInputs,
  readCompetencyIds,
  readListedBy,
  replaceAllRelations,
  replaceRelationsOf,
} from './alignment.repository.js';
import { refreshResemblance } from './analysis.service.js';

export interface AlignmentReport {
  mode: 'full' | 'incremental';
  /** Competencies aligned: the whole corpus, or the ones that were new. */
  competencies: number;
  /** Typed relations written. */
  relations: number;
  /** RESEMBLES edges written between current standards (for career paths). */
  resemblances: number;
  seconds: number;
}

/** What an import changed: the documents written, and the competencies they brought. */
export interface GraphChange {
  documents: readonly string[];
  competencies: readonly string[];
}

/** Share of the index added since its last build above which a full run is cheaper than drift. */
export const REBUILD_DRIFT = 0.1;

interface Keeper {
  index: AlignmentIndex | null;
  /** Runs one at a time: the index is shared. */
  queue: Promise<unknown>;
}

const keepers = new WeakMap<Driver, Map<string, Keeper>>();

function keeperOf(db: Database): Keeper {
  let byName = keepers.get(db.driver);
  if (!byName) keepers.set(db.driver, (byName = new Map()));
  let keeper = byName.get(db.name);
  if (!keeper) byName.set(db.name, (keeper = { index: null, queue: Promise.resolve() }));
  return keeper;
}

function serially<T>(keeper: Keeper, work: () => Promise<T>): Promise<T> {
  const run = keeper.queue.then(work, work);
  keeper.queue = run.catch(() => undefined);
  return run;
}

async function fullRun(db: Database, keeper: Keeper, started: number): Promise<AlignmentReport> {
  keeper.index = null;
  const index = AlignmentIndex.build(await readAlignmentCorpus(db));
  const pairs = index.align();
  await replaceAllRelations(db, pairs);
  keeper.index = index;
  const resemblances = await refreshResemblance(db);
  return { mode: 'full', competencies: index.size, relations: pairs.length, resemblances, seconds: (performance.now() - started) / 1000 };
}

/** Aligns every competency with every other (blocked, not quadratic) and rewrites all relations. */
export async function alignAll(db: Database): Promise<AlignmentReport> {
  const keeper = keeperOf(db);
  const report = await serially(keeper, () => fullRun(db, keeper, performance.now()));
  await bumpCatalogueVersion(db);
  return report;
}

/**
 * After an import: aligns the competencies it brought (and any the index has not seen) against the
 * whole catalogue, and refreshes the resemblance of the documents it wrote. Null when it changed
 * nothing.
 */
export async function alignChanges(db: Database, change: GraphChange): Promise<AlignmentReport | null> {
  if (change.documents.length === 0 && change.competencies.length === 0) return null;
  const keeper = keeperOf(db);
  return serially(keeper, async () => {
    const started = performance.now();
    const inGraph = new Set(await readCompetencyIds(db));
    // A process builds the index at its first import, from the graph as the import left it, so a
    // serving process that never imports does not hold it (with the word segmenter, about 95 MB at
    // national scale). An import that brings a large share of the catalogue is aligned whole anyway.
    if (!keeper.index && change.competencies.length > REBUILD_DRIFT * inGraph.size) return fullRun(db, keeper, started);
    const index = (keeper.index ??= AlignmentIndex.build(await readAlignmentCorpus(db)));
    // Bring the index in step with the graph: another process may have imported or removed some.
    index.remove(index.ids().filter((id) => !inGraph.has(id)));
    const missing = [...inGraph].filter((id) => !index.has(id));
    const touched = new Set([...missing, ...change.competencies.filter((id) => index.has(id))]);
    // An import that brings a large share of the catalogue (a first load, a reload after clearing)
    // is aligned whole, as a first load is: every name is weighed with the statistics of the
    // catalogue it now belongs to, and the relations are rewritten at once instead of name by name.
    // Decided from the ids, before the new names are read: a full run reads them all anyway.
    const sizeAfter = index.size + missing.length;
    if (index.driftAfter(missing.length) > REBUILD_DRIFT || touched.size > REBUILD_DRIFT * sizeAfter) return fullRun(db, keeper, started);
    index.add(await readAlignmentInputs(db, missing));
    const only = new Set([...touched].filter((id) => index.has(id)));
    for (const listed of await readListedBy(db, [...change.documents])) index.setDocuments(listed.id, listed.documents);
    const pairs = only.size > 0 ? index.align({ only }) : [];
    await replaceRelationsOf(db, [...only], pairs);
    const resemblances = change.documents.length > 0 ? await refreshResemblance(db, [...change.documents]) : 0;
    return { mode: 'incremental', competencies: only.size, relations: pairs.length, resemblances, seconds: (performance.now() - started) / 1000 };
  });
}

/** An id no competency or document has: warming runs every read of an incremental pass on it. */
const NOTHING = '\u0000warm-up';

/**
 * Runs an incremental pass that changes nothing, so that Neo4j has planned its statements: the
 * first import is not the slow one. The index is left to the first import.
 */
export async function warmAlignment(db: Database): Promise<void> {
  await serially(keeperOf(db), async () => {
    await readAlignmentInputs(db, [NOTHING]);
    await readListedBy(db, [NOTHING]);
    await replaceRelationsOf(db, [NOTHING], []);
    await refreshResemblance(db, [NOTHING]);
  });
}

/** Builds the aligner's index now rather than at the first import (to measure imports alone). */
export async function buildAlignmentIndex(db: Database): Promise<void> {
  const keeper = keeperOf(db);
  await serially(keeper, async () => {
    keeper.index ??= AlignmentIndex.build(await readAlignmentCorpus(db));
  });
}
