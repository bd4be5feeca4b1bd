// All Cypher of the search module: one read of the CJK full-text index `entity_text` per search,
// returning the page and the total.
import { cypher, int, type Database } from '../../db/query.js';

export interface SearchHitRow {
  properties: Record<string, unknown>;
  labels: string[];
  score: number;
}

export interface SearchRows {
  total: number;
  hits: SearchHitRow[];
}

const searchQuery = cypher(
  'search.fulltext',
  `CALL db.index.fulltext.queryNodes('entity_text', $query) YIELD node, score
   WHERE any(label IN labels(node) WHERE label IN $labels)
   WITH node, score ORDER BY score DESC, node.id
   WITH collect({node: node, score: score}) AS hits
   RETURN size(hits) AS total,
          [hit IN hits[$skip..$skip + $limit] | {properties: properties(hit.node), labels: labels(hit.node), score: hit.score}] AS hits`,
);

/** Hits of a Lucene query among nodes with one of `labels`, best first, `limit` from `skip`. */
export async function readSearch(db: Database, query: string, labels: string[], skip: number, limit: number): Promise<SearchRows> {
  const [row] = await db.read<SearchRows>(searchQuery, { query, labels, skip: int(skip), limit: int(limit) });
  return { total: row?.total ?? 0, hits: row?.hits ?? [] };
}
