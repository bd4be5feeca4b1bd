// The table of a 職能單元: `label<TAB>value` rows whose values are HTML fragments, and the 更新紀錄
// list after it. A line whose first cell is empty continues the value above it: a page break cut the
// value there, possibly in the middle of a word or an element (see page-breaks.ts).

import { NUMERAL_CHARS } from './numerals.js';
import { continueHtml } from './page-breaks.js';
import { SourcedText, type SourceDocument } from './source.js';
import { headingText, isFiller, labelKey, listItem, usedCellCount } from './table-rows.js';

export type FieldKey = 'code' | 'name' | 'domain' | 'level' | 'tasks' | 'knowledge' | 'skills' | 'assessment' | 'notes';

export const LABELS: Record<FieldKey, string> = {
  code: '職能單元代碼',
  name: '職能單元名稱',
  domain: '領域類別',
  level: '職能單元級別',
  tasks: '工作任務與行為指標',
  knowledge: '職能內涵(K=knowledge知識)',
  skills: '職能內涵(S=skills技能)',
  assessment: '評量設計參考',
  notes: '說明與補充事項',
};

const REVISIONS = '更新紀錄';

function fieldOf(label: string): FieldKey | undefined {
  const key = labelKey(label);
  if (key.startsWith('職能內涵')) {
    if (/K=|知識/i.test(key)) return 'knowledge';
    if (/S=|技能/i.test(key)) return 'skills';
    return undefined;
  }
  return (Object.keys(LABELS) as FieldKey[]).find((field) => LABELS[field] === key);
}

/** A continuation that starts a new item: a numbered item or a note, possibly inside inline tags. */
const STARTS_ITEM = new RegExp(`^(?:<[^<>]*>\\s*)*(?:[${NUMERAL_CHARS}]{1,4}\\s*、|\\d{1,3}\\s*[.．、](?!\\d)|【\\s*[註注]\\s*\\d+\\s*】)`);
const startsItem = (text: string): boolean => STARTS_ITEM.test(text);

export interface FieldValue {
  line: number;
  label: string;
  value: SourcedText;
}

const labelOf = (field: FieldValue): string => field.label;

/** `（註1）` / `(註1)`: a note marker written in parentheses, as some copies do. */
const PARENTHESISED_MARKER = /[（(](\s*[註注]\s*\d+\s*)[）)]/g;

/**
 * A value with its parenthesised note markers written as 【註N】, the form the rest of the parser
 * reads. The replacement has the same length, so offsets (and the lines they map to) stay right.
 */
function bracketNoteMarkers(text: string, line: number, label: string, doc: SourceDocument): string {
  const bracketed = text.replace(PARENTHESISED_MARKER, '【$1】');
  const example = text.match(PARENTHESISED_MARKER)?.[0];
  if (example) doc.warnOnce('NOTE_MARKER_FORM', line, label || 'table row', `note markers written as ${example}; read as 【註N】`);
  return bracketed;
}

export interface UnitFields {
  fields: Map<FieldKey, FieldValue>;
  /** 更新紀錄, one entry per line. */
  revisions: string[];
}

export function readUnitFields(doc: SourceDocument): UnitFields {
  const fields = new Map<FieldKey, FieldValue>();
  const revisions: string[] = [];
  let section: 'preamble' | 'table' | 'revisions' = 'preamble';
  let last: FieldValue | undefined;

  for (const line of doc.lines) {
    if (isFiller(line.text)) continue;
    const heading = headingText(line.text);
    if (!line.text.includes('\t')) {
      const text = heading ?? line.text.trim();
      if (labelKey(text) === REVISIONS) {
        section = 'revisions';
      } else if (section === 'revisions' && heading === undefined) {
        revisions.push(listItem(line.text)?.text ?? text);
      } else if (section !== 'preamble') {
        doc.fail(line.number, 'format', `a row "label<TAB>value" (${Object.values(LABELS).join(', ')}) or the heading ${REVISIONS}; found "${text.slice(0, 30)}"`);
      }
      continue; // a title above the table
    }
    if (section === 'revisions') {
      // A dated entry copied from a table (`2020/12/31<TAB>修訂…`): its cells read as one line.
      revisions.push(line.text.split('\t').map((cell) => cell.trim()).filter((cell) => cell !== '').join(' '));
      continue;
    }
    const [first = '', ...rest] = line.text.split('\t').map((cell) => cell.trim());
    if (usedCellCount(rest) > 1) {
      doc.fail(line.number, first || 'table row', `2 cells (label, value); found ${usedCellCount(rest) + 1}`);
    }
    const value = SourcedText.of(bracketNoteMarkers(rest[0] ?? '', line.number, first || (last ? labelOf(last) : ''), doc), line.number);
    if (first === '') {
      if (!last) doc.fail(line.number, 'table row', `a label (${LABELS.code} …) in the first cell`);
      last.value = continueHtml(last.value, value, startsItem);
      continue;
    }
    if (labelKey(first) === REVISIONS) {
      section = 'revisions';
      if (value.text !== '') revisions.push(value.text);
      continue;
    }
    const field = fieldOf(first);
    if (!field) doc.fail(line.number, first, `one of the fields ${Object.values(LABELS).join(', ')}`);
    const previous = fields.get(field);
    if (previous) doc.fail(line.number, first, `${first} once; it is also on line ${previous.line}`);
    last = { line: line.number, label: first, value };
    fields.set(field, last);
    section = 'table';
  }
  return { fields, revisions };
}
