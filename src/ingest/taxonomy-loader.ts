// Loads the classification reference data (seed/taxonomy/*.json) into the graph: occupations,
// industries, categories with PART_OF links, and the six competency levels with their official
// descriptions. Idempotent: every node is MERGEd on its code.
import fs from 'node:fs';
import path from 'node:path';
import { cypher, integers, type Database } from '../db/query.js';
import type { TaxonomyKind } from './taxonomy-codes.js';

export interface TaxonomyEntry {
  code: string;
  name: string | null;
  parent: string | null;
  level: number;
  provisional: boolean;
  isco08?: { code: string; match: string } | null;
}

export interface LevelEntry {
  level: number;
  description: string;
  summary: string;
  provisional: boolean;
}

export interface TaxonomyData {
  occupations: TaxonomyEntry[];
  industries: TaxonomyEntry[];
  categories: TaxonomyEntry[];
  levels: LevelEntry[];
}

/** Reads the four JSON files of a taxonomy directory. */
export function readTaxonomy(dir: string): TaxonomyData {
  const read = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as T;
  return {
    occupations: read('occupations.json'),
    industries: read('industries.json'),
    categories: read('categories.json'),
    levels: read('levels.json'),
  };
}

function entryStatement(kind: TaxonomyKind) {
  // Official data wins over a provisional entry a document created earlier.
  return cypher(
    `taxonomy.${kind}`,
    `UNWIND $rows AS row
     MERGE (n:${kind} {id: row.code})
     SET n.code = row.code, n.name = row.name, n.depth = row.level, n.provisional = row.provisional,
         n.isco08 = row.isco08Code, n.isco08Match = row.isco08Match
     WITH n, row WHERE row.parent IS NOT NULL
     MERGE (p:${kind} {id: row.parent}) ON CREATE SET p.code = row.parent, p.provisional = true
     MERGE (n)-[:PART_OF]->(p)`,
  );
}

const writeLevels = cypher(
  'taxonomy.levels',
  `UNWIND $rows AS row
   MERGE (l:Level {id: 'level:' + toString(row.level)})
   SET l.number = row.level, l.description = row.description, l.summary = row.summary, l.provisional = row.provisional`,
);

/** Writes the taxonomy in one transaction; returns how many entries of each kind it holds. */
export async function loadTaxonomy(db: Database, data: TaxonomyData): Promise<Record<string, number>> {
  const rows = (entries: TaxonomyEntry[]) =>
    integers(
      entries.map(({ isco08, ...entry }) => ({ ...entry, isco08Code: isco08?.code ?? null, isco08Match: isco08?.match ?? null })),
    );
  await db.writeTx(async (tx) => {
    await tx.run(entryStatement('Occupation'), { rows: rows(data.occupations) });
    await tx.run(entryStatement('Industry'), { rows: rows(data.industries) });
    await tx.run(entryStatement('Category'), { rows: rows(data.categories) });
    await tx.run(writeLevels, { rows: integers(data.levels) });
  });
  return {
    occupations: data.occupations.length,
    industries: data.industries.length,
    categories: data.categories.length,
    levels: data.levels.length,
  };
}
