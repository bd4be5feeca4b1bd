// learningPath(from, to): the target's requirements, what the learner holds (the competencies of
// the documents they hold) and the similarity links touching the requirements (first row), then
// one row per current document teaching a requirement or something aligned with it (a row per
// document decodes faster than one huge list). The path itself is computed by the same pure
// function the API uses (src/analysis).
MATCH (target:Document {id: $target})
CALL (target) {
  MATCH (target)-[r:REQUIRES]->(c:Competency)
  WITH r, c ORDER BY r.code
  RETURN collect({ competencyId: c.id, kind: c.kind, code: r.code, name: c.name }) AS requirements, collect(c) AS required
}
CALL () {
  UNWIND $held AS id
  MATCH (:Document {id: id})-[:REQUIRES]->(c:Competency)
  RETURN collect(DISTINCT c.id) AS held
}
CALL (required) {
  UNWIND required AS a
  MATCH (a)-[s:SIMILAR_TO]-(b:Competency)
  RETURN collect({ a: a.id, b: b.id, score: s.score }) AS similarities
}
RETURN requirements, held, similarities, null AS code, null AS name, null AS level, null AS kind, null AS competencyIds
UNION ALL
MATCH (target:Document {id: $target})-[:REQUIRES]->(c:Competency)
WITH DISTINCT target, c
CALL (c) {
  RETURN c AS match
  UNION
  MATCH (c)-[s:SIMILAR_TO]-(x:Competency) WHERE s.score >= $minScore RETURN x AS match
}
MATCH (d:Document)-[:REQUIRES]->(match)
WHERE d.hasContent AND d.status = 'CURRENT' AND d <> target AND NOT d.id IN $held
WITH d, collect(DISTINCT match.id) AS competencyIds
RETURN null AS requirements, null AS held, null AS similarities,
       d.id AS code, d.name AS name, coalesce(d.level, 0) AS level, d.documentKind AS kind, competencyIds
