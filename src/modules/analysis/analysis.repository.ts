// Cypher for the curriculum questions: what documents require, and how their competencies align.
//
// What counts as the same competency: the same node, an EQUIVALENT_TO relation, and - only when a
// caller asks (`includeNarrower`) - a NARROWER_THAN relation either way. RELATED_TO never counts.
// Learning paths read NARROWER_THAN with its direction: a learner who holds the narrower competency
// holds the broader one, not the reverse.
import type { Occurrence, SimilarityEdge } from '../../analysis/shared-competencies.js';
import type { ScoredPair } from '../../analysis/similarity-lookup.js';
import { project } from '../../db/projections.js';
import { documentNamedBy } from '../../db/named-documents.js';
import { cypher, type Database } from '../../db/query.js';
import { asCompetency, type CompetencyRow } from '../../graph/competency-row.js';
import { asDocument, asTask, type DocumentRow, type TaskRow } from '../document/document.mappers.js';

const sharingAmong = cypher(
  'analysis.sharingAmong',
  // The documents the codes name (documentNamedBy), each once and in the order given, and the
  // codes that name none; then every requirement of the documents (with the tasks that need it),
  // the relations that make two of their competencies one, and the rows of the documents,
  // competencies and tasks, so that the answer's fields need no further read.
  `UNWIND range(0, size($codes) - 1) AS n
   WITH n, head(COLLECT { ${documentNamedBy('$codes[n]', 'd')} }) AS d
   ORDER BY n
   WITH collect(CASE WHEN d IS NULL THEN $codes[n] END) AS unknown, collect(d) AS named
   WITH unknown, reduce(docs = [], d IN named | CASE WHEN d IN docs THEN docs ELSE docs + d END) AS docs
   CALL (docs) {
     UNWIND range(0, size(docs) - 1) AS i
     WITH i, docs[i] AS d
     MATCH (d)-[r:REQUIRES]->(c:Competency)
     WHERE c.kind IN $kinds
     WITH i, d, r, c ORDER BY i, r.code
     WITH d, r, c, [(d)-[:HAS_RESPONSIBILITY]->()-[:HAS_TASK]->(t:Task)-[:REQUIRES]->(c) | t] AS needing
     WITH collect([d.id, r.code, c.id, c.kind, [t IN needing | t.id]]) AS occurrences,
          collect(DISTINCT c) AS competencies, collect(needing) AS needed
     // A task needs several competencies: its row is projected once, not once per requirement.
     CALL (needed) {
       UNWIND needed AS list
       UNWIND list AS t
       WITH DISTINCT t
       RETURN collect(${project.task('t')}) AS tasks
     }
     CALL (competencies) {
       UNWIND competencies AS a
       MATCH (a)-[s:EQUIVALENT_TO|NARROWER_THAN]->(b:Competency)
       WHERE $minScore < 1 AND s.score >= $minScore AND b IN competencies AND (type(s) = 'EQUIVALENT_TO' OR $includeNarrower)
       RETURN collect([a.id, b.id, s.score]) AS edges
     }
     RETURN occurrences, edges, [c IN competencies | ${project.competency('c')}] AS competencies, tasks
   }
   RETURN unknown, [d IN docs | ${project.document('d')}] AS documents, occurrences, edges, competencies, tasks`,
);

const documentsRequiringSimilar = cypher(
  'analysis.documentsRequiringSimilar',
  // For each competency of the document: itself and what aligns with it, then every other current
  // document requiring one of those, with how many documents require each match (its rarity).
  `MATCH (d:Document {id: $id})-[:REQUIRES]->(c:Competency)
   WHERE c.kind IN $kinds
   CALL (c) {
     RETURN c AS match, 1.0 AS score
     UNION
     MATCH (c)-[s:EQUIVALENT_TO|NARROWER_THAN]-(x:Competency)
     WHERE s.score >= $minScore AND (type(s) = 'EQUIVALENT_TO' OR $includeNarrower)
     RETURN x AS match, s.score AS score
   }
   MATCH (o:Document)-[:REQUIRES]->(match)
   WHERE o <> d AND o.hasContent AND o.status = 'CURRENT'
   RETURN o.id AS document, c.id AS competencyId, match.id AS matchedById, score`,
);

