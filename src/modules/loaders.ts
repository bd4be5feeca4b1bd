// One set of DataLoaders per request: assembles every module's loaders on the request's batcher
// (src/db/batcher.ts) and registers their by-id lookups, so an entity loaded by any lookup is
// cached for the others.
import type { GraphBatcher } from '../db/batcher.js';
import { createCompetencyLoaders } from './competency/competency.loaders.js';
import { createDocumentLoaders } from './document/document.loaders.js';
import { createTaxonomyLoaders } from './taxonomy/taxonomy.loaders.js';

export interface Loaders {
  /** The request's batcher, for modules that bind their own lookups. */
  graph: GraphBatcher;
  document: ReturnType<typeof createDocumentLoaders>;
  competency: ReturnType<typeof createCompetencyLoaders>;
  taxonomy: ReturnType<typeof createTaxonomyLoaders>;
}

export function createLoaders(graph: GraphBatcher): Loaders {
  const document = createDocumentLoaders(graph);
  const competency = createCompetencyLoaders(graph);
  const taxonomy = createTaxonomyLoaders(graph);
  graph.primeEntitiesInto({
    ...document.primeTargets,
    ...competency.primeTargets,
    ...taxonomy.primeTargets,
  });
  return { graph, document, competency, taxonomy };
}
