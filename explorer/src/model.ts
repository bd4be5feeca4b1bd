// What the explorer knows about the graph's entity types: how to name and colour them, and how
// global ids (`<Type>:<key>`) are read. The kinds themselves come from the service's graph model.
import { NODE_KINDS, type NodeType } from '../../src/graph/node-kinds.js';

export interface TypeStyle {
  /** Chinese name shown beside the English one. */
  zh: string;
  color: string;
  shape: 'ellipse' | 'round-rectangle' | 'diamond' | 'hexagon' | 'triangle' | 'tag' | 'barrel' | 'rhomboid' | 'star' | 'vee';
}

/**
 * Colour and shape of each node type, in legend order (the Chinese names come from the graph model).
 * A kind the graph model gains is drawn in a neutral style, after these, until it is given one here.
 */
const DRAWING: Partial<Record<NodeType, Omit<TypeStyle, 'zh'>>> = {
  Standard: { color: '#1d4ed8', shape: 'round-rectangle' },
  Unit: { color: '#0e7490', shape: 'round-rectangle' },
  Responsibility: { color: '#7c3aed', shape: 'hexagon' },
  Task: { color: '#ea580c', shape: 'ellipse' },
  Output: { color: '#92400e', shape: 'tag' },
  Indicator: { color: '#a16207', shape: 'barrel' },
  Knowledge: { color: '#15803d', shape: 'diamond' },
  Skill: { color: '#be123c', shape: 'diamond' },
  Attitude: { color: '#db2777', shape: 'diamond' },
  Note: { color: '#6b7280', shape: 'rhomboid' },
  Occupation: { color: '#312e81', shape: 'triangle' },
  Industry: { color: '#3f6212', shape: 'triangle' },
  Category: { color: '#7f1d1d', shape: 'triangle' },
  CompetencyLevel: { color: '#475569', shape: 'star' },
};

const NEUTRAL: Omit<TypeStyle, 'zh'> = { color: '#64748b', shape: 'ellipse' };
const legendOrder = (type: NodeType): number => {
  const at = Object.keys(DRAWING).indexOf(type);
  return at < 0 ? Number.MAX_SAFE_INTEGER : at;
};

/** Every type by its GraphQL name and, where it differs, by its graph label (`Note`, `Term`). */
const TYPES: Record<string, TypeStyle> = Object.fromEntries(
  [...NODE_KINDS]
    .sort((a, b) => legendOrder(a.type) - legendOrder(b.type))
    .flatMap((kind) => {
      const style = { zh: kind.zh, ...(DRAWING[kind.type] ?? NEUTRAL) };
      return kind.label === kind.type ? [[kind.type, style]] : [[kind.type, style], [kind.label, style]];
    }),
);

const FALLBACK: TypeStyle = { zh: '', ...NEUTRAL };

/** Colour, shape and Chinese name of a type; a neutral style for types the explorer does not know. */
export function typeStyle(type: string): TypeStyle {
  return TYPES[type] ?? FALLBACK;
}

/** "Skill 技能" */
export function typeLabel(type: string): string {
  const zh = typeStyle(type).zh;
  return zh ? `${type} ${zh}` : type;
}

/** Every known type, in legend order. */
export const KNOWN_TYPES = Object.keys(TYPES);

/** The type part of a global id: `Task:BLM2421-007v4:T1.1` -> `Task`. */
export function typeOfId(id: string): string {
  const colon = id.indexOf(':');
  return colon > 0 ? id.slice(0, colon) : '';
}

/** The key part of a global id: `Task:BLM2421-007v4:T1.1` -> `BLM2421-007v4:T1.1`. */
export function keyOfId(id: string): string {
  const colon = id.indexOf(':');
  return colon > 0 ? id.slice(colon + 1) : id;
}

/** True for the two document types, which the compare and learning-path views take. */
export function isDocumentType(type: string): boolean {
  return type === 'Standard' || type === 'Unit';
}

