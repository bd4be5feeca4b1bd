// Loads any entity by its global id (`Query.node`, `GraphNode.entity`): the id names the type, the
// type names the loader, and the loaded row must really be of that type.
import { fromGlobalId, type NodeType } from '../../relay.js';
import type { Loaders } from '../loaders.js';

export interface NodeRowLike {
  nodeType: NodeType;
  id: string;
}

async function loadByType(loaders: Loaders, type: NodeType, graphId: string): Promise<NodeRowLike | null> {
  switch (type) {
    case 'Standard':
    case 'Unit':
      return loaders.document.documentById.load(graphId);
    case 'Responsibility':
      return loaders.document.responsibilityById.load(graphId);
    case 'Task':
      return loaders.document.taskById.load(graphId);
    case 'Indicator':
      return loaders.document.indicatorById.load(graphId);
    case 'Output':
      return loaders.document.outputById.load(graphId);
    case 'Note':
      return loaders.document.noteById.load(graphId);
    case 'Knowledge':
    case 'Skill':
    case 'Attitude':
      return loaders.competency.competencyById.load(graphId);
    case 'Occupation':
    case 'Industry':
    case 'Category':
      return loaders.taxonomy[type].byId.load(graphId);
    case 'CompetencyLevel':
      return loaders.taxonomy.levelById.load(graphId);
  }
}

/** The entity a global id names, or null when the id is malformed, unknown or of another type. */
export async function loadNode(loaders: Loaders, globalId: string): Promise<NodeRowLike | null> {
  const resolved = fromGlobalId(globalId);
  if (!resolved) return null;
  const row = await loadByType(loaders, resolved.type, resolved.graphId);
  return row && row.nodeType === resolved.type ? row : null;
}
