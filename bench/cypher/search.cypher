// search(text, first: 20): one page of full-text hits (CJK analyzer), best first, and the total.
// The top of the page is a top-k (ORDER BY … LIMIT) rather than a sort of every hit.
CALL () {
  CALL db.index.fulltext.queryNodes('entity_text', $query) YIELD node
  RETURN count(node) AS total
}
CALL () {
  CALL db.index.fulltext.queryNodes('entity_text', $query) YIELD node, score
  WITH node, score ORDER BY score DESC, node.id LIMIT $first
  RETURN collect({ properties: properties(node), labels: labels(node), score: score }) AS hits
}
RETURN total, hits
