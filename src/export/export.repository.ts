// All Cypher of the graph export: the whole graph read in pages (label by label, in id order, so
// memory stays flat however large the graph), or one document with everything it links to.
import { cypher, int, type Cypher, type Database } from '../db/query.js';
import { EXPORT_LABELS, OPERATIONAL_LABELS } from '../graph/node-kinds.js';

export interface ExportNode {
  id: string;
  labels: string[];
  properties: Record<string, unknown>;
}

export interface ExportRelationship {
  type: string;
  /** `id` of the start and end nodes, with their labels (a global id needs both). */
  source: string;
  sourceLabels: string[];
  target: string;
  targetLabels: string[];
  properties: Record<string, unknown>;
}

const PAGE_SIZE = 2000;

// Labels are constants of this module, never user input: one statement per label keeps every page
// an ordered index scan.
const nodePages = new Map<string, Cypher>(
  EXPORT_LABELS.map((label) => [
    label,
    cypher(
      `export.nodes.${label}`,
      `MATCH (n:${label}) WHERE $after IS NULL OR n.id > $after
       WITH n ORDER BY n.id LIMIT $limit
       RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties`,
    ),
  ]),
);

const relationshipPages = new Map<string, Cypher>(
  EXPORT_LABELS.map((label) => [
    label,
    cypher(
      `export.relationships.${label}`,
      `MATCH (a:${label}) WHERE $after IS NULL OR a.id > $after
       WITH a ORDER BY a.id LIMIT $limit
       RETURN a.id AS id, [(a)-[r]->(b) WHERE NOT b:Migration |
         {type: type(r), source: a.id, sourceLabels: labels(a), target: b.id, targetLabels: labels(b), properties: properties(r)}] AS relationships`,
    ),
  ]),
);

const otherNodes = cypher(
  'export.otherNodes',
  // Nodes of labels other modules may add later still export (operational records - migrations,
  // import jobs, the catalogue version - do not).
  `MATCH (n) WHERE NOT any(label IN labels(n) WHERE label IN $known OR label IN $operational)
   RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties, [(n)-[r]->(b) WHERE NOT b:Migration |
     {type: type(r), source: n.id, sourceLabels: labels(n), target: b.id, targetLabels: labels(b), properties: properties(r)}] AS relationships
   ORDER BY elementId(n)`,
);

/** Every node of the graph, page by page. */
export async function* allNodes(db: Database): AsyncGenerator<ExportNode[]> {
  for (const label of EXPORT_LABELS) {
    let after: string | null = null;
    for (;;) {
      const page: ExportNode[] = await db.read<ExportNode>(nodePages.get(label)!, { after, limit: int(PAGE_SIZE) });
      if (page.length > 0) yield page;
      if (page.length < PAGE_SIZE) break;
      after = page[page.length - 1]!.id;
    }
  }
  const others = await db.read<ExportNode>(otherNodes, { known: [...EXPORT_LABELS], operational: [...OPERATIONAL_LABELS] });
  if (others.length > 0) yield others.map(({ id, labels, properties }) => ({ id, labels, properties }));
}

/** Every relationship of the graph, page by page of start nodes. */
export async function* allRelationships(db: Database): AsyncGenerator<ExportRelationship[]> {
  for (const label of EXPORT_LABELS) {
    let after: string | null = null;
    for (;;) {
      const page: Array<{ id: string; relationships: ExportRelationship[] }> = await db.read(relationshipPages.get(label)!, {
        after,
        limit: int(PAGE_SIZE),
      });
      const relationships = page.flatMap((row) => row.relationships);
      if (relationships.length > 0) yield relationships;
      if (page.length < PAGE_SIZE) break;
      after = page[page.length - 1]!.id;
    }
  }
  const others = await db.read<{ relationships: ExportRelationship[] }>(otherNodes, { known: [...EXPORT_LABELS], operational: [...OPERATIONAL_LABELS] });
  const relationships = others.flatMap((row) => row.relationships);
  if (relationships.length > 0) yield relationships;
}

const documentGraph = cypher(
  'export.document',
  // The document, its parts, and what they link to: competencies, notes, classifications, levels
  // and the versions it supersedes or is superseded by.
  `MATCH (d:Document) WHERE d.id = $code OR (d.baseCode = $code AND d.status = 'CURRENT')
   WITH d ORDER BY d.id LIMIT 1
   OPTIONAL MATCH (d)-[:HAS_RESPONSIBILITY|HAS_TASK|HAS_NOTE|HAS_INDICATOR|PRODUCES*1..3]->(part)
   WITH d, [d] + collect(DISTINCT part) AS parts
   UNWIND parts AS p
   OPTIONAL MATCH (p)-[:REQUIRES|EXPLAINED_BY|IN_CATEGORY|FOR_OCCUPATION|IN_INDUSTRY|AT_LEVEL|SUPERSEDES]-(linked)
   WHERE NOT linked:Migration
   WITH parts, collect(DISTINCT linked) AS linked
   WITH parts + [n IN linked WHERE NOT n IN parts] AS nodes
   CALL (nodes) {
     UNWIND nodes AS a
     MATCH (a)-[r]->(b) WHERE b IN nodes
     RETURN collect({type: type(r), source: a.id, sourceLabels: labels(a), target: b.id, targetLabels: labels(b), properties: properties(r)}) AS relationships
   }
   RETURN [n IN nodes | {id: n.id, labels: labels(n), properties: properties(n)}] AS nodes, relationships`,
);

/** One document (full code, or base code for the current version) with what it links to; null when unknown. */
export async function documentSubgraph(
  db: Database,
  code: string,
): Promise<{ nodes: ExportNode[]; relationships: ExportRelationship[] } | null> {
  const [row] = await db.read<{ nodes: ExportNode[]; relationships: ExportRelationship[] }>(documentGraph, { code });
  return row ?? null;
}
