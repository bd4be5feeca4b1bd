// Cypher for competency alignment: read the competencies to align, write the typed relations.
//
// Each relation is its own relationship type, stored once per pair with {score, method, evidence}:
// (a)-[:EQUIVALENT_TO]->(b) and (a)-[:RELATED_TO]->(b) from the smaller id to the larger (read in
// either direction), and (narrower)-[:NARROWER_THAN]->(broader), whose direction is its meaning.
import type { CompetencyInput, CompetencyKind, SimilarityPair } from '../../analysis/alignment/index.js';
import { cypher, type Database, type Tx } from '../../db/query.js';

// A unit's 【註】 note on a competency adds evidence for what the name means; the documents that
// list it keep two names one document lists side by side from being equivalent.
const COMPETENCY_ROW = `c.id AS id, c.kind AS kind, c.name AS name, c.description AS description,
          [(c)-[:EXPLAINED_BY]->(t:Term) | t.text] AS notes,
          [(d:Document)-[:REQUIRES]->(c) | d.id] AS documents`;

const readCorpus = cypher('alignment.corpus', `MATCH (c:Competency) RETURN ${COMPETENCY_ROW}`);

const readSome = cypher(
  'alignment.competencies',
  `UNWIND $ids AS id
   MATCH (c:Competency {id: id})
   RETURN ${COMPETENCY_ROW}`,
);

const readIds = cypher('alignment.ids', 'MATCH (c:Competency) RETURN collect(c.id) AS ids');

const readListed = cypher(
  'alignment.listedBy',
  `UNWIND $documents AS document
   MATCH (:Document {id: document})-[:REQUIRES]->(c:Competency)
   WITH DISTINCT c
   RETURN c.id AS id, [(d:Document)-[:REQUIRES]->(c) | d.id] AS documents`,
);

const countCompetencies = cypher('alignment.countCompetencies', 'MATCH (c:Competency) RETURN count(c) AS n');

const deleteAllRelations = cypher(
  'alignment.deleteAll',
  'MATCH (:Competency)-[r:EQUIVALENT_TO|NARROWER_THAN|RELATED_TO]->(:Competency) DELETE r',
);

const deleteRelationsOf = cypher(
  'alignment.deleteFor',
  `UNWIND $ids AS id
   MATCH (:Competency {id: id})-[r:EQUIVALENT_TO|NARROWER_THAN|RELATED_TO]-(:Competency)
   DELETE r`,
);

// Relationship types cannot be parameters: one statement per type. CREATE, not MERGE: every write
// follows the deletion of the relations it replaces, and each pair comes once.
const writeRelation = (type: 'EQUIVALENT_TO' | 'NARROWER_THAN' | 'RELATED_TO') =>
  cypher(
    `alignment.write.${type}`,
    `UNWIND $rows AS row
     MATCH (a:Competency {id: row.from})
     MATCH (b:Competency {id: row.to})
     CREATE (a)-[:${type} {score: row.score, method: row.method, evidence: row.evidence}]->(b)`,
  );

const WRITE_RELATION = {
  equivalent: writeRelation('EQUIVALENT_TO'),
  narrower: writeRelation('NARROWER_THAN'),
  related: writeRelation('RELATED_TO'),
} as const;

/** Rows per UNWIND: large enough to keep round trips few, small enough to keep memory flat. */
const WRITE_BATCH = 5_000;

interface StoredCompetency {
  id: string;
  kind: CompetencyKind;
  name: string;
  description: string | null;
  notes: string[];
  documents: string[];
}

/** Every competency of the graph, as the aligner reads it. */
export async function readAlignmentCorpus(db: Database): Promise<CompetencyInput[]> {
  return (await db.read<StoredCompetency>(readCorpus)).map(toInput);
}

/** The given competencies (those that exist), as the aligner reads them. */
export async function readAlignmentInputs(db: Database, ids: string[]): Promise<CompetencyInput[]> {
  return ids.length === 0 ? [] : (await db.read<StoredCompetency>(readSome, { ids })).map(toInput);
}

/** The ids of every competency in the graph. */
export async function readCompetencyIds(db: Database): Promise<string[]> {
  const [row] = await db.read<{ ids: string[] }>(readIds);
  return row?.ids ?? [];
}

/** The competencies the given documents list, each with every document that lists it. */
export async function readListedBy(db: Database, documents: string[]): Promise<Array<{ id: string; documents: string[] }>> {
  return documents.length === 0 ? [] : db.read(readListed, { documents });
}

function toInput(row: StoredCompetency): CompetencyInput {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    documents: row.documents,
    ...(row.description ? { description: row.description } : {}),
    ...(row.notes.length > 0 ? { context: row.notes.join('\n') } : {}),
  };
}

export async function competencyCount(db: Database): Promise<number> {
  const [row] = await db.read<{ n: number }>(countCompetencies);
  return row?.n ?? 0;
}

/** A pair as stored: narrower relations point from the narrower competency to the broader one. */
function storedRow({ a, b, relation, score, method, evidence }: SimilarityPair) {
  const [from, to] = relation === 'broader' ? [b, a] : [a, b];
  return { type: relation === 'broader' ? 'narrower' : relation, row: { from, to, score, method, evidence } };
}

async function writePairs(tx: Tx, pairs: SimilarityPair[]): Promise<void> {
  const byType = { equivalent: [], narrower: [], related: [] } as Record<keyof typeof WRITE_RELATION, ReturnType<typeof storedRow>['row'][]>;
  for (const pair of pairs) {
    const { type, row } = storedRow(pair);
    byType[type].push(row);
  }
  for (const type of Object.keys(WRITE_RELATION) as Array<keyof typeof WRITE_RELATION>) {
    const rows = byType[type];
    for (let start = 0; start < rows.length; start += WRITE_BATCH) await tx.run(WRITE_RELATION[type], { rows: rows.slice(start, start + WRITE_BATCH) });
  }
}

/** Replaces every competency relation with `pairs`, in one transaction. */
export async function replaceAllRelations(db: Database, pairs: SimilarityPair[]): Promise<void> {
  await db.writeTx(async (tx) => {
    await tx.run(deleteAllRelations);
    await writePairs(tx, pairs);
  });
}

/** Replaces the competency relations touching `ids` with `pairs`, in one transaction. */
export async function replaceRelationsOf(db: Database, ids: string[], pairs: SimilarityPair[]): Promise<void> {
  await db.writeTx(async (tx) => {
    await tx.run(deleteRelationsOf, { ids });
    await writePairs(tx, pairs);
  });
}
