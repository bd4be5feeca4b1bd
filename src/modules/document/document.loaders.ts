// The document module's loaders for one request: each lookup of its repository bound to the
// request's batcher.
import type { NodeType } from '../../relay.js';
import type { GraphBatcher, Lookup } from '../../db/batcher.js';
import { indexTaskNeeds, type TaskNeeds } from './document.mappers.js';
import * as repository from './document.repository.js';

export function createDocumentLoaders(graph: GraphBatcher) {
  const primeTargets: Partial<Record<NodeType, Lookup<unknown>>> = {
    Standard: repository.documentById,
    Unit: repository.documentById,
    Responsibility: repository.responsibilityById,
    Task: repository.taskById,
    Indicator: repository.indicatorById,
    Output: repository.outputById,
    Note: repository.noteById,
  };
  const documentTasks = graph.bind(repository.documentTasks);
  const indexed = new Map<string, Promise<TaskNeeds>>();
  /** Which tasks of a document need what: an index of the document's tasks, built once per request. */
  const taskNeeds = {
    load(documentId: string): Promise<TaskNeeds> {
      let index = indexed.get(documentId);
      if (!index) {
        index = documentTasks.load(documentId).then(indexTaskNeeds);
        indexed.set(documentId, index);
      }
      return index;
    },
  };
  return {
    primeTargets,
    documentById: graph.bind(repository.documentById),
    documentByCode: graph.bind(repository.documentByCode),
    versions: graph.bind(repository.documentVersions),
    supersedes: graph.bind(repository.documentSupersedes),
    supersededBy: graph.bind(repository.documentSupersededBy),
    documentTasks,
    category: graph.bind(repository.documentCategory),
    occupations: graph.bind(repository.standardOccupations),
    industries: graph.bind(repository.standardIndustries),
    responsibilities: graph.bind(repository.standardResponsibilities),
    documentKnowledge: graph.bind(repository.documentKnowledge),
    documentSkills: graph.bind(repository.documentSkills),
    documentAttitudes: graph.bind(repository.documentAttitudes),
    taskNeeds,
    unitNotes: graph.bind(repository.unitNotes),
    responsibilityById: graph.bind(repository.responsibilityById),
    responsibilityTasks: graph.bind(repository.responsibilityTasks),
    taskById: graph.bind(repository.taskById),
    taskResponsibility: graph.bind(repository.taskResponsibility),
    taskIndicators: graph.bind(repository.taskIndicators),
    taskOutputs: graph.bind(repository.taskOutputs),
    indicatorById: graph.bind(repository.indicatorById),
    indicatorTask: graph.bind(repository.indicatorTask),
    indicatorNotes: graph.bind(repository.indicatorNotes),
    outputById: graph.bind(repository.outputById),
    outputTask: graph.bind(repository.outputTask),
    noteById: graph.bind(repository.noteById),
    standardsPage: graph.bind(repository.standardsPage),
    unitsPage: graph.bind(repository.unitsPage),
  };
}
