// Cypher of the hub views: what lies one relationship away from an entity, counted by kind and by
// the career cluster, level and occupation of the documents around it, and the members of one such
// group for drawing. Statements are built per (start label, facet) from constants, like the
// neighbourhood statements, so that each has its own plan and the start is an index seek.
import { cypher, int, type Cypher, type Database } from '../../db/query.js';
import { LOOKUP_LABELS } from '../../graph/node-kinds.js';
import type { GraphEdgeData } from './explore.repository.js';

/** How documents are grouped; `null` groups neighbours by kind. */
export type DocumentFacet = 'CLUSTER' | 'LEVEL' | 'OCCUPATION';

const NAME = (n: string) => `toString(coalesce(${n}.name, ${n}.text, ${n}.code))`;

/**
 * The documents around `n`: its document neighbours, and the documents of its task and
 * responsibility neighbours (a competency is required by a standard and by the standard's tasks;
 * both mean the same document).
 */
const DOCUMENTS_AROUND = `CALL (n) {
     MATCH (n)--(m) WHERE m:Document OR m:Task OR m:Responsibility
     CALL (m) {
       MATCH (m) WHERE m:Document RETURN m AS d
       UNION
       MATCH (m)<-[:HAS_TASK]-(d:Unit) RETURN d
       UNION
       MATCH (m)<-[:HAS_TASK]-(:Responsibility)<-[:HAS_RESPONSIBILITY]-(d:Standard) RETURN d
       UNION
       MATCH (m)<-[:HAS_RESPONSIBILITY]-(d:Standard) RETURN d
     }
     WITH DISTINCT d WHERE d <> n
     RETURN collect(d) AS documents
   }`;

/** Per facet: `key` and `name` of the group a document `d` falls in (one row per group it is in). */
const FACET_KEY: Record<DocumentFacet, string> = {
  // A career cluster is a root category; a document is filed under a 職類 below it (or the root).
  CLUSTER: `OPTIONAL MATCH (d)-[:IN_CATEGORY]->(:Category)-[:PART_OF*0..3]->(g:Category) WHERE g.depth = 1
       WITH d, coalesce(g.code, '-') AS key, g.name AS name`,
  LEVEL: `WITH d, coalesce(toString(d.level), '-') AS key, null AS name`,
  // Sub-major groups (`24`) are few enough to read and specific enough to tell professions apart.
  OCCUPATION: `OPTIONAL MATCH (d)-[:FOR_OCCUPATION]->(o:Occupation)
       OPTIONAL MATCH (o)-[:PART_OF*0..3]->(g:Occupation) WHERE g.depth = 2
       WITH d, coalesce(g.code, o.code, '-') AS key, coalesce(g.name, o.name) AS name`,
};

function facetCounts(facet: DocumentFacet, column: string): string {
  return `CALL (documents) {
     UNWIND documents AS d
     ${FACET_KEY[facet]}
     WITH key, name, count(DISTINCT d) AS count
     RETURN collect({key: key, name: name, count: count}) AS ${column}
   }`;
}

function summaryStatement(label: string): Cypher {
  return cypher(
    `explore.hubSummary.${label}`,
    `MATCH (n:${label} {id: $id})
   CALL (n) {
     MATCH (n)--(m) WHERE NOT m:Migration
     WITH DISTINCT m
     WITH labels(m) AS labels, count(*) AS count
     RETURN collect({labels: labels, count: count}) AS kinds
   }
   ${DOCUMENTS_AROUND}
   ${facetCounts('CLUSTER', 'clusters')}
   ${facetCounts('LEVEL', 'levels')}
   ${facetCounts('OCCUPATION', 'occupations')}
   RETURN n.id AS id, labels(n) AS labels, ${NAME('n')} AS name, kinds, size(documents) AS documentCount, clusters, levels, occupations`,
  );
}

