// Writes the graph as CSV node and edge tables (Gephi's spreadsheet import, Excel, LibreOffice).
import { OutputFile, type GraphWriter } from './graph-writer.js';
import { EDGE_COLUMNS, flat, NODE_COLUMNS, rest } from './property-columns.js';

const csvCell = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const csvRow = (cells: string[]): string => `${cells.map(csvCell).join(',')}\r\n`;
/** Spreadsheets read UTF-8 (and so Chinese text) reliably only with a byte order mark. */
const BOM = '\ufeff';

/** Node and edge tables with Gephi's column names (Id, Label; Source, Target, Type). */
export async function csvWriter(base: string): Promise<GraphWriter> {
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
