// The competency module's loaders for one request.
import type { NodeType } from '../../relay.js';
import type { GraphBatcher, Lookup } from '../../db/batcher.js';
import * as repository from './competency.repository.js';

export function createCompetencyLoaders(graph: GraphBatcher) {
  const primeTargets: Partial<Record<NodeType, Lookup<unknown>>> = {
    Knowledge: repository.competencyById,
    Skill: repository.competencyById,
    Attitude: repository.competencyById,
  };
  return {
    primeTargets,
    competencyById: graph.bind(repository.competencyById),
    notes: graph.bind(repository.competencyNotes),
    requiredBy: graph.bind(repository.competencyRequiredBy),
    similar: graph.bind(repository.competencySimilar),
    competenciesPage: graph.bind(repository.competenciesPage),
  };
}
