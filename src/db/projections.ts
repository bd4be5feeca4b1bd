// The properties each kind of node is read with, shared by every repository, so a row decoder
// always receives the same fields whichever module read the node.
//
// A node crosses the wire as a list of its properties in a fixed order, not as a map: the driver
// decodes a map key by key into a fresh object shape, which made decoding the largest part of
// a small request's CPU, while a list is read in one pass. `fieldsOf` turns the list back into
// an object with the property names before a decoder reads it.

/** The properties of each kind of node, in the order its projection lists them. */
const FIELDS = {
  // A document's reference comes first, then the rest of its summary (see DOCUMENT_READS), its long
  // texts and lists last.
  document: [
    'id', 'code', 'name', 'documentKind', 'baseCode', 'version', 'status', 'hasContent', 'level', 'kind', 'publishedOn',
    'description', 'versionNote', 'requirements', 'glossaryTerms', 'glossaryDefinitions', 'otherNotes', 'domain',
    'assessmentKeyEvidence', 'assessmentContext', 'assessmentMethods', 'revisionNotes',
  ],
  responsibility: ['id', 'code', 'name'],
  task: ['id', 'code', 'name', 'level', 'document', 'position'],
  indicator: ['id', 'code', 'text', 'terms'],
  output: ['id', 'code', 'name'],
  note: ['id', 'number', 'name', 'text', 'examples'],
  competency: ['id', 'kind', 'name', 'description'],
  classification: ['id', 'code', 'name', 'depth', 'provisional', 'isco08', 'isco08Match'],
  level: ['id', 'number', 'description', 'summary'],
} as const satisfies Record<string, readonly string[]>;

export type ProjectedKind = keyof typeof FIELDS;

/**
 * How much of a document a list reads, as the number of its leading properties: a `reference`
 * answers what names it (id, code, name, type), a `summary` what lists of documents show (version,
 * status, level, kind, date too), and `whole` adds the long texts and lists (description,
 * requirements, glossary, notes, assessment) that can be hundreds of times larger.
 */
const DOCUMENT_READS = { reference: 4, summary: 11, whole: FIELDS.document.length } as const;

export type DocumentRead = keyof typeof DOCUMENT_READS;

/** A task's projection also lists the document-local codes of the K and S it needs. */
const TASK_CODES = 'codes';

/** `v.a, v.b, …` for the given properties. */
function listed(fields: readonly string[], v: string): string {
  return fields.map((field) => `${v}.${field}`).join(', ');
}

/**
 * Cypher projections of each kind of node: the properties its row type reads and nothing else,
 * as a list in `FIELDS` order. `v` must be a variable (a task's projection follows a pattern from it).
 */
export const project = {
  document: (v: string) => `[${listed(FIELDS.document, v)}]`,
  /** A document's leading properties only (`DOCUMENT_READS`): a row read so is partial (see `isPartial`). */
  documentAs: (read: DocumentRead, v: string) => `[${listed(FIELDS.document.slice(0, DOCUMENT_READS[read]), v)}]`,
  responsibility: (v: string) => `[${listed(FIELDS.responsibility, v)}]`,
  task: (v: string) => `[${listed(FIELDS.task, v)}, [(${v})-[need:REQUIRES]->() | need.code]]`,
  /** A task without its codes, where the node is an expression rather than a variable. */
  taskOnly: (v: string) => `[${listed(FIELDS.task, v)}]`,
  indicator: (v: string) => `[${listed(FIELDS.indicator, v)}]`,
  output: (v: string) => `[${listed(FIELDS.output, v)}]`,
  note: (v: string) => `[${listed(FIELDS.note, v)}]`,
  competency: (v: string) => `[${listed(FIELDS.competency, v)}]`,
  classification: (v: string) => `[${listed(FIELDS.classification, v)}]`,
  level: (v: string) => `[${listed(FIELDS.level, v)}]`,
};

/** Whether a projected document lacks some of its properties (`project.documentAs`). */
export function isPartial(raw: unknown): boolean {
  return Array.isArray(raw) && raw.length < FIELDS.document.length;
}

/**
 * The named properties of a projected node: a list from `project` is read back in `FIELDS` order
 * (a task's trailing entry, when present, is its codes); a map (a node's `properties(…)`, as
 * search reads them) is returned as it is.
 */
export function fieldsOf(kind: ProjectedKind, raw: unknown): Record<string, unknown> {
  if (!Array.isArray(raw)) return (raw ?? {}) as Record<string, unknown>;
  const fields = FIELDS[kind];
  const out: Record<string, unknown> = {};
  for (let i = 0; i < fields.length; i++) out[fields[i]!] = raw[i];
  if (kind === 'task' && raw.length > fields.length) out[TASK_CODES] = raw[fields.length];
  return out;
}
