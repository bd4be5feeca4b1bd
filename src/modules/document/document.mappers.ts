// Row types of the document module (what its repository returns and its resolvers receive), and
// the decoders that turn the plain maps Cypher returns into them. Codegen maps the GraphQL types
// Standard, Unit, Responsibility, Task, Indicator, Output, Note and CompetencyRequirement here.
import { asCompetency, type CompetencyRow } from '../../graph/competency-row.js';
import { listOf, nullable } from '../../graph/decoders.js';
import { fieldsOf, isPartial, type DocumentRead } from '../../db/projections.js';
import { selectedFields, type FieldSelection } from '../selection.js';

/** A node as repositories project it: its properties plus `labels`. */
export type RawEntity = Record<string, unknown> & { labels?: string[] };

export const text = (value: unknown): string => (typeof value === 'string' ? value : value == null ? '' : String(value));
export const optionalText = (value: unknown): string | null => (value == null ? null : text(value));
export const optionalNumber = (value: unknown): number | null => (typeof value === 'number' ? value : value == null ? null : Number(value));
export const texts = (value: unknown): string[] => (Array.isArray(value) ? value.map(text) : []);

export interface DocumentRow {
  nodeType: 'Standard' | 'Unit';
  id: string;
  code: string;
  baseCode: string;
  version: number;
  name: string;
  status: 'CURRENT' | 'HISTORICAL' | null;
  hasContent: boolean;
  level: number | null;
  /** 職業 or 職類 (standards). */
  kind: string | null;
  description: string | null;
  publishedOn: string | null;
  versionNote: string | null;
  requirements: string[];
  glossaryTerms: string[];
  glossaryDefinitions: string[];
  otherNotes: string[];
  /** 領域類別 (units). */
  domain: string | null;
  assessmentKeyEvidence: string[];
  assessmentContext: string[];
  assessmentMethods: string[];
  revisionNotes: string[];
  /**
   * Read as a reference or a summary (`documentReadFor`): the properties not read are left empty,
   * so the row answers only the fields it was read for and is never cached as the whole document.
   */
  partial?: true;
}

/**
 * The GraphQL fields of Standard and Unit that read a document's long texts and lists: lists of
 * documents (what requires a competency, say) are usually read for codes and names, and these are
 * most of a document's bytes.
 */
const DOCUMENT_DETAIL_FIELDS = ['description', 'versionNote', 'requirements', 'glossary', 'otherNotes', 'domain', 'assessment', 'revisionNotes'];

/** The fields a document's reference answers: its id, code and name (and its type). */
const DOCUMENT_REFERENCE_FIELDS = new Set(['__typename', 'id', 'code', 'name']);

/** How much of each document at field path `path` under `selection` the query needs read. */
export function documentReadFor(selection: FieldSelection, path: readonly string[]): DocumentRead {
  const fields = selectedFields(selection, path);
  if (DOCUMENT_DETAIL_FIELDS.some((field) => fields.has(field))) return 'whole';
  return [...fields].every((field) => DOCUMENT_REFERENCE_FIELDS.has(field)) ? 'reference' : 'summary';
}

export interface ResponsibilityRow {
  nodeType: 'Responsibility';
  id: string;
  code: string;
  name: string;
  /** Its tasks in order, when read together with the responsibility. */
  tasks?: TaskRow[];
}

export interface TaskRow {
  nodeType: 'Task';
  id: string;
  code: string;
  name: string;
  level: number | null;
  /** Id (code) of the standard or unit the task belongs to. */
  document: string;
  position: number;
  /** The document-local codes of the K and S the task needs (`K01`, `S04`); absent when not read. */
  codes?: string[];
  /** Its outputs and indicators in order, when read together with the task. */
  outputs?: OutputRow[];
  indicators?: IndicatorRow[];
}

export interface IndicatorRow {
  nodeType: 'Indicator';
  id: string;
  code: string;
  text: string;
  terms: string[];
}

export interface OutputRow {
  nodeType: 'Output';
  id: string;
  code: string;
  name: string;
}

export interface NoteRow {
  nodeType: 'Note';
  id: string;
  number: number;
  term: string;
  text: string;
  examples: string[];
}

/** A competency as one document (or one task) requires it. */
export interface RequirementRow {
  code: string;
  name: string;
  description: string | null;
  competency: CompetencyRow;
  /** The document whose tasks `tasks` lists (read only when asked for). */
  document: string;
}

/** Which of a document's tasks need which of its K and S. */
export interface TaskNeeds {
  /** Document-local code (`S04`) -> the tasks that list it, in published order. */
  byCode: Map<string, TaskRow[]>;
  /** Task id -> the codes it lists. */
  byTask: Map<string, Set<string>>;
}

