// All Cypher of the explore module: finding entities by global id, neighbourhoods (breadth first,
// in one statement), shortest paths and graph statistics. The API only ever shows global ids; a
// path search finds its two ends again by elementId, which the database seeks directly.
import { LOOKUP_LABELS, OPERATIONAL_LABELS } from '../../graph/node-kinds.js';
import { Neo4jError } from 'neo4j-driver';
import { cypher, int, type Cypher, type Database } from '../../db/query.js';

/** Graph labels an entity can be found under by its `id` (each has a unique-id constraint). */

export interface GraphNodeData {
  /** Set by `readNodes` only: how the path search finds the node again. */
  elementId?: string;
  id: string;
  labels: string[];
  name: string | null;
}

export interface GraphEdgeData {
  /** `id` of the start and end nodes. */
  source: string;
  target: string;
  type: string;
  code: string | null;
}

/** A node as the explore module reads it: as RETURN columns, or as one map. */
const NODE_FIELDS = (n: string) => `elementId(${n}) AS elementId, ${n}.id AS id, labels(${n}) AS labels, toString(coalesce(${n}.name, ${n}.text, ${n}.code)) AS name`;
const NODE_MAP = (n: string) => `{id: ${n}.id, labels: labels(${n}), name: toString(coalesce(${n}.name, ${n}.text, ${n}.code))}`;

const FIND_BY_LABEL = LOOKUP_LABELS.map((label) => `WITH key WHERE key.label = '${label}' MATCH (n:${label} {id: key.id}) RETURN n`).join(
  '\n     UNION ALL\n     ',
);

const findNodes = cypher(
  'explore.findNodes',
  // One branch per label so that each lookup is an index seek.
  `UNWIND $keys AS key
   CALL (key) {
     ${FIND_BY_LABEL}
   }
   RETURN key.i AS i, ${NODE_FIELDS('n')}`,
);

/** The nodes with these (label, id) keys, in key order; null where there is none. */
export async function readNodes(db: Database, keys: Array<{ label: string; id: string }>): Promise<Array<GraphNodeData | null>> {
  const usable = keys.map((key, i) => ({ ...key, i: int(i) })).filter((key) => LOOKUP_LABELS.includes(key.label));
  const found: Array<GraphNodeData | null> = keys.map(() => null);
  if (usable.length === 0) return found;
  const rows = await db.read<GraphNodeData & { i: number }>(findNodes, { keys: usable });
  for (const { i, ...node } of rows) found[i] = node;
  return found;
}

/** Deepest neighbourhood `neighbourhood` reads; each depth has its own statement. */
export const MAX_NEIGHBOURHOOD_DEPTH = 3;

/**
 * Breadth first in one statement: each level adds the not-yet-seen neighbours of the previous
 * one, by id, until `$limit` nodes; then every relationship among the nodes kept. The start label
 * and whether types are filtered are part of the text (each its own plan, both much faster than
 * deciding per row), so statements are built per (label, depth, filter) from constants.
 */
function neighbourhoodStatement(label: string, depth: number, filtered: boolean): Cypher {
  const filter = filtered ? 'AND any(label IN labels(m) WHERE label IN $labels) ' : '';
  const levels = Array.from(
    { length: depth },
    () => `CALL (seen, frontier, truncated) {
     UNWIND CASE WHEN truncated THEN [] ELSE frontier END AS f
     MATCH (f)--(m)
     WHERE NOT m:Migration ${filter}AND NOT m IN seen
     WITH DISTINCT m ORDER BY m.id LIMIT $limit
     RETURN collect(m) AS found
   }
   WITH seen, truncated, found, $limit - size(seen) AS room
   WITH seen + found[..room] AS seen, found[..room] AS frontier, truncated OR size(found) > room AS truncated`,
  );
  return cypher(
    `explore.neighbourhood.${label}.${depth}${filtered ? '.filtered' : ''}`,
    `MATCH (n:${label} {id: $id})
   WITH [n] AS seen, [n] AS frontier, false AS truncated
   ${levels.join('\n   ')}
   CALL (seen) {
     UNWIND seen AS a
     MATCH (a)-[r]->(b) WHERE b IN seen
     RETURN collect({source: a.id, target: b.id, type: type(r), code: r.code}) AS edges
   }
   RETURN [n IN seen | ${NODE_MAP('n')}] AS nodes, edges, truncated`,
  );
}

const neighbourhoods = new Map<string, Cypher>();

export interface NeighbourhoodRows {
  /** The centre first, then each level by id. */
  nodes: Array<Omit<GraphNodeData, 'elementId'>>;
  edges: GraphEdgeData[];
  truncated: boolean;
}

