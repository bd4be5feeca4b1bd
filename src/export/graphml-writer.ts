// Writes the graph as GraphML (Gephi, Cytoscape, yEd).
import { OutputFile, type GraphWriter } from './graph-writer.js';
import { EDGE_COLUMNS, flat, NODE_COLUMNS, rest } from './property-columns.js';

const xml = (value: string): string =>
  value
    // Characters XML 1.0 cannot hold at all.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

/** GraphML with typed keys Gephi and Cytoscape map to columns; other properties as one JSON text. */
export async function graphmlWriter(base: string): Promise<GraphWriter> {
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