const documentFrequencies = cypher(
  'analysis.documentFrequencies',
  `MATCH (d:Document {id: $id})-[:REQUIRES]->(c:Competency)
   WHERE c.kind IN $kinds
   RETURN c.id AS competencyId, COUNT { (:Document)-[:REQUIRES]->(c) } AS documents,
          COUNT { MATCH (x:Document) WHERE x.hasContent } AS total`,
);

/** Which relations make two wordings one shared competency. */
export interface SharingRule {
  /** Lowest relation score that counts; 1 or more: the same competency only. */
  minScore: number;
  /** A narrower wording counts as sharing its broader one. */
  includeNarrower: boolean;
}

/** What the documents require (limited to `kinds`), and which of those competencies count as one. */
export interface SharingRows {
  /** The documents the codes name, each once, in the order of the codes. */
  documents: DocumentRow[];
  /** The codes that name no document. */
  unknownCodes: string[];
  occurrences: Occurrence[];
  /** Equivalent (and, on request, narrower) relations with score >= minScore among them. */
  edges: SimilarityEdge[];
  competencies: CompetencyRow[];
  tasks: TaskRow[];
}

/** Everything sharing among the documents of `codes` needs, in one statement. */
export async function readSharing(db: Database, codes: readonly string[], kinds: string[], rule: SharingRule): Promise<SharingRows> {
  // Occurrences and edges come as lists (cheaper to decode than maps): see the statement's RETURN.
  const [row] = await db.read<{
    unknown: string[];
    documents: unknown[];
    occurrences: Array<[string, string, string, Occurrence['kind'], string[]]>;
    edges: Array<[string, string, number]>;
    competencies: unknown[];
    tasks: unknown[];
  }>(sharingAmong, { codes, kinds, ...rule });
  return {
    documents: (row?.documents ?? []).map(asDocument),
    unknownCodes: row?.unknown ?? [...codes],
    occurrences: (row?.occurrences ?? []).map(([document, code, competencyId, kind, taskIds]) => ({ document, code, competencyId, kind, taskIds })),
    edges: (row?.edges ?? []).map(([a, b, score]) => ({ a, b, score })),
    competencies: (row?.competencies ?? []).map(asCompetency),
    tasks: (row?.tasks ?? []).map(asTask),
  };
}

export interface DocumentMatchRow {
  document: string;
  competencyId: string;
  matchedById: string;
  score: number;
}

export async function readDocumentMatches(db: Database, documentId: string, kinds: string[], rule: SharingRule): Promise<DocumentMatchRow[]> {
  return db.read<DocumentMatchRow>(documentsRequiringSimilar, { id: documentId, kinds, ...rule });
}

export async function readDocumentFrequencies(
  db: Database,
  documentId: string,
  kinds: string[],
): Promise<Array<{ competencyId: string; documents: number; total: number }>> {
  return db.read(documentFrequencies, { id: documentId, kinds });
}

// ---- learning paths -------------------------------------------------------------------------