/** The code of the document a document-local id belongs to: `BLM2421-007v4:T1.1` -> `BLM2421-007v4`. */
export function documentOfLocalId(id: string): string {
  const colon = id.indexOf(':');
  return colon < 0 ? id : id.slice(0, colon);
}

export function asDocument(raw: unknown): DocumentRow {
  const p = fieldsOf('document', raw) as RawEntity;
  const status = p.status === 'CURRENT' || p.status === 'HISTORICAL' ? p.status : null;
  return {
    nodeType: p.labels?.includes('Unit') || p.documentKind === 'UNIT' ? 'Unit' : 'Standard',
    id: text(p.id),
    code: text(p.code ?? p.id),
    baseCode: text(p.baseCode),
    version: optionalNumber(p.version) ?? 0,
    name: text(p.name),
    status,
    hasContent: p.hasContent !== false,
    level: optionalNumber(p.level),
    kind: optionalText(p.kind),
    description: optionalText(p.description),
    publishedOn: optionalText(p.publishedOn),
    versionNote: optionalText(p.versionNote),
    requirements: texts(p.requirements),
    glossaryTerms: texts(p.glossaryTerms),
    glossaryDefinitions: texts(p.glossaryDefinitions),
    otherNotes: texts(p.otherNotes),
    domain: optionalText(p.domain),
    assessmentKeyEvidence: texts(p.assessmentKeyEvidence),
    assessmentContext: texts(p.assessmentContext),
    assessmentMethods: texts(p.assessmentMethods),
    revisionNotes: texts(p.revisionNotes),
    ...(isPartial(raw) ? { partial: true as const } : {}),
  };
}

export function asResponsibility(raw: unknown): ResponsibilityRow {
  const p = fieldsOf('responsibility', raw) as RawEntity;
  return { nodeType: 'Responsibility', id: text(p.id), code: text(p.code), name: text(p.name) };
}

/** A responsibility read with its tasks: `[responsibility, tasks]`, each task `[task, outputs or null, indicators or null]`. */
export function asResponsibilityWithTasks(raw: unknown): ResponsibilityRow {
  const [responsibility, tasks] = raw as [unknown, Array<[unknown, unknown[] | null, unknown[] | null]> | null];
  return {
    ...asResponsibility(responsibility),
    tasks: (tasks ?? []).map(([task, outputs, indicators]) => ({
      ...asTask(task),
      ...(outputs ? { outputs: outputs.map(asOutput) } : {}),
      ...(indicators ? { indicators: indicators.map(asIndicator) } : {}),
    })),
  };
}

export function asTask(raw: unknown): TaskRow {
  const p = fieldsOf('task', raw) as RawEntity;
  const id = text(p.id);
  return {
    nodeType: 'Task',
    id,
    code: text(p.code),
    name: text(p.name),
    level: optionalNumber(p.level),
    document: text(p.document ?? documentOfLocalId(id)),
    position: optionalNumber(p.position) ?? 0,
    ...(Array.isArray(p.codes) ? { codes: texts(p.codes) } : {}),
  };
}

export function asIndicator(raw: unknown): IndicatorRow {
  const p = fieldsOf('indicator', raw) as RawEntity;
  return { nodeType: 'Indicator', id: text(p.id), code: text(p.code), text: text(p.text), terms: texts(p.terms) };
}

export function asOutput(raw: unknown): OutputRow {
  const p = fieldsOf('output', raw) as RawEntity;
  return { nodeType: 'Output', id: text(p.id), code: text(p.code), name: text(p.name) };
}

export function asNote(raw: unknown): NoteRow {
  const p = fieldsOf('note', raw) as RawEntity;
  return {
    nodeType: 'Note',
    id: text(p.id),
    number: optionalNumber(p.number) ?? 0,
    term: text(p.name),
    text: text(p.text),
    examples: texts(p.examples),
  };
}

/** A requirement row of document `document`; `name` and `description` come only where the document's wording differs. */
export function asRequirement(raw: unknown, document: string): RequirementRow {
  // As the document's requirement lookups list it: [code, competency, name, description].
  const [code, projected, name, description] = raw as unknown[];
  const competency = asCompetency(projected);
  return {
    code: text(code),
    name: optionalText(name) ?? competency.name,
    description: optionalText(description) ?? competency.description,
    competency,
    document,
  };
}

/** Indexes which of a document's tasks (in published order) need which K and S. */
export function indexTaskNeeds(tasks: readonly TaskRow[]): TaskNeeds {
  const index: TaskNeeds = { byCode: new Map(), byTask: new Map() };
  for (const task of tasks) {
    const own = new Set(task.codes ?? []);
    index.byTask.set(task.id, own);
    for (const code of own) {
      const list = index.byCode.get(code) ?? [];
      list.push(task);
      index.byCode.set(code, list);
    }
  }
  return index;
}
