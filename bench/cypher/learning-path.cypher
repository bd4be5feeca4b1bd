// learningPath(from, to): everything the path is computed from, in one statement — the target's
// requirements (with the tasks that need each) and tasks, what the learner holds (the competencies
// of the documents they hold), every typed relation of each requirement, read as "the requirement
// is <relation> of b" (equivalent; broader: b is narrower and meets it; narrower: b is broader and
// only comes close; related: never counts), and the current documents teaching a knowledge or
// skill requirement or something that meets it at minScore or more (an equivalent, or a narrower
// competency), with all their K/S and each task's. The path is computed by the same pure function
// the API uses (src/analysis/learning-path.ts), in operations.ts. A requirement's description is
// the target's own wording of it (r.description), else the competency's.
MATCH (target:Document {id: $target})
CALL (target) {
  MATCH (target)-[r:REQUIRES]->(c:Competency)
  WITH r, c ORDER BY r.code
  RETURN collect({
    competencyId: c.id, kind: c.kind, code: r.code, name: c.name, description: coalesce(r.description, c.description),
    taskIds: COLLECT { MATCH (target)-[:HAS_RESPONSIBILITY]->(:Responsibility)-[:HAS_TASK]->(t:Task)-[:REQUIRES]->(c) RETURN t.id ORDER BY t.position }
  }) AS requirements, collect(c) AS required
}
CALL (target) {
  OPTIONAL MATCH (target)-[:HAS_RESPONSIBILITY]->(:Responsibility)-[:HAS_TASK]->(t:Task)
  WITH t ORDER BY t.position
  RETURN [x IN collect(t) | { id: x.id, code: x.code, name: x.name }] AS tasks
}
CALL () {
  UNWIND $held AS id
  MATCH (:Document {id: id})-[:REQUIRES]->(c:Competency)
  RETURN collect(DISTINCT c.id) AS held
}
CALL (required) {
  UNWIND required AS a
  CALL (a) {
    MATCH (a)-[s:EQUIVALENT_TO]-(b:Competency) RETURN b, s, 'equivalent' AS relation
    UNION
    MATCH (a)<-[s:NARROWER_THAN]-(b:Competency) RETURN b, s, 'broader' AS relation
    UNION
    MATCH (a)-[s:NARROWER_THAN]->(b:Competency) RETURN b, s, 'narrower' AS relation
    UNION
    MATCH (a)-[s:RELATED_TO]-(b:Competency) RETURN b, s, 'related' AS relation
  }
  RETURN collect({ a: a.id, b: b.id, score: s.score, relation: relation }) AS relations
}
CALL (target, required) {
  UNWIND [c IN required WHERE c.kind IN $kinds] AS c
  CALL (c) {
    RETURN c AS match
    UNION
    MATCH (c)-[s:EQUIVALENT_TO]-(x:Competency) WHERE s.score >= $minScore RETURN x AS match
    UNION
    MATCH (c)<-[s:NARROWER_THAN]-(x:Competency) WHERE s.score >= $minScore RETURN x AS match
  }
  MATCH (d:Document)-[:REQUIRES]->(match)
  WHERE d.hasContent AND d.status = 'CURRENT' AND d <> target AND NOT d.id IN $held
  WITH DISTINCT d
  WITH d, COLLECT {
    MATCH (d)-[:HAS_RESPONSIBILITY]->(:Responsibility)-[:HAS_TASK]->(t:Task)
    WITH t ORDER BY t.position
    RETURN { id: t.id, code: t.code, name: t.name, level: coalesce(t.level, 0), competencyIds: [(t)-[:REQUIRES]->(k:Competency) WHERE k.kind IN $kinds | k.id] }
  } AS tasks
  // A standard with tasks is studied task by task: its own list would go unused.
  RETURN collect({
    code: d.id, name: d.name, level: coalesce(d.level, 0), kind: d.documentKind,
    competencyIds: CASE WHEN d.documentKind = 'STANDARD' AND size(tasks) > 0 THEN []
                        ELSE [(d)-[:REQUIRES]->(k:Competency) WHERE k.kind IN $kinds | k.id] END,
    tasks: tasks
  }) AS candidates
}
RETURN target.id AS target, coalesce(target.level, 0) AS level, requirements, tasks, held, relations, candidates
