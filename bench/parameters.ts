// The arguments of the benchmark's operations, chosen from the loaded graph the same way on every
// run: the largest current standard, the occupation with the most current standards, and so on.
// Deterministic for a given corpus (ties broken by id). Works on a generated corpus and on a folder
// of real documents alike; where a corpus lacks something (a catalogue of standards has no units),
// the choice falls back to what it has and says so in `notes`, which the report prints.
import { cypher, int, type Database } from '../src/db/query.js';

export interface BenchParameters {
  /** Current standard with the most tasks (the deepest tree); also the learning path's target. */
  standardCode: string;
  /** Occupation (4-digit, without narrower occupations) with the most current standards. */
  occupationCode: string;
  occupationStandards: number;
  /** Up to five current standards sharing competencies (of that occupation when it has two or more). */
  sharedCodes: string[];
  /** What the learner of the learning path holds: a current unit, else a current standard. */
  learner: { code: string; kind: 'unit' | 'standard' };
  /** A skill required by many documents and tasks (within one page of 100), with equivalents if any has. */
  skill: { id: string; name: string; requiredBy: number };
  /** Search text: the leading characters of the most required skill's name. */
  searchText: string;
  /** How the corpus shaped a choice, in words (empty when every first choice was available). */
  notes: string[];
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

const closestDocuments = cypher(
  'bench.closestDocuments',
  // Current documents of one kind sharing the most K/S with a standard, at or below its level.
  `MATCH (s:Standard {id: $code})-[:REQUIRES]->(c:Competency)<-[:REQUIRES]-(d:Document)
   WHERE d <> s AND d.status = 'CURRENT' AND d.hasContent AND d.documentKind = $kind AND c.kind IN ['knowledge', 'skill']
     AND coalesce(d.level, 0) <= coalesce(s.level, 0)
   WITH d, count(DISTINCT c) AS shared
   RETURN d.id AS code ORDER BY shared DESC, code LIMIT $limit`,
);

const anyUnit = cypher('bench.anyUnit', `MATCH (u:Unit) WHERE u.status = 'CURRENT' AND u.hasContent RETURN u.id AS code ORDER BY code LIMIT 1`);

const popularSkill = cypher(
  'bench.popularSkill',
  // Preferably one that alignment made equivalent to other skills (what `similar` shows by
  // default), so the lookup has something to show; within one page of requirers, none of which
  // lists it twice (so that requirers and requirements are the same count for every variant).
  `MATCH (c:Skill)
   WITH c, COUNT { (c)<-[:REQUIRES]-() } AS requirements, COUNT { MATCH (n)-[:REQUIRES]->(c) RETURN DISTINCT n } AS requiredBy
   WHERE requiredBy <= 100 AND requirements = requiredBy
   WITH c, requiredBy, EXISTS { (c)-[s:EQUIVALENT_TO]-(:Skill) WHERE s.score >= 0.5 } AS hasEquivalents
   RETURN c.id AS id, c.name AS name, requiredBy ORDER BY hasEquivalents DESC, requiredBy DESC, id LIMIT 1`,
);

const mostRequiredSkill = cypher(
  'bench.mostRequiredSkill',
  `MATCH (c:Skill)
   RETURN c.name AS name, COUNT { (c)<-[:REQUIRES]-() } AS requiredBy ORDER BY requiredBy DESC, name LIMIT 1`,
);

export async function chooseParameters(db: Database): Promise<BenchParameters> {
  const notes: string[] = [];
  const [standard] = await db.read<{ code: string }>(largestStandard);
  const [occupation] = await db.read<{ code: string; standards: number }>(busiestOccupation);
  if (!standard || !occupation) throw new Error('The graph holds no current standards with occupations: was the corpus imported?');

  let sharedCodes = (await db.read<{ code: string }>(sharingStandards, { occupation: occupation.code })).map((row) => row.code);
  if (sharedCodes.length < 2) {
    const closest = await db.read<{ code: string }>(closestDocuments, { code: standard.code, kind: 'STANDARD', limit: int(4) });
    sharedCodes = [standard.code, ...closest.map((row) => row.code)];
    notes.push(`sharedCompetencies: occupation ${occupation.code} has one current standard, so ${standard.code} and the standards sharing the most with it`);
  }

  const [closestUnit] = await db.read<{ code: string }>(closestDocuments, { code: standard.code, kind: 'UNIT', limit: int(1) });
  let learner: BenchParameters['learner'];
  if (closestUnit) {
    learner = { code: closestUnit.code, kind: 'unit' };
  } else {
    const [closestStandard] = await db.read<{ code: string }>(closestDocuments, { code: standard.code, kind: 'STANDARD', limit: int(1) });
    const [unit] = await db.read<{ code: string }>(anyUnit);
    if (closestStandard) {
      learner = { code: closestStandard.code, kind: 'standard' };
      notes.push(
        unit
          ? `learningPath: no current unit shares a knowledge or skill with ${standard.code}, so the learner holds the current standard at or below its level sharing the most (${closestStandard.code})`
          : `learningPath: the corpus has no units, so the path goes standard → standard: the learner holds the current standard at or below ${standard.code}'s level sharing the most knowledge and skills with it (${closestStandard.code})`,
      );
    } else if (unit) {
      learner = { code: unit.code, kind: 'unit' };
      notes.push(`learningPath: no current document shares a knowledge or skill with ${standard.code}; the learner holds the first current unit (${unit.code})`);
    } else {
      throw new Error(`The graph holds no other current document to learn ${standard.code} from: was the corpus imported?`);
    }
  }

  const [skill] = await db.read<{ id: string; name: string; requiredBy: number }>(popularSkill);
  const [common] = await db.read<{ name: string }>(mostRequiredSkill);
  if (!skill || !common) throw new Error('The graph holds no skills: was the corpus imported?');
  // Two to four leading characters of a name, whole CJK bigrams: matched by the CJK analyzer.
  const searchText = [...common.name].slice(0, 4).join('');
  return {
    standardCode: standard.code,
    occupationCode: occupation.code,
    occupationStandards: occupation.standards,
    sharedCodes,
    learner,
    skill,
    searchText,
    notes,
  };
}
