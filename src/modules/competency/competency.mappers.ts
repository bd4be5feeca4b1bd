// Row types of the competency module and their decoders. Codegen maps CompetencySimilarity,
// RoleRequirements and RoleCompetency here (Competency and its kinds: src/graph/competency-row.ts).
import { asCompetency, type CompetencyRow } from '../../graph/competency-row.js';
import type { DocumentRow, OutputRow, TaskRow } from '../document/document.mappers.js';

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

/** A similarity as `Competency.similar` lists it: `[competency, relation, score, method, evidence]`. */
export function asSimilarity(raw: unknown): SimilarityRow {
  const [competency, relation, score, method, evidence] = raw as unknown[];
  return {
    competency: asCompetency(competency),
    relation: asRelation(relation),
    score: typeof score === 'number' ? score : Number(score ?? 0),
    method: typeof method === 'string' ? method : null,
    evidence: evidenceText(evidence),
  };
}
