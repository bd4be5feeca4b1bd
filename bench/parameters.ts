// The arguments of the benchmark's operations, chosen from the loaded graph the same way on every
// run: the largest current standard, the occupation with the most current standards, and so on.
// Deterministic for a given corpus (ties broken by id).
import { cypher, type Database } from '../src/db/query.js';

export interface BenchParameters {
  /** Current standard with the most tasks (the deepest tree). */
  standardCode: string;
  /** Occupation (4-digit) with the most current standards. */
  occupationCode: string;
  occupationStandards: number;
  /** Five current standards of that occupation, sharing competencies. */
  sharedCodes: string[];
  /** A current unit that shares the most competencies with `standardCode`. */
  unitCode: string;
  /** A skill required by many documents and tasks (within one page of 100), with similar skills if any has. */
  skill: { id: string; name: string; requiredBy: number };
  /** Search text: the leading characters of the most required skill's name. */
  searchText: string;
}

const largestStandard = cypher(
  'bench.largestStandard',
  `MATCH (s:Standard) WHERE s.status = 'CURRENT' AND s.hasContent
   RETURN s.id AS code, COUNT { (s)-[:HAS_RESPONSIBILITY]->()-[:HAS_TASK]->() } AS tasks
   ORDER BY tasks DESC, code LIMIT 1`,
);

const busiestOccupation = cypher(
  'bench.busiestOccupation',
  `MATCH (s:Standard)-[:FOR_OCCUPATION]->(o:Occupation)
   WHERE s.status = 'CURRENT' AND size(o.id) = 4 AND NOT EXISTS { (:Occupation)-[:PART_OF]->(o) }
   WITH o, count(DISTINCT s) AS standards
   RETURN o.id AS code, standards ORDER BY standards DESC, code LIMIT 1`,
);

const sharingStandards = cypher(
  'bench.sharingStandards',
  // The occupation's current standards that share the most competencies with the others.
  `MATCH (o:Occupation {id: $occupation})<-[:FOR_OCCUPATION]-(s:Standard) WHERE s.status = 'CURRENT'
   WITH collect(s) AS standards
   UNWIND standards AS s
   OPTIONAL MATCH (s)-[:REQUIRES]->(c:Competency)<-[:REQUIRES]-(other:Standard) WHERE other IN standards AND other <> s
   WITH s, count(DISTINCT c) AS shared
   RETURN s.id AS code ORDER BY shared DESC, code LIMIT 5`,
);

const closestUnit = cypher(
  'bench.closestUnit',
  `MATCH (s:Standard {id: $code})-[:REQUIRES]->(c:Competency)<-[:REQUIRES]-(u:Unit)
   WHERE u.status = 'CURRENT'
   WITH u, count(DISTINCT c) AS shared
   RETURN u.id AS code ORDER BY shared DESC, code LIMIT 1`,
);

const anyUnit = cypher('bench.anyUnit', `MATCH (u:Unit) WHERE u.status = 'CURRENT' RETURN u.id AS code ORDER BY code LIMIT 1`);

const popularSkill = cypher(
  'bench.popularSkill',
  // Preferably one that alignment linked to similar skills, so the lookup has something to show.
  `MATCH (c:Skill)
   WITH c, COUNT { (c)<-[:REQUIRES]-() } AS requiredBy, EXISTS { (c)-[s:SIMILAR_TO]-(:Skill) WHERE s.score >= 0.5 } AS hasSimilar
   WHERE requiredBy <= 100
   RETURN c.id AS id, c.name AS name, requiredBy ORDER BY hasSimilar DESC, requiredBy DESC, id LIMIT 1`,
);

const mostRequiredSkill = cypher(
  'bench.mostRequiredSkill',
  `MATCH (c:Skill)
   RETURN c.name AS name, COUNT { (c)<-[:REQUIRES]-() } AS requiredBy ORDER BY requiredBy DESC, name LIMIT 1`,
);

export async function chooseParameters(db: Database): Promise<BenchParameters> {
  const [standard] = await db.read<{ code: string }>(largestStandard);
  const [occupation] = await db.read<{ code: string; standards: number }>(busiestOccupation);
  if (!standard || !occupation) throw new Error('The graph holds no current standards with occupations: was the corpus imported?');
  const shared = await db.read<{ code: string }>(sharingStandards, { occupation: occupation.code });
  const [unit] = (await db.read<{ code: string }>(closestUnit, { code: standard.code })).concat(await db.read<{ code: string }>(anyUnit));
  const [skill] = await db.read<{ id: string; name: string; requiredBy: number }>(popularSkill);
  const [common] = await db.read<{ name: string }>(mostRequiredSkill);
  if (!unit || !skill || !common) throw new Error('The graph holds no units or skills: was the corpus imported?');
  // Two to four leading characters of a name, whole CJK bigrams: matched by the CJK analyzer.
  const searchText = [...common.name].slice(0, 4).join('');
  return {
    standardCode: standard.code,
    occupationCode: occupation.code,
    occupationStandards: occupation.standards,
    sharedCodes: shared.map((row) => row.code),
    unitCode: unit.code,
    skill,
    searchText,
  };
}
