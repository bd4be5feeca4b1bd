// The header of a 職能基準: the version table and the block of fields above the main table
// (職能基準代碼, 職能基準名稱, 所屬類別, 工作描述, 基準級別).

import type { StandardVersion, TaxonomyRef } from '../document.js';
import { parseVersionedCode, STANDARD_BASE_CODE, type VersionedCode } from './codes.js';
import { parseLevel } from './levels.js';
import { continueRow, type ContinuedRow } from './page-breaks.js';
import { SourcedText, type SourceDocument } from './source.js';
import { labelKey, usedCellCount, type Row } from './table-rows.js';
import { parseTaxonomyField, type TaxonomyKind } from './taxonomy-field.js';
import { SEED_TAXONOMY_NAMES } from './taxonomy-names.js';

const VERSION_COLUMNS = ['版本', '職能基準代碼', '職能基準名稱', '狀態', '更新說明', '發展更新日期'] as const;

const STATUSES: Record<string, StandardVersion['status']> = {
  最新版本: 'CURRENT',
  歷史版本: 'HISTORICAL',
};

/**
 * 發展更新日期 as an ISO date. Accepts `2025/12/15`, `2025-12-15`, `2025.12.15`, `2025年12月15日`, and
 * dates in the Minguo calendar Taiwanese documents also use (`114/12/15` is 2025-12-15).
 */
