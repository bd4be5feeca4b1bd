// Cypher for competency alignment: read the competencies to align, write SIMILAR_TO edges.
import type { CompetencyInput, CompetencyKind, SimilarityPair } from '../../analysis/alignment/index.js';
import { cypher, type Database, type Tx } from '../../db/query.js';

const readCorpus = cypher(
  'alignment.corpus',
  // A unit's 【註】 note on a competency adds evidence for what the name means.
  `MATCH (c:Competency)
   RETURN c.id AS id, c.kind AS kind, c.name AS name, c.description AS description,
          [(c)-[:EXPLAINED_BY]->(t:Term) | t.text] AS notes`,
);

const countCompetencies = cypher('alignment.countCompetencies', 'MATCH (c:Competency) RETURN count(c) AS n');

const deleteAllSimilarities = cypher('alignment.deleteAll', 'MATCH (:Competency)-[r:SIMILAR_TO]->(:Competency) DELETE r');

const deleteSimilaritiesOf = cypher(
  'alignment.deleteFor',
  `UNWIND $ids AS id
   MATCH (:Competency {id: id})-[r:SIMILAR_TO]-(:Competency)
   DELETE r`,
);

const writeSimilarities = cypher(
  'alignment.write',
  // Stored once per pair, from the smaller id to the larger; read in either direction.
  `UNWIND $rows AS row
   MATCH (a:Competency {id: row.a})
   MATCH (b:Competency {id: row.b})
   MERGE (a)-[r:SIMILAR_TO]->(b)
   SET r.score = row.score, r.method = row.method, r.evidence = row.evidence`,
);

/** Rows per UNWIND: large enough to keep round trips few, small enough to keep memory flat. */
const WRITE_BATCH = 5_000;

export async function readAlignmentCorpus(db: Database): Promise<CompetencyInput[]> {
  const rows = await db.read<{ id: string; kind: CompetencyKind; name: string; description: string | null; notes: string[] }>(readCorpus);
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    name: row.name,
    ...(row.description ? { description: row.description } : {}),
    ...(row.notes.length > 0 ? { context: row.notes.join('\n') } : {}),
  }));
}

export async function competencyCount(db: Database): Promise<number> {
  const [row] = await db.read<{ n: number }>(countCompetencies);
  return row?.n ?? 0;
}

async function writePairs(tx: Tx, pairs: SimilarityPair[]): Promise<void> {
  for (let start = 0; start < pairs.length; start += WRITE_BATCH) {
    const rows = pairs.slice(start, start + WRITE_BATCH).map(({ a, b, score, method, evidence }) => ({ a, b, score, method, evidence }));
    await tx.run(writeSimilarities, { rows });
  }
}

/** Replaces every SIMILAR_TO edge with `pairs`, in one transaction. */
export async function replaceAllSimilarities(db: Database, pairs: SimilarityPair[]): Promise<void> {
  await db.writeTx(async (tx) => {
    await tx.run(deleteAllSimilarities);
    await writePairs(tx, pairs);
  });
}

/** Replaces the SIMILAR_TO edges touching `ids` with `pairs`, in one transaction. */
export async function replaceSimilaritiesOf(db: Database, ids: string[], pairs: SimilarityPair[]): Promise<void> {
  await db.writeTx(async (tx) => {
    await tx.run(deleteSimilaritiesOf, { ids });
    await writePairs(tx, pairs);
  });
}
