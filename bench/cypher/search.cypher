// search(text, first: 20): one page of full-text hits (CJK analyzer) among the kinds search
// returns, best first (then by id), the total, and one hit more to tell whether a page follows.
// The top of the page is a top-k (ORDER BY … LIMIT) rather than a sort of every hit. Kind, field,
// snippet and cursor come from the hit's properties as the API derives them (operations.ts).
CALL () {
  CALL db.index.fulltext.queryNodes('entity_text', $query) YIELD node
  WHERE any(label IN labels(node) WHERE label IN $labels)
  RETURN count(node) AS total
}
CALL () {
  CALL db.index.fulltext.queryNodes('entity_text', $query) YIELD node, score
  WHERE any(label IN labels(node) WHERE label IN $labels)
  WITH node, score ORDER BY score DESC, node.id LIMIT $first + 1
  RETURN collect({ properties: properties(node), labels: labels(node), score: score }) AS hits
}
RETURN total, hits
