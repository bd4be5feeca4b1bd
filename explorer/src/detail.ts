// The detail panel: every field of the selected entity, with links to the entities it refers to.
// Rendering follows the shape of the GraphQL answer, so a field added to the query shows up as is.
import { isPagedField, type PageOfItems } from './catalogue-queries.js';
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
  caption: '名稱 name',
  standardKind: '職能基準名稱 (職業/職類) kind',
  versionNote: '更新說明 versionNote',
  competencyLevel: '級別說明 competencyLevel',
  requirements: '建議學經歷 requirements',
  glossary: '名詞定義 glossary',
  otherNotes: '其他補充說明 otherNotes',
  term: '名詞 term',
  number: '編號 number',
  summary: '摘要 summary',
  keyEvidence: '評量之關鍵面向 keyEvidence',
  contextAndResources: '評量情境與特定資源 contextAndResources',
  methods: '評量方法 methods',
  requiredBy: '被要求於 requiredBy',
  ancestors: '上層路徑 ancestors',
  depth: '階層 depth',
  isProvisional: '暫定 isProvisional',
  standards: '職能基準 standards',
  units: '職能單元 units',
  responsibility: '主要職責 responsibility',
  standard: '職能基準 standard',
  task: '工作任務 task',
  supersedes: '取代 supersedes',
  supersededBy: '被取代 supersededBy',
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
  similar: '相似職能 similar',
  equivalents: '同義職能 equivalents',
  broader: '較廣職能 broader',
  narrower: '較專職能 narrower',
  related: '相關職能 related (not shared)',
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
  const items = value.edges
    .map((edge) => {
      if (!isObject(edge)) return null;
      const extra = Object.keys(edge).some((key) => key !== 'node' && key !== 'cursor');
      return extra ? edge : (edge.node ?? null);
    })
    .filter((item) => item !== null);
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
export function entityLink(entity: { id: string; __typename?: string; [field: string]: Json | undefined }): HTMLElement {
  const type = entity.__typename ?? '';
  const code = typeof entity.code === 'string' ? entity.code : null;
  const name = handleOf(entity);
  return h(
    'a',
    { href: exploreHref(entity.id), class: 'entity-link', 'data-id': entity.id, title: `${typeLabel(type)} ${entity.id}` },
    h('span', { class: 'dot', style: `background:${typeStyle(type).color}` }),
    code ? h('span', { class: 'code' }, code) : null,
    h('span', { class: 'name' }, name ?? (code ? '' : keyOfId(entity.id))),
  );
}