const learningStanding = cypher(
  'analysis.learningStanding',
  // What decides the learner's gaps, in one statement: the target's level; its tasks in the
  // published order with what each requires (a unit ties its K/S to no task, so it has none); its
  // requirements in code order; what the learner holds (the competencies of the documents they hold,
  // and those they name that exist); and every typed relation of each requirement a, read as "a is
  // <relation> of b": equivalent; broader (b is narrower, so b meets a); narrower (b is broader: it
  // comes close, does not meet a); related.
  `MATCH (d:Document {id: $id})
   RETURN coalesce(d.level, 0) AS level,
          COLLECT { MATCH (d)-[:HAS_RESPONSIBILITY]->(:Responsibility)-[:HAS_TASK]->(t:Task)
                    RETURN [t.id, t.code, t.name, [(t)-[:REQUIRES]->(c:Competency) | c.id]] ORDER BY t.position } AS tasks,
          COLLECT { MATCH (d)-[r:REQUIRES]->(c:Competency)
                    RETURN {competencyId: c.id, kind: c.kind, code: r.code, name: c.name, description: coalesce(r.description, c.description)}
                    ORDER BY r.code } AS requirements,
          COLLECT { UNWIND $heldDocuments AS heldId MATCH (:Document {id: heldId})-[:REQUIRES]->(c:Competency) RETURN DISTINCT c.id } AS heldViaDocuments,
          COLLECT { UNWIND $heldCompetencies AS heldId MATCH (c:Competency {id: heldId}) RETURN c.id } AS heldNamed,
          COLLECT { MATCH (d)-[:REQUIRES]->(a:Competency)-[s:EQUIVALENT_TO|NARROWER_THAN|RELATED_TO]-(b:Competency)
                    RETURN {a: a.id, b: b.id, score: s.score,
                            relation: CASE type(s) WHEN 'EQUIVALENT_TO' THEN 'equivalent' WHEN 'RELATED_TO' THEN 'related'
                                      ELSE CASE WHEN startNode(s) = b THEN 'broader' ELSE 'narrower' END END} } AS relations`,
);

const learningCandidates = cypher(
  'analysis.learningCandidates',
  // Current documents that teach a competency closing one of the learner's gaps ($closers), with what
  // studying them means (relevance and effort are measured on the whole): a unit's, or a taskless
  // standard's, knowledge and skills as one list; a standard's tasks that teach a closer, each with
  // all its knowledge and skills (a task can be a step on its own). A task teaching no closer can
  // close no gap and is not read (a task requires only what its document requires, so the closers
  // its document requires are the ones to look for). At national scale this is still thousands of
  // tasks: each crosses the wire as a list (CandidateTaskList), not a map with its keys.
  `UNWIND $closers AS id
   MATCH (closer:Competency {id: id})
   MATCH (d:Document)-[:REQUIRES]->(closer)
   WHERE d.hasContent AND d.status = 'CURRENT' AND d.id <> $target AND NOT d.id IN $held
   WITH d, collect(closer) AS closing
   WITH d, closing, d.documentKind = 'STANDARD' AND EXISTS { (d)-[:HAS_RESPONSIBILITY]->(:Responsibility)-[:HAS_TASK]->(:Task) } AS byTask
   WITH d, byTask,
        CASE WHEN byTask
          THEN [(d)-[:HAS_RESPONSIBILITY]->(:Responsibility)-[:HAS_TASK]->(t:Task)
                WHERE EXISTS { MATCH (t)-[:REQUIRES]->(x:Competency) WHERE x IN closing } |
                [t.id, t.code, t.name, coalesce(t.level, 0), t.position, [(t)-[:REQUIRES]->(k:Competency) WHERE k.kind IN $kinds | k.id]]]
          ELSE [] END AS tasks
   WHERE NOT byTask OR size(tasks) > 0
   RETURN d.id AS code, d.name AS name, coalesce(d.level, 0) AS level, d.documentKind AS kind,
          CASE WHEN byTask THEN [] ELSE [(d)-[:REQUIRES]->(k:Competency) WHERE k.kind IN $kinds | k.id] END AS competencyIds,
          tasks`,
);

export interface TargetRequirementRow {
  competencyId: string;
  kind: string;
  code: string;
  name: string;
  description: string | null;
  taskIds: string[];
}

export interface TargetTaskRow {
  id: string;
  code: string;
  name: string;
}

/** A target's task as the statement returns it: id, code, name, the competency ids it requires. */
type TargetTaskList = [string, string, string, string[]];

interface StandingRow {
  level: number;
  tasks: TargetTaskList[];
  requirements: Array<Omit<TargetRequirementRow, 'taskIds'>>;
  heldViaDocuments: string[];
  heldNamed: string[];
  relations: RelationRow[];
}

export interface CandidateTaskRow {
  id: string;
  code: string;
  name: string;
  level: number;
  position: number;
  competencyIds: string[];
}

/** A candidate's task as the statement returns it: id, code, name, level, position, competency ids. */
type CandidateTaskList = [string, string, string, number, number, string[]];

