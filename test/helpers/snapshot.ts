// A comparable picture of the whole graph: every node with its labels and properties and every
// relationship with its ends and properties, sorted. Two equal snapshots mean an unchanged graph.
// The catalogue version (a counter every write bumps, for response caches) is left out.
import type { Driver } from 'neo4j-driver';
import { toPlain } from '../../src/db/query.js';

export interface GraphSnapshot {
  nodes: string[];
  relationships: string[];
}

export async function graphSnapshot(driver: Driver): Promise<GraphSnapshot> {
  const nodes = await driver.executeQuery(
    `MATCH (n) WHERE NOT n:Migration AND NOT n:Catalogue
     RETURN n.id AS id, labels(n) AS labels, properties(n) AS props`,
  );
  const relationships = await driver.executeQuery(
    `MATCH (a)-[r]->(b) WHERE NOT a:Migration
     RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props`,
  );
  const stable = (value: unknown): string => JSON.stringify(value, (_key, inner) =>
    inner && typeof inner === 'object' && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort()) : inner,
  );
  return {
    nodes: nodes.records
      .map((r) => stable({ id: r.get('id'), labels: [...(r.get('labels') as string[])].sort(), props: toPlain(r.get('props')) }))
      .sort(),
    relationships: relationships.records
      .map((r) => stable({ from: r.get('from'), type: r.get('type'), to: r.get('to'), props: toPlain(r.get('props')) }))
      .sort(),
  };
}