export function isoDate(text: string): string | undefined {
  const match = /^(\d{2,4})\s*[/\-.年]\s*(\d{1,2})\s*[/\-.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (!match) return undefined;
  let year = Number(match[1]);
  if (match[1]!.length < 4) year += 1911;
  const month = Number(match[2]);
  const day = Number(match[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function continuedRows(rows: readonly Row[], isContinuation: (row: Row) => boolean, orphan: (row: Row) => never): ContinuedRow[] {
  const out: ContinuedRow[] = [];
  for (const row of rows) {
    if (isContinuation(row)) {
      continueRow(out[out.length - 1] ?? orphan(row), row);
    } else {
      out.push({ line: row.line, cells: row.cells.map((cell) => SourcedText.of(cell, row.line)) });
    }
  }
  return out;
}

export function parseVersionTable(rows: readonly Row[], doc: SourceDocument): StandardVersion[] {
  const merged = continuedRows(
    rows,
    (row) => row.cells[0] === '',
    (row) => doc.fail(row.line, '版本', 'a version row (V1, V2, …) before its continuation'),
  );
  return merged.map((row): StandardVersion => {
    const cells = row.cells.map((cell) => cell.text);
    const at = (column: number): number => row.cells[column]?.line ?? row.line;
    const used = usedCellCount(cells);
    if (used > VERSION_COLUMNS.length || cells.length < VERSION_COLUMNS.length) {
      doc.fail(row.line, 'table row', `${VERSION_COLUMNS.length} cells (${VERSION_COLUMNS.join(', ')}); found ${Math.max(used, cells.length)}`);
    }
    const [versionCell = '', codeCell = '', name = '', statusCell = '', note = '', dateCell = ''] = cells;
    const versionMatch = /^V\s*(\d+)$/i.exec(versionCell);
    if (!versionMatch) doc.fail(at(0), '版本', `a version such as V4; found "${versionCell}"`);
    const version = Number(versionMatch[1]);
    const code = parseVersionedCode(codeCell, STANDARD_BASE_CODE);
    if (!code) doc.fail(at(1), '職能基準代碼', `a code such as BLM2421-007v4; found "${codeCell}"`);
    if (code.version !== version) {
      doc.fail(at(1), '職能基準代碼', `the code of version V${version} to end in v${version}; found ${code.code}`);
    }
    if (name === '') doc.fail(at(2), '職能基準名稱', `a name for ${code.code}`);
    const status = STATUSES[labelKey(statusCell)];
    if (!status) doc.fail(at(3), '狀態', `最新版本 or 歷史版本; found "${statusCell}"`);
    const date = isoDate(dateCell);
    if (!date) doc.fail(at(5), '發展更新日期', `a date such as 2025/12/15; found "${dateCell}"`);
    return { version, code: code.code, name, status, note, date };
  });
}

export interface StandardHeader {
  code: VersionedCode;
  name: string;
  nameKind: '職類' | '職業';
  categories: TaxonomyRef[];
  occupations: TaxonomyRef[];
  industries: TaxonomyRef[];
  description: string;
  level: number;
}

const NAME_KINDS: readonly string[] = ['職類', '職業'];
const TAXONOMY_KINDS: readonly string[] = ['職類別', '職業別', '行業別'];
const FIELD_LABELS = '職能基準代碼, 職能基準名稱, 所屬類別, 工作描述, 基準級別';

interface FieldRow extends ContinuedRow {
  /** The field label, inherited from the row above when the label cell spans several rows. */
  label: string;
  /** 職類 / 職業 / 職類別 / 職業別 / 行業別, for the rows of the two grouped fields. */
  sub: string;
}

export function parseHeaderFields(rows: readonly Row[], doc: SourceDocument): StandardHeader {
  const fields: FieldRow[] = [];
  let group = '';
  for (const row of rows) {
    const label = labelKey(row.cells[0] ?? '');
    const sub = labelKey(row.cells[1] ?? '');
    const isSubRow = NAME_KINDS.includes(sub) || TAXONOMY_KINDS.includes(sub);
    if (label === '' && !isSubRow) {
      // The rest of a field cut by a page break.
      const previous = fields[fields.length - 1] ?? doc.fail(row.line, 'fields', `a field label (${FIELD_LABELS}) in the first cell`);
      continueRow(previous, row);
      continue;
    }
    if (label !== '') group = label;
    fields.push({ label: group, sub: isSubRow ? sub : '', line: row.line, cells: row.cells.map((cell) => SourcedText.of(cell, row.line)) });
  }

  const seen = new Map<string, number>();
  let code: VersionedCode | undefined;
  const names: { kind: string; name: string; line: number }[] = [];
  const taxonomy: Partial<Record<TaxonomyKind, TaxonomyRef[]>> = {};
  let description: string | undefined;
  let level: number | undefined;

  for (const field of fields) {
    const cells = field.cells.map((cell) => cell.text);
    const at = (column: number): number => field.cells[column]?.line ?? field.line;
    const key = `${field.label}/${field.sub}`;
    const fieldName = field.sub || field.label;
    if (seen.has(key)) doc.fail(field.line, fieldName, `${fieldName} once; it is also on line ${seen.get(key)}`);
    seen.set(key, field.line);
    const simple = (): string => {
      if (usedCellCount(cells) > 2) doc.fail(field.line, field.label, `one value after ${field.label}; found more cells`);
      return cells[1] ?? '';
    };

    if (field.label === '職能基準代碼') {
      const value = simple();
      code = parseVersionedCode(value, STANDARD_BASE_CODE) ?? doc.fail(at(1), '職能基準代碼', `a code such as BLM2421-007v4; found "${value}"`);
    } else if (field.label.startsWith('職能基準名稱') && NAME_KINDS.includes(field.sub)) {
      if (usedCellCount(cells) > 3) doc.fail(field.line, field.sub, 'one name after 職類 / 職業; found more cells');
      if ((cells[2] ?? '') !== '') names.push({ kind: field.sub, name: cells[2]!, line: at(2) });
    } else if (field.label.endsWith('類別') && TAXONOMY_KINDS.includes(field.sub)) {
      const kind = field.sub as TaxonomyKind;
      const codeLabel = cells.findIndex((cell, i) => i >= 3 && labelKey(cell).endsWith('代碼'));
      if (codeLabel < 0) doc.fail(field.line, kind, `${kind}代碼 and the code after the ${kind} name`);
      if (usedCellCount(cells) > codeLabel + 2) doc.fail(field.line, kind, `nothing after the ${kind}代碼; found more cells`);
      const nameCell = cells[2] ?? '';
      const codeCell = cells[codeLabel + 1] ?? '';
      taxonomy[kind] = parseTaxonomyField(kind, nameCell, codeCell, {
        fail: (expected) => doc.fail(at(codeLabel + 1), kind, expected),
        warn: (warning, message) => doc.warn(warning, at(codeLabel + 1), kind, message),
        names: SEED_TAXONOMY_NAMES[kind],
      });
    } else if (field.label === '工作描述') {
      description = simple();
    } else if (field.label === '基準級別') {
      const value = simple();
      level = parseLevel(value) ?? doc.fail(at(1), '基準級別', `a level from 1 to 6; found "${value}"`);
    } else {
      doc.fail(field.line, field.label || 'fields', `one of the fields ${FIELD_LABELS}; found "${field.cells[0]?.text || field.cells[1]?.text || ''}"`);
    }
  }

  if (!code) doc.fail(0, '職能基準代碼', 'a row 職能基準代碼 with the code of the standard');
  const [named, ...others] = names;
  if (!named) doc.fail(seen.get('職能基準名稱/職業') ?? 0, '職能基準名稱', 'a name after 職類 or 職業 (擇一填寫)');
  if (others[0]) doc.fail(others[0].line, '職能基準名稱', 'a name after only one of 職類 / 職業 (擇一填寫); both are filled in');
  for (const kind of ['職類別', '職業別'] as const) {
    if (!taxonomy[kind]?.length) doc.fail(0, kind, `a ${kind} with its ${kind}代碼 under 所屬類別`);
  }
  if (!taxonomy['行業別']) doc.fail(0, '行業別', 'a 行業別 row under 所屬類別');
  if (!description) doc.fail(seen.get('工作描述/') ?? 0, '工作描述', 'a row 工作描述 with the description of the work');
  if (level === undefined) doc.fail(0, '基準級別', 'a row 基準級別 with a level from 1 to 6');

  return {
    code,
    name: named.name,
    nameKind: named.kind as '職類' | '職業',
    categories: taxonomy['職類別']!,
    occupations: taxonomy['職業別']!,
    industries: taxonomy['行業別'],
    description,
    level,
  };
}
