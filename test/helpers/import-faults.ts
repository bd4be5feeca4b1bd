// For tests that kill something in the middle of an import: what the graph holds of each document,
// and whether a write transaction is open right now.
import type { Driver } from 'neo4j-driver';
import type { ImportCounts } from '../../src/ingest/loader.js';

/** A document's content counted the way the importer counts it, plus every node it owns. */
export type DocumentCounts = ImportCounts & { present: boolean; ownNodes: number };

/** What an absent document leaves: nothing. */
export const NO_CONTENT: Omit<DocumentCounts, 'present'> = {
  responsibilities: 0,
  tasks: 0,
  outputs: 0,
  indicators: 0,
  knowledge: 0,
  skills: 0,
  attitudes: 0,
  notes: 0,
  ownNodes: 0,
};

/** What the graph holds of each document (by code). */
export async function documentCounts(driver: Driver, codes: string[]): Promise<Map<string, DocumentCounts>> {
  const { records } = await driver.executeQuery(
    `UNWIND $codes AS code
     OPTIONAL MATCH (d:Document {id: code})
     WITH code, d, code + ':' AS prefix
     RETURN code, coalesce(d.hasContent, false) AS present,
            COUNT { (d)-[:HAS_RESPONSIBILITY]->(:Responsibility) } AS responsibilities,
            COUNT { MATCH (t:Task) WHERE t.id STARTS WITH prefix } AS tasks,
            COUNT { MATCH (o:Output) WHERE o.id STARTS WITH prefix } AS outputs,
            COUNT { MATCH (i:Indicator) WHERE i.id STARTS WITH prefix } AS indicators,
            COUNT { (d)-[:REQUIRES]->(:Knowledge) } AS knowledge,
            COUNT { (d)-[:REQUIRES]->(:Skill) } AS skills,
            COUNT { (d)-[:REQUIRES]->(:Attitude) } AS attitudes,
            COUNT { (d)-[:HAS_NOTE]->(:Term) } AS notes,
            COUNT { MATCH (n) WHERE (n:Responsibility OR n:Task OR n:Output OR n:Indicator OR n:Term) AND n.id STARTS WITH prefix } AS ownNodes`,
    { codes },
  );
  const counts = new Map<string, DocumentCounts>();
  for (const record of records) {
    const number = (key: string) => (record.get(key) as { toNumber(): number }).toNumber();
    counts.set(record.get('code') as string, {
      present: record.get('present') as boolean,
      responsibilities: number('responsibilities'),
      tasks: number('tasks'),
      outputs: number('outputs'),
      indicators: number('indicators'),
      knowledge: number('knowledge'),
      skills: number('skills'),
      attitudes: number('attitudes'),
      notes: number('notes'),
      ownNodes: number('ownNodes'),
    });
  }
  return counts;
}

/** How many transactions other than the asking one hold locks now: a batch is being written. */
export async function transactionsHoldingLocks(driver: Driver): Promise<number> {
  const { records } = await driver.executeQuery(
    `SHOW TRANSACTIONS YIELD currentQuery, activeLockCount
     WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS' AND activeLockCount > 0
     RETURN count(*) AS writing`,
  );
  return (records[0]!.get('writing') as { toNumber(): number }).toNumber();
}
