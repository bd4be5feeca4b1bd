// The node kinds of the graph, written once: each GraphQL type that implements `Node`, the graph
// label that identifies it, the label its `id` is looked up under, the prefix its global id drops,
// its search kind and its Chinese name. Global ids, search, neighbourhood filters, the export and
// the explorer all derive from this table, so a new kind is one row here plus its SDL.
// Pure data: the explorer bundles it too.

export interface NodeKind {
  /** GraphQL type name, also the type part of a global id (`Task:BLM2421-007v4:T1.1`). */
  readonly type: string;
  /** The most specific graph label, which decides a node's type and heads its export. */
  readonly label: string;
  /** The label whose `id` constraint finds a node of this kind (`Standard` -> `Document`). */
  readonly lookupLabel: string;
  /** What the global id's key leaves off the node's `id` (`skill:溝通協調能力` -> `溝通協調能力`). */
  readonly idPrefix: string;
  /** The `SearchKind` value, or null when full-text search does not return this kind. */
  readonly searchKind: string | null;
  /** The published Chinese name, shown beside the type. */
  readonly zh: string;
}

/** In the order that decides a node's type: a label earlier in the list wins. */
export const NODE_KINDS = [
  { type: 'Standard', label: 'Standard', lookupLabel: 'Document', idPrefix: '', searchKind: 'STANDARD', zh: '職能基準' },
  { type: 'Unit', label: 'Unit', lookupLabel: 'Document', idPrefix: '', searchKind: 'UNIT', zh: '職能單元' },
  { type: 'Responsibility', label: 'Responsibility', lookupLabel: 'Responsibility', idPrefix: '', searchKind: 'RESPONSIBILITY', zh: '主要職責' },
  { type: 'Task', label: 'Task', lookupLabel: 'Task', idPrefix: '', searchKind: 'TASK', zh: '工作任務' },
  { type: 'Indicator', label: 'Indicator', lookupLabel: 'Indicator', idPrefix: '', searchKind: 'INDICATOR', zh: '行為指標' },
  { type: 'Output', label: 'Output', lookupLabel: 'Output', idPrefix: '', searchKind: 'OUTPUT', zh: '工作產出' },
  { type: 'Note', label: 'Term', lookupLabel: 'Term', idPrefix: '', searchKind: 'NOTE', zh: '名詞說明' },
  { type: 'Knowledge', label: 'Knowledge', lookupLabel: 'Competency', idPrefix: 'knowledge:', searchKind: 'KNOWLEDGE', zh: '知識' },
  { type: 'Skill', label: 'Skill', lookupLabel: 'Competency', idPrefix: 'skill:', searchKind: 'SKILL', zh: '技能' },
  { type: 'Attitude', label: 'Attitude', lookupLabel: 'Competency', idPrefix: 'attitude:', searchKind: 'ATTITUDE', zh: '態度' },
  { type: 'Occupation', label: 'Occupation', lookupLabel: 'Occupation', idPrefix: '', searchKind: 'OCCUPATION', zh: '職業' },
  { type: 'Industry', label: 'Industry', lookupLabel: 'Industry', idPrefix: '', searchKind: 'INDUSTRY', zh: '行業' },
  { type: 'Category', label: 'Category', lookupLabel: 'Category', idPrefix: '', searchKind: 'CATEGORY', zh: '職類' },
  { type: 'CompetencyLevel', label: 'Level', lookupLabel: 'Level', idPrefix: 'level:', searchKind: null, zh: '職能級別' },
] as const satisfies readonly NodeKind[];

type Kinds = (typeof NODE_KINDS)[number];

/** Name of a GraphQL type that implements `Node`. */
export type NodeType = Kinds['type'];

/** A search kind (`SearchKind` in schema/search.graphql). */
export type NodeSearchKind = NonNullable<Kinds['searchKind']>;

const BY_TYPE = new Map<string, NodeKind>(NODE_KINDS.map((kind) => [kind.type, kind]));

/** The row of a GraphQL type name, or undefined when the name is not a node type. */
export function nodeKindOf(type: string): NodeKind | undefined {
  return BY_TYPE.get(type);
}

/** The labels ids are looked up under, each once. */
export const LOOKUP_LABELS: readonly string[] = [...new Set(NODE_KINDS.map((kind) => kind.lookupLabel))];

/**
 * Labels of operational records (migrations, import jobs and their results, the catalogue
 * version): not catalogue data, so never exported nor counted in graph statistics.
 */
export const OPERATIONAL_LABELS: readonly string[] = ['Migration', 'ImportJob', 'ImportJobResult', 'Catalogue'];

/** The most specific label of every kind; each node carries exactly one of them. */
export const EXPORT_LABELS: readonly string[] = NODE_KINDS.map((kind) => kind.label);
