// roleRequirements(occupationCode): the current standards for the occupation or one below it, all
// their tasks (with outputs) in order, and the union of their K, S and A, most needed first: for
// each competency the tasks that need it, the standards that list it and under which codes.
MATCH (root:Occupation {id: $occupation})
CALL (root) {
  MATCH (s:Standard)-[:FOR_OCCUPATION]->(:Occupation)-[:PART_OF*0..]->(root)
  WHERE s.status = 'CURRENT'
  WITH DISTINCT s ORDER BY s.code
  RETURN collect(s) AS standards
}
CALL (standards) {
  UNWIND standards AS s
  MATCH (s)-[:HAS_RESPONSIBILITY]->(:Responsibility)-[:HAS_TASK]->(t:Task)
  WITH t ORDER BY t.document, t.position
  RETURN collect(t {
    .id, .code, .name, .document,
    outputs: COLLECT { MATCH (t)-[p:PRODUCES]->(o:Output) WITH o ORDER BY p.order RETURN o { .id, .code, .name } }
  }) AS tasks
}
CALL (standards) {
  UNWIND standards AS s
  MATCH (s)-[q:REQUIRES]->(c:Competency)
  WITH c, collect(DISTINCT s) AS documents, collect(DISTINCT q.code) AS codes
  WITH c, documents, codes, COLLECT {
    UNWIND documents AS d
    MATCH (d)-[:HAS_RESPONSIBILITY]->(:Responsibility)-[:HAS_TASK]->(t:Task)-[:REQUIRES]->(c)
    WITH DISTINCT t ORDER BY t.document, t.position
    RETURN t.id
  } AS needingTasks
  WITH c, documents, codes, needingTasks ORDER BY size(needingTasks) DESC, size(documents) DESC, c.name
  RETURN collect({
    kind: c.kind, id: c.id, name: c.name, count: size(needingTasks), documentCount: size(documents),
    codes: codes, documents: [d IN documents | d.code], tasks: needingTasks
  }) AS competencies
}
RETURN [s IN standards | s { .code, .name }] AS standards,
       tasks,
       reduce(acc = [], t IN tasks | acc + t.outputs) AS outputs,
       [c IN competencies WHERE c.kind = 'knowledge'] AS knowledge,
       [c IN competencies WHERE c.kind = 'skill'] AS skills,
       [c IN competencies WHERE c.kind = 'attitude'] AS attitudes
