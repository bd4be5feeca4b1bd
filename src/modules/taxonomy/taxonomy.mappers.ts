// Row types of the taxonomy module and their decoders. Codegen maps Classification, Occupation,
// Industry, Category and CompetencyLevel here.
import { fieldsOf } from '../../db/projections.js';

export interface ClassificationRow {
  nodeType: 'Occupation' | 'Industry' | 'Category';
  id: string;
  code: string;
  name: string | null;
  depth: number | null;
  provisional: boolean;
  isco08: string | null;
  isco08Match: string | null;
}

export interface LevelRow {
  nodeType: 'CompetencyLevel';
  /** Graph id, `level:4`. */
  id: string;
  number: number;
  description: string | null;
  summary: string | null;
}

const str = (value: unknown): string | null => (typeof value === 'string' ? value : value == null ? null : String(value));
const num = (value: unknown): number | null => (typeof value === 'number' ? value : value == null ? null : Number(value));

export function asClassification(label: ClassificationRow['nodeType']) {
  return (raw: unknown): ClassificationRow => {
    const p = fieldsOf('classification', raw);
    return {
      nodeType: label,
      id: String(p.id),
      code: String(p.code ?? p.id),
      name: str(p.name),
      depth: num(p.depth),
      provisional: p.provisional === true,
      isco08: str(p.isco08),
      isco08Match: str(p.isco08Match),
    };
  };
}

/** Decodes a classification entry whose label comes with it (search hits, neighbourhoods). */
export function asAnyClassification(raw: unknown): ClassificationRow {
  const labels = ((raw as Record<string, unknown>).labels as string[] | undefined) ?? [];
  const label = labels.includes('Occupation') ? 'Occupation' : labels.includes('Industry') ? 'Industry' : 'Category';
  return asClassification(label)(raw);
}

export function asLevel(raw: unknown): LevelRow {
  const p = fieldsOf('level', raw);
  return {
    nodeType: 'CompetencyLevel',
    id: String(p.id),
    number: num(p.number) ?? 0,
    description: str(p.description),
    summary: str(p.summary),
  };
}