export interface CandidateRow {
  code: string;
  name: string;
  level: number;
  kind: 'STANDARD' | 'UNIT';
  competencyIds: string[];
  tasks: CandidateTaskRow[];
}

/** A typed relation of a target requirement `a`: "a is <relation> of b". */
export interface RelationRow {
  a: string;
  b: string;
  score: number;
  relation: 'equivalent' | 'narrower' | 'broader' | 'related';
}

/** The target, the learner and the relations between their competencies: what decides the gaps. */
export interface LearningStanding {
  targetLevel: number;
  requirements: TargetRequirementRow[];
  tasks: TargetTaskRow[];
  held: string[];
  relations: RelationRow[];
}

export interface LearningData extends LearningStanding {
  candidates: CandidateRow[];
}

/** The target's tasks requiring each competency, in the tasks' order. */
function tasksRequiring(tasks: TargetTaskList[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [taskId, , , competencyIds] of tasks) {
    for (const id of competencyIds) {
      const list = out.get(id);
      if (list) list.push(taskId);
      else out.set(id, [taskId]);
    }
  }
  return out;
}

/** Knowledge and skills: what studying a document teaches. */
const TAUGHT_KINDS = ['knowledge', 'skill'];

/**
 * Everything a learning path needs, read in one transaction (a consistent snapshot): the target and
 * the learner first, then the candidates teaching what `closersOf` says would close a gap.
 */
export async function readLearningData(
  db: Database,
  target: string,
  heldDocuments: string[],
  heldCompetencies: string[],
  closersOf: (standing: LearningStanding) => string[],
): Promise<LearningData> {
  return db.readTx(async (tx) => {
    const [row] = await tx.run<StandingRow>(learningStanding, { id: target, heldDocuments, heldCompetencies });
    const tasks = row?.tasks ?? [];
    const requiredBy = tasksRequiring(tasks);
    const standing: LearningStanding = {
      targetLevel: row?.level ?? 0,
      requirements: (row?.requirements ?? []).map((r) => ({ ...r, taskIds: requiredBy.get(r.competencyId) ?? [] })),
      tasks: tasks.map(([id, code, name]) => ({ id, code, name })),
      held: [...new Set([...(row?.heldViaDocuments ?? []), ...(row?.heldNamed ?? [])])],
      relations: row?.relations ?? [],
    };
    const closers = closersOf(standing);
    const rows =
      closers.length > 0
        ? await tx.run<Omit<CandidateRow, 'tasks'> & { tasks: CandidateTaskList[] }>(learningCandidates, {
            closers,
            target,
            held: heldDocuments,
            kinds: TAUGHT_KINDS,
          })
        : [];
    const candidates: CandidateRow[] = rows.map((candidate) => ({
      ...candidate,
      tasks: candidate.tasks
        .map(([id, code, name, level, position, competencyIds]) => ({ id, code, name, level, position, competencyIds }))
        .sort((x, y) => x.position - y.position),
    }));
    return { ...standing, candidates };
  });
}

// ---- document resemblance and career paths -------------------------------------------------

const currentStandardCompetencies = cypher(
  'analysis.currentStandardCompetencies',
  `MATCH (d:Standard {status: 'CURRENT'}) WHERE d.hasContent
   RETURN d.id AS id, d.name AS name, coalesce(d.level, 0) AS level, [(d)-[:REQUIRES]->(c:Competency) | c.id] AS competencyIds`,
);

const allSimilarities = cypher(
  'analysis.allSimilarities',
  'MATCH (a:Competency)-[s:EQUIVALENT_TO]->(b:Competency) WHERE s.score >= $minScore RETURN a.id AS a, b.id AS b, s.score AS score',
);

const deleteResemblances = cypher('analysis.deleteResemblances', 'MATCH (:Document)-[r:RESEMBLES]->(:Document) DELETE r');

const deleteResemblancesOf = cypher(
  'analysis.deleteResemblancesOf',
  `UNWIND $ids AS id
   MATCH (:Document {id: id})-[r:RESEMBLES]-(:Document)
   DELETE r`,
);