/** The neighbourhood of the node with this label and id, in one read; null when there is none. */
export async function readNeighbourhood(
  db: Database,
  start: { label: string; id: string },
  depth: number,
  limit: number,
  labels: string[] | null,
): Promise<NeighbourhoodRows | null> {
  if (!LOOKUP_LABELS.includes(start.label) || !Number.isInteger(depth) || depth < 0 || depth > MAX_NEIGHBOURHOOD_DEPTH) return null;
  const key = `${start.label}.${depth}.${labels !== null}`;
  let statement = neighbourhoods.get(key);
  if (!statement) neighbourhoods.set(key, (statement = neighbourhoodStatement(start.label, depth, labels !== null)));
  const [row] = await db.read<NeighbourhoodRows>(statement, { id: start.id, limit: int(limit), labels });
  return row ?? null;
}

/** Longest path `path` accepts; the bound is part of the pattern, so each has its own statement. */
export const MAX_PATH_LENGTH = 10;

const shortestPaths: Cypher[] = Array.from({ length: MAX_PATH_LENGTH + 1 }, (_, length) =>
  cypher(
    `explore.shortestPath.${length}`,
    `MATCH (a), (b) WHERE elementId(a) = $from AND elementId(b) = $to
     MATCH p = shortestPath((a)-[*..${Math.max(length, 1)}]-(b))
     RETURN [n IN nodes(p) | ${NODE_MAP('n')}] AS nodes,
            [r IN relationships(p) | {source: startNode(r).id, target: endNode(r).id, type: type(r), code: r.code}] AS edges`,
  ),
);

/** The shortest path of at most `maxLength` relationships between two nodes, or null. */
export async function readShortestPath(
  db: Database,
  from: string,
  to: string,
  maxLength: number,
): Promise<{ nodes: GraphNodeData[]; edges: GraphEdgeData[] } | null> {
  const [row] = await db.read<{ nodes: GraphNodeData[]; edges: GraphEdgeData[] }>(shortestPaths[maxLength]!, { from, to });
  return row ?? null;
}

export interface GraphStatsRow {
  nodeCount: number;
  relationshipCount: number;
  labels: Array<{ label: string; count: number }>;
  relationshipTypes: Array<{ type: string; count: number }>;
}

const countsFromStore = cypher(
  'explore.statsFromCountStore',
  // The count store answers without touching a node.
  `CALL db.stats.retrieve('GRAPH COUNTS') YIELD data
   RETURN [x IN data.nodes WHERE x.label IS NULL | x.count][0] AS nodeCount,
          [x IN data.relationships WHERE x.relationshipType IS NULL AND x.startLabel IS NULL AND x.endLabel IS NULL | x.count][0] AS relationshipCount,
          [x IN data.nodes WHERE x.label IS NOT NULL | {label: x.label, count: x.count}] AS labels,
          [x IN data.relationships WHERE x.relationshipType IS NOT NULL AND x.startLabel IS NULL AND x.endLabel IS NULL
             | {type: x.relationshipType, count: x.count}] AS relationshipTypes`,
);

const countsByScan = cypher(
  'explore.statsByScan',
  `CALL () { MATCH (n) RETURN count(n) AS nodeCount }
   CALL () { MATCH ()-[r]->() RETURN count(r) AS relationshipCount }
   CALL () { MATCH (n) UNWIND labels(n) AS label WITH label, count(*) AS count RETURN collect({label: label, count: count}) AS labels }
   CALL () { MATCH ()-[r]->() WITH type(r) AS type, count(*) AS count RETURN collect({type: type, count: count}) AS relationshipTypes }
   RETURN nodeCount, relationshipCount, labels, relationshipTypes`,
);

const OPERATIONAL = new Set(OPERATIONAL_LABELS);
/** Relationships between operational records (a job to its results). */
const OPERATIONAL_TYPES = new Set(['HAS_RESULT']);

/** Node and relationship counts by label and type, operational records left out. */
export async function readGraphStats(db: Database): Promise<GraphStatsRow> {
  let row: GraphStatsRow | undefined;
  try {
    [row] = await db.read<GraphStatsRow>(countsFromStore);
  } catch (error) {
    // A user without the right to read statistics still gets them, by counting.
    if (!(error instanceof Neo4jError)) throw error;
    [row] = await db.read<GraphStatsRow>(countsByScan);
  }
  const labels = row?.labels ?? [];
  const types = row?.relationshipTypes ?? [];
  const total = (entries: { count: number }[]) => entries.reduce((sum, entry) => sum + entry.count, 0);
  return {
    // Each operational node carries exactly one label, so subtracting per label counts each node once.
    nodeCount: (row?.nodeCount ?? 0) - total(labels.filter((entry) => OPERATIONAL.has(entry.label))),
    relationshipCount: (row?.relationshipCount ?? 0) - total(types.filter((entry) => OPERATIONAL_TYPES.has(entry.type))),
    labels: labels.filter((entry) => !OPERATIONAL.has(entry.label) && entry.count > 0).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
    relationshipTypes: types.filter((entry) => !OPERATIONAL_TYPES.has(entry.type) && entry.count > 0).sort((a, b) => b.count - a.count || a.type.localeCompare(b.type)),
  };
}
