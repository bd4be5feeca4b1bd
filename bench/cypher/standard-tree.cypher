// standard(code): one standard with its whole tree, in the API's shape (global ids, enum values):
// responsibilities, tasks, outputs, indicators, the K and S each task needs, and the document's K,
// S and A with the document's own wording — in published order.
MATCH (s:Standard {id: $code})
WITH s, coalesce(s.glossaryTerms, []) AS terms, coalesce(s.glossaryDefinitions, []) AS definitions
RETURN s {
  id: 'Standard:' + s.id, code: coalesce(s.code, s.id), .baseCode, .version, .name, .status, .level, .description, .versionNote,
  kind: CASE s.kind WHEN '職業' THEN 'OCCUPATION' WHEN '職類' THEN 'JOB_CATEGORY' ELSE null END,
  requirements: coalesce(s.requirements, []), otherNotes: coalesce(s.otherNotes, []),
  glossary: [i IN range(0, size(terms) - 1) | { term: terms[i], definition: coalesce(definitions[i], '') }],
  publishedOn: toString(s.publishedOn),
  category: head(COLLECT { MATCH (s)-[:IN_CATEGORY]->(c:Category) WITH c ORDER BY c.code RETURN { code: coalesce(c.code, c.id), name: c.name } }),
  occupations: COLLECT { MATCH (s)-[:FOR_OCCUPATION]->(o:Occupation) RETURN { code: coalesce(o.code, o.id), name: o.name } },
  industries: COLLECT { MATCH (s)-[:IN_INDUSTRY]->(i:Industry) RETURN { code: coalesce(i.code, i.id), name: i.name } },
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
          knowledge: COLLECT {
            MATCH (t)-[q:REQUIRES]->(k:Knowledge) WITH q, k ORDER BY q.code
            RETURN { code: q.code, competency: { id: 'Knowledge:' + substring(k.id, 10), name: k.name } }
          },
          skills: COLLECT {
            MATCH (t)-[q:REQUIRES]->(k:Skill) WITH q, k ORDER BY q.code
            RETURN { code: q.code, competency: { id: 'Skill:' + substring(k.id, 6), name: k.name } }
          }
        }
      }
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
  attitudes: COLLECT {
    MATCH (s)-[q:REQUIRES]->(k:Attitude) WITH q, k ORDER BY q.code
    RETURN {
      code: q.code, name: coalesce(q.name, k.name), description: coalesce(q.description, k.description),
      competency: { id: 'Attitude:' + substring(k.id, 9), name: k.name }
    }
  }
} AS standard
