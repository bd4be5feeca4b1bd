// The taxonomy module's loaders for one request.
import type { NodeType } from '../../relay.js';
import type { GraphBatcher, Lookup } from '../../db/batcher.js';
import * as repository from './taxonomy.repository.js';

function bindClassification(graph: GraphBatcher, lookups: repository.ClassificationLookups) {
  return {
    byId: graph.bind(lookups.byId),
    parent: graph.bind(lookups.parent),
    children: graph.bind(lookups.children),
    ancestors: graph.bind(lookups.ancestors),
    roots: graph.bind(lookups.roots),
  };
}

export function createTaxonomyLoaders(graph: GraphBatcher) {
  const primeTargets: Partial<Record<NodeType, Lookup<unknown>>> = {
    Occupation: repository.occupationLookups.byId,
    Industry: repository.industryLookups.byId,
    Category: repository.categoryLookups.byId,
    CompetencyLevel: repository.levelById,
  };
  return {
    primeTargets,
    Occupation: bindClassification(graph, repository.occupationLookups),
    Industry: bindClassification(graph, repository.industryLookups),
    Category: bindClassification(graph, repository.categoryLookups),
    levelById: graph.bind(repository.levelById),
    levels: graph.bind(repository.allLevels),
  };
}
