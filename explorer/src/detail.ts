// The detail panel: every field of the selected entity, with links to the entities it refers to.
// Rendering follows the shape of the GraphQL answer, so a field added to the query shows up as is.
import { h, replaceChildren } from './dom.js';
import { isDocumentType, keyOfId, typeLabel, typeStyle } from './model.js';
import { exploreHref } from './routes.js';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Chinese captions for the fields the documents publish; other fields keep their API name. */
const FIELD_LABELS: Record<string, string> = {
  code: '代碼 code',
  baseCode: '基準代碼 baseCode',
  version: '版本 version',
  name: '名稱 name',
  text: '內容 text',
  kind: '類型 kind',
  level: '級別 level',
  status: '狀態 status',
  description: '說明 description',
  publishedOn: '發展更新日期 publishedOn',
  domain: '領域類別 domain',
  category: '職類 category',
  categories: '職類 categories',
  occupations: '職業 occupations',
  industries: '行業 industries',
  responsibilities: '主要職責 responsibilities',
  tasks: '工作任務 tasks',
  outputs: '工作產出 outputs',
  indicators: '行為指標 indicators',
  knowledge: '知識 knowledge',
  skills: '技能 skills',
  attitudes: '態度 attitudes',
  notes: '說明與補充事項 notes',
  terms: '名詞 terms',
  examples: '可能包括 examples',
  versions: '版本 versions',
  document: '文件 document',
  documents: '文件 documents',
  similar: '相似 similar',
  assessment: '評量設計參考 assessment',
  revisionNotes: '更新說明 revisionNotes',
  parent: '上層 parent',
  children: '下層 children',
  isco08: 'ISCO-08',
};

function isObject(value: Json): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEntity(value: Json): value is JsonObject & { id: string; __typename: string } {
  return isObject(value) && typeof value.id === 'string' && typeof value.__typename === 'string';
}

/** A Relay connection flattened to its nodes. */
function unwrapConnection(value: JsonObject): { items: Json[]; total: number | null } | null {
  if (!Array.isArray(value.edges)) return null;
  const items = value.edges.map((edge) => (isObject(edge) ? (edge.node ?? null) : null)).filter((node) => node !== null);
  return { items, total: typeof value.totalCount === 'number' ? value.totalCount : null };
}

function isEmpty(value: Json): boolean {
  if (value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isObject(value)) {
    const connection = unwrapConnection(value);
    if (connection) return connection.items.length === 0;
    return Object.entries(value).every(([key, inner]) => key === '__typename' || isEmpty(inner));
  }
  return false;
}

/** A link to an entity: type badge, code and name; it opens the entity in the explore view. */
export function entityLink(entity: { id: string; __typename?: string; code?: Json; name?: Json; text?: Json }): HTMLElement {
  const type = entity.__typename ?? '';
  const code = typeof entity.code === 'string' ? entity.code : null;
  const name = typeof entity.name === 'string' ? entity.name : typeof entity.text === 'string' ? entity.text : null;
  return h(
    'a',
    { href: exploreHref(entity.id), class: 'entity-link', 'data-id': entity.id, title: `${typeLabel(type)} ${entity.id}` },
    h('span', { class: 'dot', style: `background:${typeStyle(type).color}` }),
    code ? h('span', { class: 'code' }, code) : null,
    h('span', { class: 'name' }, name ?? (code ? '' : keyOfId(entity.id))),
  );
}

function renderScalar(value: string | number | boolean): HTMLElement {
  return h('span', { class: 'value' }, typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value));
}

/** An object of a few scalar fields, such as an indicator `{ code text }`, on one line. */
function isCompactObject(value: JsonObject): boolean {
  const fields = Object.entries(value).filter(([key]) => key !== '__typename');
  return fields.length <= 4 && fields.every(([, inner]) => inner === null || typeof inner !== 'object');
}

function renderCompact(value: JsonObject): HTMLElement {
  const parts = Object.entries(value).filter(([key, inner]) => key !== '__typename' && inner !== null && inner !== '');
  return h(
    'span',
    { class: 'compact' },
    parts.map(([key, inner], index) => h('span', { class: key === 'code' ? 'code' : index === 0 ? 'lead' : 'part' }, String(inner))),
  );
}

function renderValue(value: Json, depth: number): HTMLElement | null {
  if (isEmpty(value)) return null;
  if (Array.isArray(value)) {
    return h('ul', { class: 'value-list' }, value.filter((item) => !isEmpty(item)).map((item) => h('li', {}, renderValue(item, depth + 1))));
  }
  if (isObject(value)) {
    const connection = unwrapConnection(value);
    if (connection) {
      const list = renderValue(connection.items, depth);
      const more = connection.total !== null && connection.total > connection.items.length ? h('p', { class: 'muted' }, `${connection.items.length} of ${connection.total} shown`) : null;
      return h('div', {}, list, more);
    }
    if (isEntity(value)) {
      const rest = renderFields(value, depth + 1, ['__typename', 'id', 'code', 'name']);
      return rest ? h('div', { class: 'nested-entity' }, entityLink(value), rest) : entityLink(value);
    }
    if (isCompactObject(value)) return renderCompact(value);
    return renderFields(value, depth + 1, ['__typename']);
  }
  return value === null ? null : renderScalar(value);
}

function renderFields(object: JsonObject, depth: number, skip: string[]): HTMLElement | null {
  const rows = Object.entries(object)
    .filter(([key, value]) => !skip.includes(key) && !isEmpty(value))
    .flatMap(([key, value]) => [h('dt', {}, FIELD_LABELS[key] ?? key), h('dd', {}, renderValue(value, depth))]);
  return rows.length ? h('dl', { class: depth === 0 ? 'fields' : 'fields nested' }, rows) : null;
}

export interface DetailActions {
  compare(code: string): void;
  learningPathTo(code: string): void;
}

/** Fills the panel with an entity (`node(id:)` answer). */
export function renderDetail(panel: HTMLElement, entity: JsonObject & { id: string; __typename: string }, actions: DetailActions): void {
  const type = entity.__typename;
  const code = typeof entity.code === 'string' ? entity.code : null;
  const name = typeof entity.name === 'string' ? entity.name : typeof entity.text === 'string' ? entity.text : keyOfId(entity.id);
  const documentActions =
    isDocumentType(type) && code
      ? h(
          'div',
          { class: 'detail-actions' },
          h('button', { type: 'button', onclick: () => actions.compare(code) }, 'Compare 比較…'),
          h('button', { type: 'button', onclick: () => actions.learningPathTo(code) }, 'Learning path to this 學習路徑…'),
        )
      : null;
  replaceChildren(
    panel,
    h(
      'header',
      { class: 'detail-header' },
      h('span', { class: 'badge', style: `--type-color:${typeStyle(type).color}` }, typeLabel(type)),
      h('h2', { id: 'detail-title', tabindex: '-1' }, code ? h('span', { class: 'code' }, code) : null, name),
      h('p', { class: 'muted id' }, entity.id),
      documentActions,
    ),
    renderFields(entity, 0, ['__typename', 'id']) ?? h('p', { class: 'muted' }, 'No further fields.'),
  );
}

/** A message in the panel instead of an entity (loading, not found, error). */
export function renderDetailMessage(panel: HTMLElement, message: string): void {
  replaceChildren(panel, h('p', { class: 'muted' }, message));
}

export type { Json, JsonObject };
