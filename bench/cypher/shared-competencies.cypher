// sharedCompetencies(codes, minScore): every K and S requirement of the documents (in the order
// given, with the tasks that need it), the names of those competencies and the equivalences among
// them; grouped into shared competencies by the same pure function the API uses (src/analysis).
UNWIND range(0, size($ids) - 1) AS i
MATCH (d:Document {id: $ids[i]})-[r:REQUIRES]->(c:Competency)
WHERE c.kind IN $kinds
WITH i, d, r, c ORDER BY i, r.code
WITH collect({
  document: d.id, code: r.code, competencyId: c.id, kind: c.kind,
  taskIds: [(d)-[:HAS_RESPONSIBILITY]->(:Responsibility)-[:HAS_TASK]->(t:Task)-[:REQUIRES]->(c) | t.id]
}) AS occurrences, collect(DISTINCT c) AS competencies
CALL (competencies) {
  UNWIND competencies AS a
  MATCH (a)-[s:EQUIVALENT_TO]->(b:Competency)
  WHERE s.score >= $minScore AND b IN competencies
  RETURN collect({ a: a.id, b: b.id, score: s.score }) AS edges
}
RETURN occurrences, edges, [c IN competencies | c { .id, .name }] AS names
