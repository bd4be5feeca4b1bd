// Writes the graph as Cytoscape.js JSON: `{ elements: { nodes: [{ data }], edges: [{ data }] } }`.
import { OutputFile, type GraphWriter } from './graph-writer.js';

/** Cytoscape.js JSON: `{ elements: { nodes: [{ data }], edges: [{ data }] } }`. */
export async function jsonWriter(base: string): Promise<GraphWriter> {
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