/** A group of members to draw, by kind (label list); the first `$limit` of each, by id. */
const GROUPS_BY_LABELS = `WITH DISTINCT m ORDER BY m.id
     WITH labels(m) AS labels, collect(m) AS ms
     RETURN collect({labels: labels, total: size(ms),
       members: [m IN ms[..$limit] | {elementId: elementId(m), id: m.id, labels: labels(m), name: ${NAME('m')}}]}) AS groups`;

function groupStatement(label: string, facet: DocumentFacet | null): Cypher {
  const members =
    facet === null
      ? `CALL (n) {
     MATCH (n)--(m) WHERE NOT m:Migration AND ($label IS NULL OR $label IN labels(m))
     ${GROUPS_BY_LABELS}
   }`
      : `${DOCUMENTS_AROUND}
   CALL (documents) {
     UNWIND documents AS d
     ${FACET_KEY[facet]}
     WITH d AS m WHERE key = $key
     ${GROUPS_BY_LABELS}
   }`;
  return cypher(
    `explore.hubGroup.${label}.${facet ?? 'KIND'}`,
    `MATCH (n:${label} {id: $id})
   ${members}
   RETURN elementId(n) AS elementId, n.id AS id, labels(n) AS labels, ${NAME('n')} AS name, groups`,
  );
}

const edgesAmong = cypher(
  'explore.edgesAmong',
  `UNWIND $elementIds AS x
   MATCH (a) WHERE elementId(a) = x
   MATCH (a)-[r]->(b) WHERE elementId(b) IN $elementIds
   RETURN a.id AS source, b.id AS target, type(r) AS type, r.code AS code`,
);

export interface HubNode {
  elementId?: string;
  id: string;
  labels: string[];
  name: string | null;
}

export interface FacetRow {
  key: string;
  name: string | null;
  count: number;
}

export interface HubSummaryRow extends HubNode {
  kinds: Array<{ labels: string[]; count: number }>;
  documentCount: number;
  clusters: FacetRow[];
  levels: FacetRow[];
  occupations: FacetRow[];
}

export interface HubGroupRow extends HubNode {
  elementId: string;
  /** One entry per kind (graph label list): how many there are and the first `limit` by id. */
  groups: Array<{ labels: string[]; total: number; members: Array<HubNode & { elementId: string }> }>;
}

const statements = new Map<string, Cypher>();

function statement(key: string, build: () => Cypher): Cypher {
  let found = statements.get(key);
  if (!found) statements.set(key, (found = build()));
  return found;
}

/** Counts of what lies around the node with this label and id; null when there is none. */
export async function readHubSummary(db: Database, start: { label: string; id: string }): Promise<HubSummaryRow | null> {
  if (!LOOKUP_LABELS.includes(start.label)) return null;
  const [row] = await db.read<HubSummaryRow>(
    statement(`summary.${start.label}`, () => summaryStatement(start.label)),
    { id: start.id },
  );
  return row ?? null;
}

/**
 * The members of one group around a node (neighbours of one graph label, all neighbours, or the
 * documents around it in one facet bucket), up to `limit` per kind, with the relationships among
 * the centre and the members a caller keeps (read in the same transaction).
 */
export async function readHubGroup(
  db: Database,
  start: { label: string; id: string },
  group: { facet: DocumentFacet | null; label: string | null; key: string | null },
  limit: number,
  keep: (row: HubGroupRow) => string[],
): Promise<{ row: HubGroupRow; edges: GraphEdgeData[] } | null> {
  if (!LOOKUP_LABELS.includes(start.label)) return null;
  const query = statement(`group.${start.label}.${group.facet ?? 'KIND'}`, () => groupStatement(start.label, group.facet));
  return db.readTx(async (tx) => {
    const [row] = await tx.run<HubGroupRow>(query, { id: start.id, label: group.label, key: group.key, limit: int(limit) });
    if (!row) return null;
    const edges = await tx.run<GraphEdgeData>(edgesAmong, { elementIds: keep(row) });
    return { row, edges };
  });
}
