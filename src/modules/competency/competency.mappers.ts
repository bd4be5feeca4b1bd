// Row types of the competency module and their decoders. Codegen maps Competency, Knowledge,
// Skill, Attitude, CompetencySimilarity, RoleRequirements and RoleCompetency here.
import type { DocumentRow, OutputRow, TaskRow } from '../document/document.mappers.js';

export type CompetencyKindValue = 'knowledge' | 'skill' | 'attitude';

export interface CompetencyRow {
  nodeType: 'Knowledge' | 'Skill' | 'Attitude';
  /** Graph id, `skill:溝通協調能力`. */
  id: string;
  kind: CompetencyKindValue;
  name: string;
  description: string | null;
}

export interface SimilarityRow {
  competency: CompetencyRow;
  /** How the other competency relates to this one. */
  relation: 'equivalent' | 'broader' | 'narrower' | 'related';
  score: number;
  method: string | null;
  evidence: string | null;
}

export interface RoleCompetencyRow {
  competency: CompetencyRow;
  /** Every wording counted in this row: the competency alone, or its equivalent wordings when grouped. */
  members: CompetencyRow[];
  /** How many of the role's tasks need it. */
  count: number;
  documentCount: number;
  codes: string[];
  /** The role's standards that list it, by code. */
  documents: DocumentRow[];
  /** The role's tasks that need it, in task order. */
  tasks: TaskRow[];
}

export interface RoleRequirementsRow {
  standards: DocumentRow[];
  tasks: TaskRow[];
  outputs: OutputRow[];
  knowledge: RoleCompetencyRow[];
  skills: RoleCompetencyRow[];
  attitudes: RoleCompetencyRow[];
}

const NODE_TYPE: Record<CompetencyKindValue, CompetencyRow['nodeType']> = {
  knowledge: 'Knowledge',
  skill: 'Skill',
  attitude: 'Attitude',
};

function kindOf(raw: Record<string, unknown>): CompetencyKindValue {
  if (raw.kind === 'knowledge' || raw.kind === 'skill' || raw.kind === 'attitude') return raw.kind;
  const labels = Array.isArray(raw.labels) ? (raw.labels as string[]) : [];
  if (labels.includes('Knowledge')) return 'knowledge';
  if (labels.includes('Attitude')) return 'attitude';
  return 'skill';
}

export function asCompetency(raw: unknown): CompetencyRow {
  const p = raw as Record<string, unknown>;
  const kind = kindOf(p);
  return {
    nodeType: NODE_TYPE[kind],
    id: String(p.id),
    kind,
    name: typeof p.name === 'string' ? p.name : String(p.id),
    description: typeof p.description === 'string' ? p.description : null,
  };
}

/** Evidence is free-form where alignment writes it; the API shows it as one line of text. */
function evidenceText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join('; ');
  return JSON.stringify(value);
}

const RELATIONS = new Set(['equivalent', 'broader', 'narrower', 'related']);

function asRelation(value: unknown): SimilarityRow['relation'] {
  if (typeof value === 'string' && RELATIONS.has(value)) return value as SimilarityRow['relation'];
  throw new Error(`unexpected competency relation: ${String(value)}`);
}

export function asSimilarity(raw: unknown): SimilarityRow {
  const p = raw as Record<string, unknown>;
  return {
    competency: asCompetency(p.competency),
    relation: asRelation(p.relation),
    score: typeof p.score === 'number' ? p.score : Number(p.score ?? 0),
    method: typeof p.method === 'string' ? p.method : null,
    evidence: evidenceText(p.evidence),
  };
}
