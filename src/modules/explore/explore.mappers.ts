// Row types of the explore module. Codegen maps GraphNode and GraphEdge here.
import type { NodeType } from '../../relay.js';

export interface GraphNodeRow {
  /** Global id. */
  id: string;
  /** GraphQL type name, or the first graph label for a node the API has no type for. */
  label: string;
  name: string | null;
  /** Set when the API exposes the node's type: what `entity` loads. */
  type: NodeType | null;
  graphId: string;
}

export interface GraphEdgeRow {
  source: string;
  target: string;
  type: string;
  code: string | null;
}
