// standards(first: 50): the first page of current standards by code, each with its tasks in
// published order (with the K and S they need) and its K, S and A; plus the total count and
// whether another page follows. The cursors are the API's encoding of each code (operations.ts).
CALL () {
  MATCH (s:Standard) WHERE s.status = 'CURRENT'
  RETURN count(s) AS totalCount
}
CALL () {
  MATCH (s:Standard) WHERE s.status = 'CURRENT'
  WITH s ORDER BY s.id LIMIT $first + 1
  RETURN collect(s {
    .id, code: coalesce(s.code, s.id), .name, .level,
    tasks: COLLECT {
      MATCH (t:Task {document: s.id})
      WITH t ORDER BY t.position
      RETURN t {
        .code, .name,
        knowledge: COLLECT { MATCH (t)-[q:REQUIRES]->(k:Knowledge) WITH q, k ORDER BY q.code RETURN { code: q.code, competency: { id: 'Knowledge:' + substring(k.id, 10) } } },
        skills: COLLECT { MATCH (t)-[q:REQUIRES]->(k:Skill) WITH q, k ORDER BY q.code RETURN { code: q.code, competency: { id: 'Skill:' + substring(k.id, 6) } } }
      }
    },
    knowledge: COLLECT {
      MATCH (s)-[q:REQUIRES]->(k:Knowledge) WITH q, k ORDER BY q.code
      RETURN { code: q.code, name: coalesce(q.name, k.name), competency: { id: 'Knowledge:' + substring(k.id, 10), name: k.name } }
    },
    skills: COLLECT {
      MATCH (s)-[q:REQUIRES]->(k:Skill) WITH q, k ORDER BY q.code
      RETURN { code: q.code, name: coalesce(q.name, k.name), competency: { id: 'Skill:' + substring(k.id, 6), name: k.name } }
    },
    attitudes: COLLECT { MATCH (s)-[q:REQUIRES]->(k:Attitude) WITH q, k ORDER BY q.code RETURN { code: q.code, name: coalesce(q.name, k.name) } }
  }) AS rows
}
RETURN totalCount, rows[..$first] AS standards, size(rows) > $first AS hasNextPage