export interface EdgeStyle {
  /** What the relationship means, in Chinese and English, for the legend. */
  caption: string;
  color: string;
  line: 'solid' | 'dashed' | 'dotted';
  /** Competency relations are drawn thicker: they are what an analyst follows between wordings. */
  width: number;
  arrow: boolean;
}

const EDGE_TYPES: Record<string, EdgeStyle> = {
  REQUIRES: { caption: '要求 requires', color: '#64748b', line: 'solid', width: 1.5, arrow: true },
  HAS_RESPONSIBILITY: { caption: '主要職責 responsibility', color: '#a78bfa', line: 'solid', width: 1.5, arrow: true },
  HAS_TASK: { caption: '工作任務 task', color: '#fb923c', line: 'solid', width: 1.5, arrow: true },
  HAS_INDICATOR: { caption: '行為指標 indicator', color: '#ca8a04', line: 'solid', width: 1.5, arrow: true },
  PRODUCES: { caption: '產出 output', color: '#b45309', line: 'solid', width: 1.5, arrow: true },
  EXPLAINED_BY: { caption: '說明 explained by', color: '#9ca3af', line: 'solid', width: 1.5, arrow: true },
  HAS_NOTE: { caption: '補充說明 note', color: '#6b7280', line: 'solid', width: 1.5, arrow: true },
  FOR_OCCUPATION: { caption: '職業 occupation', color: '#6366f1', line: 'solid', width: 1.5, arrow: true },
  IN_INDUSTRY: { caption: '行業 industry', color: '#65a30d', line: 'solid', width: 1.5, arrow: true },
  IN_CATEGORY: { caption: '職類 category', color: '#b91c1c', line: 'solid', width: 1.5, arrow: true },
  AT_LEVEL: { caption: '級別 level', color: '#94a3b8', line: 'solid', width: 1.5, arrow: true },
  PART_OF: { caption: '上層 part of', color: '#475569', line: 'solid', width: 1.5, arrow: true },
  SUPERSEDES: { caption: '取代 supersedes', color: '#0f172a', line: 'dashed', width: 1.5, arrow: true },
  RESEMBLES: { caption: '相似文件 resembles', color: '#0ea5e9', line: 'dashed', width: 1.5, arrow: false },
  EQUIVALENT_TO: { caption: '同義 equivalent', color: '#e11d48', line: 'solid', width: 3.5, arrow: false },
  NARROWER_THAN: { caption: '較專 → 較廣 narrower than', color: '#7c3aed', line: 'dashed', width: 3, arrow: true },
  RELATED_TO: { caption: '相關 related (not shared)', color: '#0d9488', line: 'dotted', width: 3, arrow: false },
};

const FALLBACK_EDGE: EdgeStyle = { caption: '', color: '#94a3b8', line: 'solid', width: 1.5, arrow: true };

/** Colour, line and caption of a relationship type. */
export function edgeStyle(type: string): EdgeStyle {
  return EDGE_TYPES[type] ?? FALLBACK_EDGE;
}

/** Every known relationship type, in legend order. */
export const KNOWN_EDGE_TYPES = Object.keys(EDGE_TYPES);

/** The relations between competencies, drawn apart from the structure of documents. */
export const COMPETENCY_RELATIONS = ['EQUIVALENT_TO', 'NARROWER_THAN', 'RELATED_TO'];

/** A piece of the graph as the explorer draws it: what `neighborhood` and the catalogue views return. */
export interface SubgraphNode {
  id: string;
  label: string;
  name: string | null;
}

export interface SubgraphEdge {
  source: string;
  target: string;
  type: string;
  /** The document-local code of a REQUIRES relationship (`S04`). */
  code?: string | null;
}

export interface Subgraph {
  nodes: SubgraphNode[];
  edges: SubgraphEdge[];
  /** More nodes were within reach than the request allowed. */
  truncated?: boolean;
}
