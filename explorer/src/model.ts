// What the explorer knows about the graph's entity types: how to name and colour them, and how
// global ids (`<Type>:<key>`) are read.

export interface TypeStyle {
  /** Chinese name shown beside the English one. */
  zh: string;
  color: string;
  shape: 'ellipse' | 'round-rectangle' | 'diamond' | 'hexagon' | 'triangle' | 'tag' | 'barrel' | 'rhomboid' | 'star' | 'vee';
}

const TYPES: Record<string, TypeStyle> = {
  Standard: { zh: '職能基準', color: '#1d4ed8', shape: 'round-rectangle' },
  Unit: { zh: '職能單元', color: '#0e7490', shape: 'round-rectangle' },
  Responsibility: { zh: '主要職責', color: '#7c3aed', shape: 'hexagon' },
  Task: { zh: '工作任務', color: '#ea580c', shape: 'ellipse' },
  Output: { zh: '工作產出', color: '#92400e', shape: 'tag' },
  Indicator: { zh: '行為指標', color: '#a16207', shape: 'barrel' },
  Knowledge: { zh: '知識', color: '#15803d', shape: 'diamond' },
  Skill: { zh: '技能', color: '#be123c', shape: 'diamond' },
  Attitude: { zh: '態度', color: '#db2777', shape: 'diamond' },
  Note: { zh: '名詞說明', color: '#6b7280', shape: 'rhomboid' },
  Term: { zh: '名詞說明', color: '#6b7280', shape: 'rhomboid' },
  Occupation: { zh: '職業', color: '#312e81', shape: 'triangle' },
  Industry: { zh: '行業', color: '#3f6212', shape: 'triangle' },
  Category: { zh: '職類', color: '#7f1d1d', shape: 'triangle' },
  CompetencyLevel: { zh: '職能級別', color: '#475569', shape: 'star' },
  Level: { zh: '職能級別', color: '#475569', shape: 'star' },
};

const FALLBACK: TypeStyle = { zh: '', color: '#64748b', shape: 'ellipse' };

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
