// competency(kind, name): a skill with the documents and tasks that require it (one entry per
// requirer under its first code, by id, one page), and its equivalent skills, strongest first.
// In the API's shape.
MATCH (c:Skill {id: $id})
CALL (c) {
  MATCH (n)-[q:REQUIRES]->(c)
  WITH n, min(q.code) AS code ORDER BY n.id
  WITH collect({ n: n, code: code }) AS requirers
  RETURN size(requirers) AS total, [r IN requirers[..$first] |
    {
      code: r.code,
      node: CASE
        WHEN r.n:Task THEN { __typename: 'Task', id: 'Task:' + r.n.id, code: r.n.code, name: r.n.name }
        WHEN r.n:Unit OR r.n.documentKind = 'UNIT' THEN { __typename: 'Unit', code: coalesce(r.n.code, r.n.id), name: r.n.name }
        ELSE { __typename: 'Standard', code: coalesce(r.n.code, r.n.id), name: r.n.name }
      END
    }] AS page
}
CALL (c) {
  MATCH (c)-[r:EQUIVALENT_TO]-(other:Competency)
  WHERE other <> c AND r.score >= $minScore
  WITH r, other ORDER BY r.score DESC, other.id
  LIMIT $similar
  RETURN collect({
    score: r.score, method: r.method, evidence: r.evidence,
    competency: { id: 'Skill:' + substring(other.id, 6), name: other.name }
  }) AS similar
}
RETURN {
  id: 'Skill:' + substring(c.id, 6), name: c.name, kind: toUpper(c.kind), description: c.description,
  requiredBy: { totalCount: total, edges: page },
  similar: similar
} AS competency
