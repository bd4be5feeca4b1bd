// standard(code): one standard with its whole tree — responsibilities, tasks, outputs, indicators,
// the K and S each task needs, and the document's K, S and A — in published order.
MATCH (s:Standard {id: $code})
RETURN s {
  .id, .code, .baseCode, .version, .name, .status, .level, .kind, .description, .versionNote,
  .requirements, .otherNotes, .glossaryTerms, .glossaryDefinitions,
  publishedOn: toString(s.publishedOn),
  category: [(s)-[:IN_CATEGORY]->(c:Category) | c { .code, .name }][0],
  occupations: [(s)-[:FOR_OCCUPATION]->(o:Occupation) | o { .code, .name }],
  industries: [(s)-[:IN_INDUSTRY]->(i:Industry) | i { .code, .name }],
  responsibilities: COLLECT {
    MATCH (s)-[hr:HAS_RESPONSIBILITY]->(r:Responsibility)
    WITH r ORDER BY hr.order
    RETURN r {
      .code, .name,
      tasks: COLLECT {
        MATCH (r)-[ht:HAS_TASK]->(t:Task)
        WITH t ORDER BY ht.order
        RETURN t {
          .code, .name, .level,
          outputs: COLLECT { MATCH (t)-[p:PRODUCES]->(o:Output) WITH o ORDER BY p.order RETURN o { .code, .name } },
          indicators: COLLECT { MATCH (t)-[h:HAS_INDICATOR]->(i:Indicator) WITH i ORDER BY h.order RETURN i { .code, .text } },
          knowledge: COLLECT { MATCH (t)-[q:REQUIRES]->(k:Knowledge) WITH q, k ORDER BY q.code RETURN { code: q.code, id: k.id, name: k.name } },
          skills: COLLECT { MATCH (t)-[q:REQUIRES]->(k:Skill) WITH q, k ORDER BY q.code RETURN { code: q.code, id: k.id, name: k.name } }
        }
      }
    }
  },
  knowledge: COLLECT { MATCH (s)-[q:REQUIRES]->(k:Knowledge) WITH q, k ORDER BY q.code RETURN { code: q.code, name: q.name, id: k.id, competency: k.name } },
  skills: COLLECT { MATCH (s)-[q:REQUIRES]->(k:Skill) WITH q, k ORDER BY q.code RETURN { code: q.code, name: q.name, id: k.id, competency: k.name } },
  attitudes: COLLECT { MATCH (s)-[q:REQUIRES]->(k:Attitude) WITH q, k ORDER BY q.code RETURN { code: q.code, name: q.name, description: q.description, id: k.id, competency: k.name } }
} AS standard
