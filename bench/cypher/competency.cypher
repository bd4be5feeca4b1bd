// competency(kind, name): a skill with the documents and tasks that require it (by id, one page),
// and its equivalent skills, strongest first.
MATCH (c:Skill {id: $id})
RETURN c {
  .id, .name, .kind, .description,
  requiredByCount: COUNT { (c)<-[:REQUIRES]-(:Standard|Unit|Task) },
  requiredBy: COLLECT {
    MATCH (c)<-[q:REQUIRES]-(n)
    WHERE n:Standard OR n:Unit OR n:Task
    WITH q, n ORDER BY n.id, q.code
    LIMIT $first
    RETURN { code: q.code, id: n.id, name: n.name, label: CASE WHEN n:Task THEN 'Task' WHEN n:Unit THEN 'Unit' ELSE 'Standard' END }
  },
  similar: COLLECT {
    MATCH (c)-[r:EQUIVALENT_TO]-(other:Skill)
    WHERE r.score >= $minScore
    WITH r, other ORDER BY r.score DESC, other.id
    LIMIT $similar
    RETURN { score: r.score, method: r.method, evidence: r.evidence, id: other.id, name: other.name }
  }
} AS competency
