// Loads any entity by its global id (`Query.node`, `GraphNode.entity`): the id names the type, the
// type's by-id lookup (registered by the module that owns it) loads it, and the loaded row must
// really be of that type.
import type { GraphBatcher } from '../db/batcher.js';
import { fromGlobalId, type NodeType } from '../relay.js';

export interface NodeRowLike {
  nodeType: NodeType;
  id: string;
}

/** The entity a global id names, or null when the id is malformed, unknown or of another type. */
export async function loadNode(batcher: GraphBatcher, globalId: string): Promise<NodeRowLike | null> {
  const resolved = fromGlobalId(globalId);
  if (!resolved) return null;
  const row = (await batcher.loadById(resolved.type, resolved.graphId)) as NodeRowLike | null;
  return row && row.nodeType === resolved.type ? row : null;
}
