// Neighbourhoods and paths as bounded subgraphs: breadth-first, one read per level, nearest nodes
// first, then one read for the relationships among the nodes kept.
import type { Database } from '../../db/query.js';
import { badUserInput } from '../../errors.js';
import { nodeKindOf } from '../../graph/node-kinds.js';
import { fromGlobalId, globalIdOfNode, isNodeType, NODE_TYPE_NAMES, nodeTypeOfLabels } from '../../relay.js';
import type { GraphEdgeRow, GraphNodeRow } from './explore.mappers.js';
import {
  MAX_NEIGHBOURHOOD_DEPTH,
  MAX_PATH_LENGTH,
  readNeighbourhood,
  readNodes,
  readShortestPath,
  type GraphEdgeData,
  type GraphNodeData,
} from './explore.repository.js';

export const MAX_DEPTH = MAX_NEIGHBOURHOOD_DEPTH;
export const MAX_NODES = 1000;

export interface SubgraphRow {
  nodes: GraphNodeRow[];
  edges: GraphEdgeRow[];
  truncated: boolean;
}


export function toNodeRow(node: GraphNodeData): GraphNodeRow {
  const type = nodeTypeOfLabels(node.labels);
  return { id: globalIdOfNode(node.labels, node.id), label: type ?? node.labels[0] ?? 'Node', name: node.name, type, graphId: node.id };
}

export function toSubgraph(nodes: GraphNodeData[], edges: GraphEdgeData[], truncated: boolean): SubgraphRow {
  const ids = new Map(nodes.map((node) => [node.id, globalIdOfNode(node.labels, node.id)]));
  return {
    nodes: nodes.map(toNodeRow),
    edges: edges.flatMap((edge) => {
      const source = ids.get(edge.source);
      const target = ids.get(edge.target);
      return source && target ? [{ source, target, type: edge.type, code: edge.code ?? null }] : [];
    }),
    truncated,
  };
}

function labelFilter(labels: readonly string[] | null | undefined): string[] | null {
  if (!labels || labels.length === 0) return null;
  const unknown = labels.filter((label) => !isNodeType(label));
  if (unknown.length > 0) {
    throw badUserInput(`Unknown label(s) ${unknown.map((l) => `\`${l}\``).join(', ')}; use type names: ${NODE_TYPE_NAMES.join(', ')}.`, 'labels');
  }
  return [...new Set(labels.map((label) => nodeKindOf(label)!.label))];
}

export async function neighbourhood(
  db: Database,
  args: { id: string; depth?: number | null; limit?: number | null; labels?: readonly string[] | null },
): Promise<SubgraphRow | null> {
  const depth = args.depth ?? 1;
  const limit = args.limit ?? 200;
  if (!Number.isInteger(depth) || depth < 0 || depth > MAX_DEPTH) throw badUserInput(`\`depth\` must be 0 to ${MAX_DEPTH}; got ${depth}.`, 'depth');
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_NODES) throw badUserInput(`\`limit\` must be 1 to ${MAX_NODES}; got ${limit}.`, 'limit');
  const labels = labelFilter(args.labels);

  const resolved = fromGlobalId(args.id);
  if (!resolved) return null;
  const found = await readNeighbourhood(db, { label: resolved.label, id: resolved.graphId }, depth, limit, labels);
  // The id's type must be the node's own (`Unit:<a standard's code>` names nothing).
  if (!found || nodeTypeOfLabels(found.nodes[0]?.labels ?? []) !== resolved.type) return null;
  return toSubgraph(found.nodes, found.edges, found.truncated);
}

export async function shortestPath(db: Database, args: { from: string; to: string; maxLength?: number | null }): Promise<SubgraphRow | null> {
  const maxLength = args.maxLength ?? 6;
  if (!Number.isInteger(maxLength) || maxLength < 1 || maxLength > MAX_PATH_LENGTH) {
    throw badUserInput(`\`maxLength\` must be 1 to ${MAX_PATH_LENGTH}; got ${maxLength}.`, 'maxLength');
  }
  const from = fromGlobalId(args.from);
  const to = fromGlobalId(args.to);
  if (!from || !to) return null;
  const [a, b] = await readNodes(db, [
    { label: from.label, id: from.graphId },
    { label: to.label, id: to.graphId },
  ]);
  if (!a || !b || nodeTypeOfLabels(a.labels) !== from.type || nodeTypeOfLabels(b.labels) !== to.type) return null;
  if (a.elementId === b.elementId) return toSubgraph([a], [], false);
  const path = await readShortestPath(db, a.elementId!, b.elementId!, maxLength);
  return path ? toSubgraph(path.nodes, path.edges, false) : null;
}
