// roleRequirements(occupationCode): the current standards for the occupation or one below it, all
// their tasks (with outputs) by standard and published order, and the union of their K, S and A,
// most needed first: for each competency the tasks of those standards that need it, the standards
// that list it and under which codes. In the API's shape.
MATCH (root:Occupation {id: $occupation})
CALL (root) {
  MATCH (s:Standard)-[:FOR_OCCUPATION]->(:Occupation)-[:PART_OF*0..]->(root)
  WHERE s.status = 'CURRENT' AND coalesce(s.hasContent, true)
  WITH DISTINCT s ORDER BY s.id
  RETURN collect(s) AS standards
}
WITH standards, [s IN standards | s.id] AS ids
CALL (ids) {
  UNWIND ids AS id
  MATCH (t:Task {document: id})
  WITH t ORDER BY t.document, t.position
  RETURN collect(t) AS tasks
}
CALL (standards, ids) {
  UNWIND standards AS s
  MATCH (s)-[q:REQUIRES]->(c:Competency)
  WITH c, collect(DISTINCT s.id) AS documents, collect(DISTINCT q.code) AS codes
  WITH c, documents, codes, COLLECT {
    MATCH (t:Task)-[:REQUIRES]->(c) WHERE t.document IN ids
    WITH DISTINCT t ORDER BY t.document, t.position
    RETURN 'Task:' + t.id
  } AS needing
  WITH c, needing, COLLECT { UNWIND documents AS d RETURN d ORDER BY d } AS documents, COLLECT { UNWIND codes AS code RETURN code ORDER BY code } AS codes
  ORDER BY size(needing) DESC, size(documents) DESC, codes[0], c.name
  RETURN collect({
    kind: c.kind,
    competency: {
      id: CASE c.kind WHEN 'knowledge' THEN 'Knowledge:' + substring(c.id, 10) WHEN 'skill' THEN 'Skill:' + substring(c.id, 6) ELSE 'Attitude:' + substring(c.id, 9) END,
      name: c.name
    },
    count: size(needing), documentCount: size(documents), codes: codes,
    documents: [d IN documents | { code: d }], tasks: [t IN needing | { id: t }]
  }) AS competencies
}
RETURN [s IN standards | { code: coalesce(s.code, s.id), name: s.name }] AS standards,
       [t IN tasks | { id: 'Task:' + t.id, code: t.code, name: t.name }] AS tasks,
       COLLECT {
         UNWIND tasks AS t
         MATCH (t)-[p:PRODUCES]->(o:Output)
         WITH o ORDER BY t.document, t.position, p.order
         RETURN { id: 'Output:' + o.id, code: o.code, name: o.name }
       } AS outputs,
       [c IN competencies WHERE c.kind = 'knowledge' | c { .competency, .count, .documentCount, .codes, .documents, .tasks }] AS knowledge,
       [c IN competencies WHERE c.kind = 'skill' | c { .competency, .count, .documentCount, .codes, .documents, .tasks }] AS skills,
       [c IN competencies WHERE c.kind = 'attitude' | c { .competency, .count, .documentCount, .codes, .documents, .tasks }] AS attitudes
