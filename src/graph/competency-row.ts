// A competency as every module reads it: the row codegen maps Competency, Knowledge, Skill and
// Attitude to, and its decoder. Documents, search, analysis and role requirements all carry it.
import type { CompetencyKind } from './competency-key.js';
import { fieldsOf } from '../db/projections.js';

export interface CompetencyRow {
  nodeType: 'Knowledge' | 'Skill' | 'Attitude';
  /** Graph id, `skill:溝通協調能力`. */
  id: string;
  kind: CompetencyKind;
  name: string;
  description: string | null;
}

/** The GraphQL type of each kind of competency. */
export const COMPETENCY_NODE_TYPE: Record<CompetencyKind, CompetencyRow['nodeType']> = {
  knowledge: 'Knowledge',
  skill: 'Skill',
  attitude: 'Attitude',
};

function kindOf(raw: Record<string, unknown>): CompetencyKind {
  if (raw.kind === 'knowledge' || raw.kind === 'skill' || raw.kind === 'attitude') return raw.kind;
  const labels = Array.isArray(raw.labels) ? (raw.labels as string[]) : [];
  if (labels.includes('Knowledge')) return 'knowledge';
  if (labels.includes('Attitude')) return 'attitude';
  return 'skill';
}

export function asCompetency(raw: unknown): CompetencyRow {
  const p = fieldsOf('competency', raw);
  const kind = kindOf(p);
  return {
    nodeType: COMPETENCY_NODE_TYPE[kind],
    id: String(p.id),
    kind,
    name: typeof p.name === 'string' ? p.name : String(p.id),
    description: typeof p.description === 'string' ? p.description : null,
  };
}
