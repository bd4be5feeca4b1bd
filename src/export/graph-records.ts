// What an export writes: nodes and relationships as read from the graph, named by the global ids
// the GraphQL API uses (`Task:BLM2421-007v4:T1.1`), with internal bookkeeping left out.
import { globalIdOfNode, nodeTypeOfLabels } from '../relay.js';
import type { ExportNode, ExportRelationship } from './export.repository.js';

/** Internal bookkeeping that means nothing outside the database. */
const HIDDEN_PROPERTIES = new Set(['contentHash']);

export interface NodeRecord {
  id: string;
  type: string;
  labels: string[];
  /** What to show: name, else text, else code, else the node's key. */
  label: string;
  key: string;
  properties: Record<string, unknown>;
}

export interface EdgeRecord {
  id: string;
  source: string;
  target: string;
  type: string;
  properties: Record<string, unknown>;
}

function visible(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).filter(([key, value]) => key !== 'id' && !HIDDEN_PROPERTIES.has(key) && value !== null));
}

export function nodeRecord(node: ExportNode): NodeRecord {
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

export function edgeRecord(relationship: ExportRelationship, index: number): EdgeRecord {
  return {
    id: `e${index}`,
    source: globalIdOfNode(relationship.sourceLabels, relationship.source),
    target: globalIdOfNode(relationship.targetLabels, relationship.target),
    type: relationship.type,
    properties: visible(relationship.properties),
  };
}
