// Hub views: an entity with hundreds of neighbours is summarised before it is drawn. The summary
// counts its neighbours by kind and the documents around it by cluster, level and occupation; a
// drawing takes one of those groups, never more members than `limit`, and says what it left out.
import type { Database } from '../../db/query.js';
import { badUserInput } from '../../errors.js';
import type { NeighbourFacet } from '../../generated/graphql.js';
import { fromGlobalId, isNodeType, NODE_TYPE_NAMES, nodeTypeOfLabels } from '../../relay.js';
import type { GraphEdgeRow, GraphNodeRow } from './explore.mappers.js';
import { readHubGroup, readHubSummary, type FacetRow, type HubGroupRow, type HubNode } from './hub.repository.js';
import { nodeKindOf } from '../../graph/node-kinds.js';
import { toNodeRow, toSubgraph } from './subgraph.js';

export const MAX_GROUP_LIMIT = 200;

export interface FacetCountRow {
  facet: NeighbourFacet;
  key: string;
  name: string | null;
  count: number;
}

export interface HubSummary {
  centre: GraphNodeRow;
  neighbourCount: number;
  documentCount: number;
  byKind: FacetCountRow[];
  byCluster: FacetCountRow[];
  byLevel: FacetCountRow[];
  byOccupation: FacetCountRow[];
}

export interface HubDrawing {
  nodes: GraphNodeRow[];
  edges: GraphEdgeRow[];
  total: number;
  leftOut: FacetCountRow[];
}

function kindOf(labels: readonly string[]): string {
  return nodeTypeOfLabels(labels) ?? labels[0] ?? 'Node';
}

const largestFirst = (a: FacetCountRow, b: FacetCountRow) => b.count - a.count || a.key.localeCompare(b.key);

function facetRows(facet: NeighbourFacet, rows: FacetRow[]): FacetCountRow[] {
  return rows.map((row) => ({ facet, key: row.key, name: row.name ?? null, count: row.count }));
}

/** Counts of what lies around an entity; null when the id names none. */
export async function hubSummary(db: Database, id: string): Promise<HubSummary | null> {
  const resolved = fromGlobalId(id);
  if (!resolved) return null;
  const row = await readHubSummary(db, { label: resolved.label, id: resolved.graphId });
  if (!row || nodeTypeOfLabels(row.labels) !== resolved.type) return null;
  const kinds = new Map<string, number>();
  for (const entry of row.kinds) kinds.set(kindOf(entry.labels), (kinds.get(kindOf(entry.labels)) ?? 0) + entry.count);
  return {
    centre: toNodeRow(row),
    neighbourCount: [...kinds.values()].reduce((sum, count) => sum + count, 0),
    documentCount: row.documentCount,
    byKind: [...kinds].map(([key, count]): FacetCountRow => ({ facet: 'KIND', key, name: null, count })).sort(largestFirst),
    byCluster: facetRows('CLUSTER', row.clusters).sort(largestFirst),
    // Levels read best in their own order; `-` (no level) last.
    byLevel: facetRows('LEVEL', row.levels).sort((a, b) => (a.key === '-' ? 1 : b.key === '-' ? -1 : Number(a.key) - Number(b.key))),
    byOccupation: facetRows('OCCUPATION', row.occupations).sort(largestFirst),
  };
}

/**
 * How many of each kind to draw within `limit`: small kinds whole, the larger ones sharing what is
 * left equally, so that a hub's 26 related skills are not crowded out by its 681 tasks.
 */
export function shareOut(sizes: readonly number[], limit: number): number[] {
  const taken = sizes.map(() => 0);
  const order = sizes.map((size, index) => ({ size, index })).sort((a, b) => a.size - b.size || a.index - b.index);
  let room = limit;
  order.forEach(({ size, index }, position) => {
    const share = Math.min(size, Math.floor(room / (order.length - position)));
    taken[index] = share;
    room -= share;
  });
  // What equal shares could not split goes to the largest kinds first.
  for (const { size, index } of [...order].reverse()) {
    if (room <= 0) break;
    const extra = Math.min(room, size - taken[index]!);
    taken[index]! += extra;
    room -= extra;
  }
  return taken;
}

function groupArguments(args: { facet?: NeighbourFacet | null; key?: string | null }): { facet: 'CLUSTER' | 'LEVEL' | 'OCCUPATION' | null; label: string | null; key: string | null } {
  const facet = args.facet ?? null;
  const key = args.key ?? null;
  if (facet === null) {
    if (key !== null) throw badUserInput('`key` needs a `facet`.', 'key');
    return { facet: null, label: null, key: null };
  }
  if (key === null || key === '') throw badUserInput(`\`facet: ${facet}\` needs a \`key\`: one of the summary's keys.`, 'key');
  if (facet === 'KIND') {
    if (!isNodeType(key)) throw badUserInput(`Unknown kind \`${key}\`; use type names: ${NODE_TYPE_NAMES.join(', ')}.`, 'key');
    return { facet: null, label: nodeKindOf(key)?.label ?? key, key: null };
  }
  return { facet, label: null, key };
}

/** One group of an entity's neighbours, at most `limit` of them; null when the id names none. */
export async function hubGroup(
  db: Database,
  args: { id: string; facet?: NeighbourFacet | null; key?: string | null; limit?: number | null },
): Promise<HubDrawing | null> {
  const limit = args.limit ?? 40;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_GROUP_LIMIT) throw badUserInput(`\`limit\` must be 1 to ${MAX_GROUP_LIMIT}; got ${limit}.`, 'limit');
  const group = groupArguments(args);
  const resolved = fromGlobalId(args.id);
  if (!resolved) return null;
  let chosen: HubNode[] = [];
  let leftOut: FacetCountRow[] = [];
  let total = 0;
  const select = (row: HubGroupRow): string[] => {
    const shares = shareOut(
      row.groups.map((entry) => entry.total),
      limit,
    );
    chosen = [row, ...row.groups.flatMap((entry, i) => entry.members.slice(0, shares[i]))];
    total = row.groups.reduce((sum, entry) => sum + entry.total, 0);
    leftOut = row.groups
      .map((entry, i): FacetCountRow => ({ facet: 'KIND', key: kindOf(entry.labels), name: null, count: entry.total - shares[i]! }))
      .filter((entry) => entry.count > 0)
      .sort(largestFirst);
    return chosen.map((node) => node.elementId!);
  };
  const found = await readHubGroup(db, { label: resolved.label, id: resolved.graphId }, group, limit, select);
  if (!found || nodeTypeOfLabels(found.row.labels) !== resolved.type) return null;
  const subgraph = toSubgraph(chosen, found.edges, false);
  return { nodes: subgraph.nodes, edges: subgraph.edges, total, leftOut };
}
