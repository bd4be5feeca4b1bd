// Cypher for the curriculum questions: what documents require, and how their competencies align.
import type { Occurrence, SimilarityEdge } from '../../analysis/shared-competencies.js';
import { cypher, type Database } from '../../db/query.js';

const requirementsOf = cypher(
  'analysis.requirementsOf',
  `UNWIND range(0, size($ids) - 1) AS i
   MATCH (d:Document {id: $ids[i]})-[r:REQUIRES]->(c:Competency)
   WHERE c.kind IN $kinds
   RETURN d.id AS document, r.code AS code, c.id AS competencyId, c.kind AS kind,
          [(d)-[:HAS_RESPONSIBILITY]->()-[:HAS_TASK]->(t:Task)-[:REQUIRES]->(c) | t.id] AS taskIds
   ORDER BY i, code`,
);

const similaritiesAmong = cypher(
  'analysis.similaritiesAmong',
  `UNWIND $ids AS id
   MATCH (a:Competency {id: id})-[s:SIMILAR_TO]->(b:Competency)
   WHERE s.score >= $minScore AND b.id IN $ids
   RETURN a.id AS a, b.id AS b, s.score AS score`,
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
     MATCH (c)-[s:SIMILAR_TO]-(x:Competency) WHERE s.score >= $minScore
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

/** Every requirement of the documents (in the order given), limited to `kinds`. */
export async function readRequirements(db: Database, documentIds: string[], kinds: string[]): Promise<Occurrence[]> {
  return db.read<Occurrence>(requirementsOf, { ids: documentIds, kinds });
}

/** SIMILAR_TO edges with score >= minScore between any two of the competencies. */
export async function readSimilarities(db: Database, competencyIds: string[], minScore: number): Promise<SimilarityEdge[]> {
  if (competencyIds.length === 0 || minScore >= 1) return [];
  return db.read<SimilarityEdge>(similaritiesAmong, { ids: competencyIds, minScore });
}

export interface DocumentMatchRow {
  document: string;
  competencyId: string;
  matchedById: string;
  score: number;
}

export async function readDocumentMatches(db: Database, documentId: string, kinds: string[], minScore: number): Promise<DocumentMatchRow[]> {
  return db.read<DocumentMatchRow>(documentsRequiringSimilar, { id: documentId, kinds, minScore });
}

export async function readDocumentFrequencies(
  db: Database,
  documentId: string,
  kinds: string[],
): Promise<Array<{ competencyId: string; documents: number; total: number }>> {
  return db.read(documentFrequencies, { id: documentId, kinds });
}
