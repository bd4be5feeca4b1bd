// standards(first: 50): the first page of current standards by code, each with its tasks in
// published order (with the K and S they need) and its K, S and A; plus the total count.
CALL () {
  MATCH (s:Standard) WHERE s.status = 'CURRENT'
  RETURN count(s) AS totalCount
}
CALL () {
  MATCH (s:Standard) WHERE s.id IS NOT NULL AND s.status = 'CURRENT'
  WITH s ORDER BY s.id LIMIT $first + 1
  RETURN collect(s {
    .code, .name, .level,
    tasks: COLLECT {
      MATCH (s)-[:HAS_RESPONSIBILITY]->(:Responsibility)-[:HAS_TASK]->(t:Task)
      WITH t ORDER BY t.position
      RETURN t {
        .code, .name,
        knowledge: COLLECT { MATCH (t)-[q:REQUIRES]->(k:Knowledge) WITH q, k ORDER BY q.code RETURN { code: q.code, id: k.id } },
        skills: COLLECT { MATCH (t)-[q:REQUIRES]->(k:Skill) WITH q, k ORDER BY q.code RETURN { code: q.code, id: k.id } }
      }
    },
    knowledge: COLLECT { MATCH (s)-[q:REQUIRES]->(k:Knowledge) WITH q, k ORDER BY q.code RETURN { code: q.code, name: q.name, id: k.id, competency: k.name } },
    skills: COLLECT { MATCH (s)-[q:REQUIRES]->(k:Skill) WITH q, k ORDER BY q.code RETURN { code: q.code, name: q.name, id: k.id, competency: k.name } },
    attitudes: COLLECT { MATCH (s)-[q:REQUIRES]->(k:Attitude) WITH q, k ORDER BY q.code RETURN { code: q.code, name: q.name } }
  }) AS rows
}
RETURN totalCount, rows[..$first] AS standards, size(rows) > $first AS hasNextPage