const writeResemblances = cypher(
  'analysis.writeResemblances',
  `UNWIND $rows AS row
   MATCH (a:Document {id: row.a})
   MATCH (b:Document {id: row.b})
   MERGE (a)-[r:RESEMBLES]->(b)
   SET r.similarity = row.similarity`,
);

const readResemblances = cypher(
  'analysis.readResemblances',
  `MATCH (a:Standard {status: 'CURRENT'})-[r:RESEMBLES]->(b:Standard {status: 'CURRENT'})
   RETURN a.id AS from, b.id AS to, r.similarity AS similarity`,
);

export interface StandardCompetencies {
  id: string;
  name: string;
  level: number;
  competencyIds: string[];
}

export async function readStandardCompetencies(db: Database): Promise<StandardCompetencies[]> {
  return db.read<StandardCompetencies>(currentStandardCompetencies);
}

export async function readAllSimilarities(db: Database, minScore: number): Promise<SimilarityEdge[]> {
  return db.read<SimilarityEdge>(allSimilarities, { minScore });
}

/** Replaces every RESEMBLES edge, in one transaction. */
export async function replaceResemblances(db: Database, rows: Array<{ a: string; b: string; similarity: number }>): Promise<void> {
  await db.writeTx(async (tx) => {
    await tx.run(deleteResemblances);
    for (let start = 0; start < rows.length; start += 5_000) await tx.run(writeResemblances, { rows: rows.slice(start, start + 5_000) });
  });
}

/** Replaces the RESEMBLES edges touching the given documents (others' edges stay), in one transaction. */
export async function replaceResemblancesOf(db: Database, ids: string[], rows: Array<{ a: string; b: string; similarity: number }>): Promise<void> {
  await db.writeTx(async (tx) => {
    await tx.run(deleteResemblancesOf, { ids });
    for (let start = 0; start < rows.length; start += 5_000) await tx.run(writeResemblances, { rows: rows.slice(start, start + 5_000) });
  });
}

const careerStandards = cypher(
  'analysis.careerStandards',
  // Each current standard's knowledge and skills with the tasks that need each (ranks what is new).
  `MATCH (d:Standard {status: 'CURRENT'}) WHERE d.hasContent
   RETURN d.id AS id, d.name AS name, coalesce(d.level, 0) AS level,
          [(d)-[:REQUIRES]->(c:Competency) WHERE c.kind IN $kinds |
             {id: c.id, taskIds: COLLECT { MATCH (d)-[:HAS_RESPONSIBILITY]->(:Responsibility)-[:HAS_TASK]->(t:Task)-[:REQUIRES]->(c) RETURN t.id ORDER BY t.position }}] AS needs`,
);

const meetingRelations = cypher(
  'analysis.meetingRelations',
  // What lets a holder of b meet a: an equivalent (either way), or b narrower than a (directed).
  `MATCH (x:Competency)-[s:EQUIVALENT_TO|NARROWER_THAN]->(y:Competency)
   WHERE s.score >= $minScore AND x.kind IN $kinds
   RETURN CASE type(s) WHEN 'EQUIVALENT_TO' THEN x.id ELSE y.id END AS a,
          CASE type(s) WHEN 'EQUIVALENT_TO' THEN y.id ELSE x.id END AS b,
          s.score AS score, type(s) = 'NARROWER_THAN' AS directed`,
);

export interface CareerStandardRow {
  id: string;
  name: string;
  level: number;
  needs: Array<{ id: string; taskIds: string[] }>;
}

/** Current standards with their K/S, the neighbour pairs (RESEMBLES) and the meeting relations, in one snapshot. */
export async function readCareerGraph(
  db: Database,
  minScore: number,
): Promise<{ edges: Array<{ from: string; to: string }>; documents: CareerStandardRow[]; relations: ScoredPair[] }> {
  return db.readTx(async (tx) => ({
    edges: await tx.run<{ from: string; to: string }>(readResemblances),
    documents: await tx.run<CareerStandardRow>(careerStandards, { kinds: TAUGHT_KINDS }),
    relations: await tx.run<ScoredPair>(meetingRelations, { minScore, kinds: TAUGHT_KINDS }),
  }));
}
