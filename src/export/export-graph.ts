// The graph export (`kg export`): writes the whole graph, or one document with what it links to, in formats other
// tools open: Cytoscape.js JSON (Cytoscape, cytoscape.js), GraphML (Gephi, Cytoscape, yEd) and
// CSV node and edge tables (Gephi's spreadsheet import, Excel, LibreOffice). Nodes are named by
// their global ids (`Task:BLM2421-007v4:T1.1`), the same ids the GraphQL API uses.
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/query.js';
import { csvWriter } from './csv-writer.js';
import { allNodes, allRelationships, documentSubgraph, type ExportNode, type ExportRelationship } from './export.repository.js';
import { edgeRecord, nodeRecord } from './graph-records.js';
import type { GraphWriter } from './graph-writer.js';
import { graphmlWriter } from './graphml-writer.js';
import { jsonWriter } from './json-writer.js';

export type ExportFormat = 'json' | 'graphml' | 'csv';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['json', 'graphml', 'csv'];

export interface ExportOptions {
  format: ExportFormat;
  /** Directory to write into; created when missing. */
  outDir: string;
  /** One document only: full code, or base code for its current version. */
  code?: string;
}

export interface ExportSummary {
  files: string[];
  nodes: number;
  relationships: number;
}

const WRITERS: Record<ExportFormat, (base: string) => Promise<GraphWriter>> = { json: jsonWriter, graphml: graphmlWriter, csv: csvWriter };

/**
 * Writes the graph (or one document, with `code`) to `outDir` as `graph.*` or `<code>.*`. Throws
 * when `code` names no document. Returns the files written and what they hold.
 */
export async function exportGraph(db: Database, options: ExportOptions): Promise<ExportSummary> {
  if (!EXPORT_FORMATS.includes(options.format)) throw new Error(`Unknown format "${options.format}"; use ${EXPORT_FORMATS.join(', ')}.`);
  let nodeBatches: AsyncIterable<ExportNode[]> | Iterable<ExportNode[]>;
  let relationshipBatches: AsyncIterable<ExportRelationship[]> | Iterable<ExportRelationship[]>;
  let name = 'graph';
  if (options.code !== undefined) {
    const code = options.code.trim();
    const subgraph = code ? await documentSubgraph(db, code) : null;
    if (!subgraph) throw new Error(`No document with code "${options.code}" (give a full code such as BLM2421-007v4 or a base code).`);
    nodeBatches = [subgraph.nodes];
    relationshipBatches = [subgraph.relationships];
    name = subgraph.nodes[0]?.id ?? code;
  } else {
    nodeBatches = allNodes(db);
    relationshipBatches = allRelationships(db);
  }

  fs.mkdirSync(options.outDir, { recursive: true });
  const writer = await WRITERS[options.format](path.join(options.outDir, name.replace(/[^\w.-]+/g, '_')));
  let nodes = 0;
  let relationships = 0;
  try {
    for await (const batch of nodeBatches) {
      nodes += batch.length;
      await writer.nodes(batch.map(nodeRecord));
    }
    await writer.startRelationships();
    for await (const batch of relationshipBatches) {
      await writer.relationships(batch.map((relationship, index) => edgeRecord(relationship, relationships + index)));
      relationships += batch.length;
    }
  } finally {
    await writer.close();
  }
  return { files: writer.files, nodes, relationships };
}
