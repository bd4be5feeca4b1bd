// `kg export`: writes the whole graph, or one document with what it links to, in formats other
// tools open: Cytoscape.js JSON (Cytoscape, cytoscape.js), GraphML (Gephi, Cytoscape, yEd) and
// CSV node and edge tables (Gephi's spreadsheet import, Excel, LibreOffice). Nodes are named by
// their global ids (`Task:BLM2421-007v4:T1.1`), the same ids the GraphQL API uses.
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/query.js';
import {
  allNodes,
  allRelationships,
  documentSubgraph,
  type ExportNode,
  type ExportRelationship,
} from '../modules/explore/export.repository.js';
import { globalIdOfNode, nodeTypeOfLabels } from '../relay.js';

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

/** Internal bookkeeping that means nothing outside the database. */
const HIDDEN_PROPERTIES = new Set(['contentHash']);

interface NodeRecord {
  id: string;
  type: string;
  labels: string[];
  /** What to show: name, else text, else code, else the node's key. */
  label: string;
  key: string;
  properties: Record<string, unknown>;
}

interface EdgeRecord {
  id: string;
  source: string;
  target: string;
  type: string;
  properties: Record<string, unknown>;
}

function visible(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).filter(([key, value]) => key !== 'id' && !HIDDEN_PROPERTIES.has(key) && value !== null));
}

function nodeRecord(node: ExportNode): NodeRecord {
  const properties = visible(node.properties);
  const label = [properties.name, properties.text, properties.code].find((value) => typeof value === 'string' && value !== '') as string | undefined;
  return {
    id: globalIdOfNode(node.labels, node.id),
    type: nodeTypeOfLabels(node.labels) ?? node.labels[0] ?? 'Node',
    labels: node.labels,
    label: label ?? node.id,
    key: node.id,
    properties,
  };
}

function edgeRecord(relationship: ExportRelationship, index: number): EdgeRecord {
  return {
    id: `e${index}`,
    source: globalIdOfNode(relationship.sourceLabels, relationship.source),
    target: globalIdOfNode(relationship.targetLabels, relationship.target),
    type: relationship.type,
    properties: visible(relationship.properties),
  };
}

/** A text file written in order, waiting whenever the disk falls behind. */
class OutputFile {
  private readonly stream: fs.WriteStream;

  constructor(readonly file: string) {
    this.stream = fs.createWriteStream(file, { encoding: 'utf8' });
  }

