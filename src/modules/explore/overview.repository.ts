// Cypher of the catalogue overview: current documents per career cluster and level, the most
// required competencies with their equivalent wordings, and the most similar pairs of standards.
import { cypher, int, type Database } from '../../db/query.js';

const documentsByCluster = cypher(
  'explore.overview.documentsByCluster',
  // A career cluster is a root category; a document is filed under a 職類 below it (or the root).
  `MATCH (d:Document {status: 'CURRENT'})
   OPTIONAL MATCH (d)-[:IN_CATEGORY]->(:Category)-[:PART_OF*0..3]->(g:Category) WHERE g.depth = 1
   WITH g, d.level AS level, count(DISTINCT d) AS count
   RETURN g.id AS clusterId, level, count`,
);

const documentCounts = cypher(
  'explore.overview.documentCounts',
  `CALL () { MATCH (s:Standard {status: 'CURRENT'}) RETURN count(s) AS standardCount }
   CALL () { MATCH (u:Unit {status: 'CURRENT'}) RETURN count(u) AS unitCount }
   RETURN standardCount, unitCount`,
);

const mostRequired = cypher(
  'explore.overview.mostRequired',
  // The candidates carry their equivalents and every requiring document, so that a group of
  // wordings counts each document once.
  `MATCH (d:Document {status: 'CURRENT'})-[:REQUIRES]->(c:Competency) WHERE c.kind IN $kinds
   WITH c, count(DISTINCT d) AS count ORDER BY count DESC, c.id LIMIT $candidates
   RETURN c.id AS id, labels(c) AS labels, count,
          [(c)<-[:REQUIRES]-(d:Document {status: 'CURRENT'}) | d.id] AS documents,
          [(c)-[:EQUIVALENT_TO]-(e:Competency) | {id: e.id, labels: labels(e), documents: [(e)<-[:REQUIRES]-(d:Document {status: 'CURRENT'}) | d.id]}] AS equivalents`,
);

const mostSimilarStandards = cypher(
  'explore.overview.mostSimilarStandards',
  `MATCH (a:Standard {status: 'CURRENT'})-[r:RESEMBLES]->(b:Standard {status: 'CURRENT'})
   RETURN a.id AS a, b.id AS b, r.similarity AS similarity
   ORDER BY similarity DESC, a, b LIMIT $limit`,
);

export interface ClusterLevelRow {
  /** Graph id of the career cluster; null for documents filed under none. */
  clusterId: string | null;
  level: number | null;
  count: number;
}

export interface RequiredRow {
  id: string;
  labels: string[];
  count: number;
  documents: string[];
  equivalents: Array<{ id: string; labels: string[]; documents: string[] }>;
}

export interface SimilarPairRow {
  a: string;
  b: string;
  similarity: number;
}

export async function readDocumentCounts(db: Database): Promise<{ standardCount: number; unitCount: number }> {
  const [row] = await db.read<{ standardCount: number; unitCount: number }>(documentCounts);
  return row ?? { standardCount: 0, unitCount: 0 };
}

export async function readDocumentsByCluster(db: Database): Promise<ClusterLevelRow[]> {
  return db.read<ClusterLevelRow>(documentsByCluster);
}

/** The `candidates` competencies of these kinds (`skill`, `knowledge`, …) most current documents require. */
export async function readMostRequired(db: Database, kinds: string[], candidates: number): Promise<RequiredRow[]> {
  return db.read<RequiredRow>(mostRequired, { kinds, candidates: int(candidates) });
}

/** The `limit` RESEMBLES edges between current standards with the highest similarity. */
export async function readMostSimilarStandards(db: Database, limit: number): Promise<SimilarPairRow[]> {
  return db.read<SimilarPairRow>(mostSimilarStandards, { limit: int(limit) });
}