/** What to call an entity: its name, else its text or term, else a level's number. */
function handleOf(entity: { __typename?: string; [field: string]: Json | undefined }): string | null {
  if (entity.__typename === 'Note' && typeof entity.term === 'string') return `【註${String(entity.number ?? '')}】${entity.term}`;
  if (entity.__typename === 'CompetencyLevel' && entity.number !== undefined) return `級別 ${String(entity.number)}${typeof entity.summary === 'string' ? ` ${entity.summary}` : ''}`;
  for (const field of ['name', 'caption', 'text', 'term']) {
    const value = entity[field];
    if (typeof value === 'string' && value) return value;
  }
  return null;
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

/** `S01 分析資訊與數據能力 → Skill · T1.1 T1.2`: a document's own wording, its shared competency and tasks. */
function renderRequirement(requirement: JsonObject): HTMLElement {
  const competency = requirement.competency ?? null;
  const tasks = Array.isArray(requirement.tasks) ? requirement.tasks.filter(isEntity) : [];
  return h(
    'div',
    { class: 'requirement' },
    h('span', { class: 'code' }, String(requirement.code ?? '')),
    isEntity(competency)
      ? h('a', { href: exploreHref(competency.id), class: 'entity-link', title: `${typeLabel(competency.__typename)} ${competency.id}` }, h('span', { class: 'name' }, String(requirement.name ?? competency.name ?? '')))
      : String(requirement.name ?? ''),
    typeof requirement.description === 'string' && requirement.description ? h('span', { class: 'muted' }, ` ${requirement.description}`) : null,
    tasks.length ? h('span', { class: 'requirement-tasks' }, tasks.map((task) => entityLink(task))) : null,
  );
}

/** `[competency] 86% lexical: evidence` */
function renderSimilarity(similarity: JsonObject): HTMLElement {
  const competency = similarity.competency ?? null;
  const score = typeof similarity.score === 'number' ? `${Math.round(similarity.score * 100)}%` : '';
  return h(
    'div',
    { class: 'similarity' },
    isEntity(competency) ? entityLink(competency) : null,
    h('span', { class: 'score-chip' }, score),
    similarity.method ? h('span', { class: 'muted' }, ` ${String(similarity.method)}`) : null,
    similarity.evidence ? h('div', { class: 'muted small' }, String(similarity.evidence)) : null,
  );
}

function renderValue(value: Json, depth: number): HTMLElement | null {
  if (isEmpty(value)) return null;
  if (isObject(value) && value.__typename === 'CompetencyRequirement') return renderRequirement(value);
  if (isObject(value) && value.__typename === 'CompetencySimilarity') return renderSimilarity(value);
  // A connection edge with data of its own, e.g. `{ code: "S04", node: { … } }`.
  if (isObject(value) && value.node !== undefined && isEntity(value.node)) {
    const extra = Object.entries(value).filter(([key, inner]) => key !== 'node' && key !== 'cursor' && typeof inner === 'string');
    return h('span', {}, entityLink(value.node), extra.map(([, inner]) => h('span', { class: 'muted' }, ` ${String(inner)}`)));
  }
  if (Array.isArray(value)) return renderList(value.filter((item) => !isEmpty(item)), depth, null, null);
  if (isObject(value)) {
    const connection = unwrapConnection(value);
    if (connection) return renderList(connection.items, depth, connection.total, null);
    if (isEntity(value)) {
      const rest = renderFields(value, depth + 1, ['__typename', 'id', 'code', 'name', 'caption', 'term', 'number', 'summary', ...(value.__typename === 'Indicator' ? ['text'] : [])]);
      return rest ? h('div', { class: 'nested-entity' }, entityLink(value), rest) : entityLink(value);
    }
    if (isCompactObject(value)) return renderCompact(value);
    return renderFields(value, depth + 1, ['__typename']);
  }
  return value === null ? null : renderScalar(value);
}

/** Items shown at once in a list of the panel; the rest come a page at a time. */
export const DETAIL_PAGE = 25;

/** Fetches the page of a connection field after a cursor. */
type NextPage = (after: string) => Promise<PageOfItems>;

/**
 * A list shown a page at a time, so that a competency required by four hundred documents stays
 * readable: the items at hand first, then the rest of them, then (for a connection that pages on
 * the server) the next page from the service.
 */
function renderList(items: Json[], depth: number, total: number | null, next: { fetch: NextPage; after: string } | null): HTMLElement {
  const list = h('ul', { class: 'value-list' });
  let shown = 0;
  let pending = items;
  let cursor = next?.after ?? null;
  const count = h('span', { class: 'muted small', 'data-testid': 'list-count' });
  const button = h('button', { type: 'button', class: 'show-more', 'data-testid': 'show-more' }, 'Show more 顯示更多');
  const update = () => {
    count.textContent = total !== null ? `${shown} of ${total} shown` : pending.length > 0 ? `${shown} of ${shown + pending.length} shown` : '';
    button.hidden = pending.length === 0 && cursor === null;
  };
  const showPage = () => {
    const page = pending.slice(0, DETAIL_PAGE);
    pending = pending.slice(DETAIL_PAGE);
    for (const item of page) list.append(h('li', {}, renderValue(item, depth + 1)));
    shown += page.length;
    update();
  };
  button.addEventListener('click', () => {
    if (pending.length > 0 || !next || cursor === null) {
      showPage();
      return;
    }
    button.disabled = true;
    next
      .fetch(cursor)
      .then((page) => {
        pending = page.edges as Json[];
        cursor = page.hasNextPage ? page.endCursor : null;
        showPage();
      })
      .catch((error: Error) => {
        count.textContent = `Could not load more: ${error.message}`;
      })
      .finally(() => {
        button.disabled = false;
      });
  });
  showPage();
  const footer = shown < (total ?? shown) || pending.length > 0 || cursor !== null ? h('p', { class: 'list-footer' }, count, ' ', button) : null;
  return h('div', {}, list, footer);
}

/** The page cursor of a connection that has more on the server, else null. */
function nextCursor(value: Json): string | null {
  if (!isObject(value) || !isObject(value.pageInfo ?? null)) return null;
  const info = value.pageInfo as JsonObject;
  return info.hasNextPage === true && typeof info.endCursor === 'string' ? info.endCursor : null;
}

function renderFields(object: JsonObject, depth: number, skip: string[], nextPage?: (field: string, after: string) => Promise<PageOfItems>): HTMLElement | null {
  const renderField = (key: string, value: Json): HTMLElement | null => {
    const after = nextCursor(value);
    const connection = isObject(value) ? unwrapConnection(value) : null;
    if (after && connection && nextPage && isPagedField(key)) {
      return renderList(connection.items, depth, connection.total, { after, fetch: (cursor) => nextPage(key, cursor) });
    }
    return renderValue(value, depth);
  };
  const rows = Object.entries(object)
    .filter(([key, value]) => !skip.includes(key) && !isEmpty(value))
    .flatMap(([key, value]) => [h('dt', {}, FIELD_LABELS[key] ?? key), h('dd', { 'data-field': depth === 0 ? key : null }, renderField(key, value))]);
  return rows.length ? h('dl', { class: depth === 0 ? 'fields' : 'fields nested' }, rows) : null;
}

export interface DetailActions {
  compare(code: string): void;
  learningPathTo(code: string): void;
  /** The next page of one of the entity's connections (`requiredBy`, `standards`, `units`). */
  nextPage(field: string, after: string): Promise<PageOfItems>;
}

/** Fills the panel with an entity (`node(id:)` answer); `warnings` name fields the service could not read. */
export function renderDetail(panel: HTMLElement, entity: JsonObject & { id: string; __typename: string }, warnings: string[], actions: DetailActions): void {
  const type = entity.__typename;
  const code = typeof entity.code === 'string' ? entity.code : null;
  const name = handleOf(entity) ?? keyOfId(entity.id);
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
    warnings.length ? h('p', { class: 'warning', role: 'note' }, `Some fields could not be read: ${warnings.join('; ')}`) : null,
    renderFields(entity, 0, ['__typename', 'id'], actions.nextPage) ?? h('p', { class: 'muted' }, 'No further fields.'),
  );
}

/** A message in the panel instead of an entity (loading, not found, error). */
export function renderDetailMessage(panel: HTMLElement, message: string): void {
  replaceChildren(panel, h('p', { class: 'muted' }, message));
}

export type { Json, JsonObject };
