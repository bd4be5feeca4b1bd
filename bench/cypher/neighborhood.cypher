// neighborhood(id, depth: 2, limit): breadth first from one standard — the neighbours of each
// level not seen before, by id, until `limit` nodes — then every relationship among the nodes kept.
// Global ids and labels come from each node's labels as the API derives them (operations.ts).
MATCH (center:Document {id: $id})
CALL (center) {
  MATCH (center)--(m)
  WHERE NOT m:Migration AND m <> center
  WITH DISTINCT m ORDER BY m.id LIMIT $limit
  RETURN collect(m) AS found1
}
WITH center, found1[..$limit - 1] AS level1, size(found1) > $limit - 1 AS truncated1
CALL (center, level1, truncated1) {
  UNWIND CASE WHEN truncated1 THEN [] ELSE level1 END AS f
  MATCH (f)--(m)
  WHERE NOT m:Migration AND m <> center AND NOT m IN level1
  WITH DISTINCT m ORDER BY m.id LIMIT $limit
  RETURN collect(m) AS found2
}
WITH center, level1, truncated1, found2, $limit - 1 - size(level1) AS room2
WITH [center] + level1 + found2[..room2] AS nodes, truncated1 OR size(found2) > room2 AS truncated
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r]->(b)
  WHERE b IN nodes
  RETURN collect({ source: a.id, target: b.id, type: type(r), code: r.code }) AS edges
}
RETURN [n IN nodes | { id: n.id, labels: labels(n), name: toString(coalesce(n.name, n.text, n.code)) }] AS nodes, edges, truncated