  async write(text: string): Promise<void> {
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

/** What every format does with the nodes (all of them first) and then the relationships. */
interface GraphWriter {
  files: string[];
  nodes(batch: NodeRecord[]): Promise<void>;
  /** Called once, after the last node and before the first relationship. */
  startRelationships(): Promise<void>;
  relationships(batch: EdgeRecord[]): Promise<void>;
  close(): Promise<void>;
}

/** Cytoscape.js JSON: `{ elements: { nodes: [{ data }], edges: [{ data }] } }`. */
async function jsonWriter(base: string): Promise<GraphWriter> {
  const out = new OutputFile(`${base}.json`);
  await out.write('{"elements":{"nodes":[');
  let first = true;
  const item = async (data: Record<string, unknown>) => {
    await out.write(`${first ? '\n' : ',\n'}${JSON.stringify({ data })}`);
    first = false;
  };
  return {
    files: [out.file],
    async nodes(batch) {
      for (const node of batch) await item({ ...node.properties, id: node.id, key: node.key, type: node.type, labels: node.labels, label: node.label });
    },
    async startRelationships() {
      await out.write('\n],"edges":[');
      first = true;
    },
    async relationships(batch) {
      for (const edge of batch) await item({ ...edge.properties, id: edge.id, source: edge.source, target: edge.target, interaction: edge.type, label: edge.type });
    },
    async close() {
      await out.write('\n]}}\n');
      await out.close();
    },
  };
}

const xml = (value: string): string =>
  value
    // Characters XML 1.0 cannot hold at all.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

/** A property as one text value: lists joined with `; `, anything else as JSON. */
function flat(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join('; ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

const NODE_COLUMNS = ['code', 'name', 'text', 'level'] as const;
const EDGE_COLUMNS = ['code', 'order', 'label', 'score'] as const;

function rest(properties: Record<string, unknown>, shown: readonly string[]): string {
  const others = Object.fromEntries(Object.entries(properties).filter(([key]) => !shown.includes(key)));
  return Object.keys(others).length > 0 ? JSON.stringify(others) : '';
}

/** GraphML with typed keys Gephi and Cytoscape map to columns; other properties as one JSON text. */
async function graphmlWriter(base: string): Promise<GraphWriter> {
  const out = new OutputFile(`${base}.graphml`);
  const key = (id: string, scope: 'node' | 'edge', name: string, type = 'string') =>
    `  <key id="${id}" for="${scope}" attr.name="${name}" attr.type="${type}"/>\n`;
  await out.write(
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n' +
      key('label', 'node', 'label') +
      key('type', 'node', 'type') +
      key('labels', 'node', 'labels') +
      key('key', 'node', 'key') +
      NODE_COLUMNS.map((column) => key(column, 'node', column)).join('') +
      key('properties', 'node', 'properties') +
      key('elabel', 'edge', 'label') +
      key('etype', 'edge', 'type') +
      EDGE_COLUMNS.map((column) => key(`e${column}`, 'edge', column === 'label' ? 'linkLabel' : column)).join('') +
      key('eproperties', 'edge', 'properties') +
      '  <graph id="competency-graph" edgedefault="directed">\n',
  );
  const data = (id: string, value: string) => (value === '' ? '' : `<data key="${id}">${xml(value)}</data>`);
  return {
    files: [out.file],
    async nodes(batch) {
      for (const node of batch) {
        const columns = NODE_COLUMNS.map((column) => data(column, flat(node.properties[column]))).join('');
        await out.write(
          `    <node id="${xml(node.id)}">${data('label', node.label)}${data('type', node.type)}${data('labels', node.labels.join(';'))}` +
            `${data('key', node.key)}${columns}${data('properties', rest(node.properties, NODE_COLUMNS))}</node>\n`,
        );
      }
    },
    async startRelationships() {},
    async relationships(batch) {
      for (const edge of batch) {
        const columns = EDGE_COLUMNS.map((column) => data(`e${column}`, flat(edge.properties[column]))).join('');
        await out.write(
          `    <edge id="${edge.id}" source="${xml(edge.source)}" target="${xml(edge.target)}">${data('elabel', edge.type)}${data('etype', edge.type)}` +
            `${columns}${data('eproperties', rest(edge.properties, EDGE_COLUMNS))}</edge>\n`,
        );
      }
    },
    async close() {
      await out.write('  </graph>\n</graphml>\n');
      await out.close();
    },
  };
}

const csvCell = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const csvRow = (cells: string[]): string => `${cells.map(csvCell).join(',')}\r\n`;
/** Spreadsheets read UTF-8 (and so Chinese text) reliably only with a byte order mark. */
const BOM = '\ufeff';

/** Node and edge tables with Gephi's column names (Id, Label; Source, Target, Type). */
async function csvWriter(base: string): Promise<GraphWriter> {
  const nodesFile = new OutputFile(`${base}-nodes.csv`);
  const edgesFile = new OutputFile(`${base}-edges.csv`);
  await nodesFile.write(BOM + csvRow(['Id', 'Label', 'type', 'labels', 'key', ...NODE_COLUMNS, 'properties']));
  // An edge's own `label` property (a document's wording of a classification) is `linkLabel`,
  // apart from Gephi's `Label` column.
  const edgeHeaders = EDGE_COLUMNS.map((column) => (column === 'label' ? 'linkLabel' : column));
  await edgesFile.write(BOM + csvRow(['Source', 'Target', 'Type', 'Label', 'relationship', ...edgeHeaders, 'properties']));
  return {
    files: [nodesFile.file, edgesFile.file],
    async nodes(batch) {
      for (const node of batch) {
        await nodesFile.write(
          csvRow([
            node.id,
            node.label,
            node.type,
            node.labels.join(';'),
            node.key,
            ...NODE_COLUMNS.map((column) => flat(node.properties[column])),
            rest(node.properties, NODE_COLUMNS),
          ]),
        );
      }
    },
    async startRelationships() {},
    async relationships(batch) {
      for (const edge of batch) {
        await edgesFile.write(
          csvRow([
            edge.source,
            edge.target,
            'Directed',
            edge.type,
            edge.type,
            ...EDGE_COLUMNS.map((column) => flat(edge.properties[column])),
            rest(edge.properties, EDGE_COLUMNS),
          ]),
        );
      }
    },
    async close() {
      await nodesFile.close();
      await edgesFile.close();
    },
  };
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
