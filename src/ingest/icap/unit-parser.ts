// 職能單元 (competency unit) text -> ParsedUnit.
//
// A unit is a two-column table, `label<TAB>value`, whose values are HTML fragments, followed by an
// optional 更新紀錄 list. A line whose first cell is empty continues the value above it: a page
// break cut the value there, possibly in the middle of a word or an element (see page-breaks.ts).

import type { Indicator, NoteRef, ParsedUnit, TaxonomyRef, UnitCompetency, UnitNote, UnitTask } from '../document.js';
import { parseAssessment } from './assessment.js';
import { parseVersionedCode, UNIT_BASE_CODE } from './codes.js';
import { noteMarkers, plainText, type MarkerRef } from './html-fragment.js';
import { noteExamples, noteSubject } from './note-examples.js';
import { parseNumberedList, type NumberedItem } from './numbered-list.js';
import { NUMERAL_CHARS, toChineseNumeral } from './numerals.js';
import { continueHtml } from './page-breaks.js';
import { parseLevel } from './levels.js';
import { SourcedText, type SourceDocument } from './source.js';
import { headingText, isFiller, labelKey, listItem, usedCellCount } from './table-rows.js';
import { parseNoteTexts } from './unit-notes.js';

type FieldKey = 'code' | 'name' | 'domain' | 'level' | 'tasks' | 'knowledge' | 'skills' | 'assessment' | 'notes';

const LABELS: Record<FieldKey, string> = {
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

interface FieldValue {
  line: number;
  value: SourcedText;
}

function readFields(doc: SourceDocument): { fields: Map<FieldKey, FieldValue>; revisions: string[] } {
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
      revisions.push(line.text.trim());
      continue;
    }
    const [first = '', ...rest] = line.text.split('\t').map((cell) => cell.trim());
    if (usedCellCount(rest) > 1) {
      doc.fail(line.number, first || 'table row', `2 cells (label, value); found ${usedCellCount(rest) + 1}`);
    }
    const value = SourcedText.of(rest[0] ?? '', line.number);
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
    last = { line: line.number, value };
    fields.set(field, last);
    section = 'table';
  }
  return { fields, revisions };
}

/** A note marker found in the body, with where it was, to report a marker whose note is missing. */
interface BodyMarker extends MarkerRef {
  line: number;
  field: string;
}

export function parseUnit(doc: SourceDocument): ParsedUnit {
  const { fields, revisions } = readFields(doc);
  const required = (field: FieldKey): FieldValue =>
    fields.get(field) ?? doc.fail(0, LABELS[field], `a row ${LABELS[field]} with its value`);
  const failer = (field: FieldKey) => {
    const value = fields.get(field)?.value;
    return (offset: number, expected: string): never => doc.fail(value?.lineAt(offset) ?? 0, LABELS[field], expected);
  };
  const textOf = (field: FieldKey): string => {
    const text = plainText(required(field).value.text);
    if (text === '') doc.fail(required(field).line, LABELS[field], `a value after ${LABELS[field]}`);
    return text;
  };

  const codeText = textOf('code');
  const code = parseVersionedCode(codeText, UNIT_BASE_CODE);
  if (!code) doc.fail(required('code').line, LABELS.code, `a code such as BGM5R0167v2; found "${codeText}"`);
  const name = textOf('name');
  const domain = textOf('domain');
  const levelText = textOf('level');
  const level = parseLevel(levelText);
  if (level === undefined) doc.fail(required('level').line, LABELS.level, `a level from 1 to 6; found "${levelText}"`);

  const bodyMarkers: BodyMarker[] = [];
  const markersIn = (html: string, offset: number, field: FieldKey): MarkerRef[] => {
    const markers = noteMarkers(html);
    const value = fields.get(field)!.value;
    for (const marker of markers) {
      bodyMarkers.push({ ...marker, line: value.lineAt(offset + marker.offset), field: LABELS[field] });
    }
    return markers;
  };

  const taskItems = parseNumberedList(required('tasks').value.text, { nested: true }, failer('tasks'));
  if (taskItems.length === 0) doc.fail(required('tasks').line, LABELS.tasks, 'tasks numbered 一、 二、 …');
  const taskDrafts = taskItems.map((item) => {
    const taskName = plainText(item.html);
    if (taskName === '') failer('tasks')(item.offset, `a task name after ${toChineseNumeral(item.number)}、`);
    if (item.children.length === 0) failer('tasks')(item.offset, `indicators numbered 1. 2. … under task ${taskName}`);
    markersIn(item.html, item.offset, 'tasks');
    const indicators = item.children.map((child) => {
      const text = plainText(child.html);
      if (text === '') failer('tasks')(child.offset, `a text after indicator ${child.number}. of task ${taskName}`);
      return { code: `P${item.number}.${child.number}`, text, markers: markersIn(child.html, child.offset, 'tasks') };
    });
    return { code: `T${item.number}`, name: taskName, indicators };
  });

  const competencies = (field: 'knowledge' | 'skills', letter: 'K' | 'S'): UnitCompetency[] => {
    const value = fields.get(field);
    if (!value) return [];
    const items: NumberedItem[] = parseNumberedList(value.value.text, { nested: false }, failer(field));
    return items.map((item) => {
      const itemName = plainText(item.html);
      const itemCode = `${letter}${String(item.number).padStart(2, '0')}`;
      if (itemName === '') failer(field)(item.offset, `a name after ${toChineseNumeral(item.number)}、`);
      const notes = [...new Set(markersIn(item.html, item.offset, field).map((marker) => marker.note))];
      return { code: itemCode, name: itemName, notes };
    });
  };
  const knowledge = competencies('knowledge', 'K');
  const skills = competencies('skills', 'S');

  const noteValue = fields.get('notes');
  const noteTexts = noteValue ? parseNoteTexts(noteValue.value.text, failer('notes')) : [];
  const termOf = new Map<number, string>();
  for (const marker of bodyMarkers) {
    if (!noteTexts.some((note) => note.number === marker.note)) {
      doc.fail(marker.line, marker.field, `a note 【註${marker.note}】 in ${LABELS.notes} for the marker here`);
    }
    if (marker.term !== undefined && !termOf.has(marker.note)) termOf.set(marker.note, marker.term);
  }
  const notes = noteTexts.map(
    (note): UnitNote => ({
      number: note.number,
      term: termOf.get(note.number) ?? noteSubject(note.text) ?? '',
      text: note.text,
      examples: noteExamples(note.text),
    }),
  );
  const noteTerm = (number: number): string => notes.find((note) => note.number === number)?.term ?? '';

  const tasks = taskDrafts.map(
    (task): UnitTask => ({
      code: task.code,
      name: task.name,
      indicators: task.indicators.map(
        (indicator): Indicator => ({
          code: indicator.code,
          text: indicator.text,
          terms: indicator.markers.map((marker): NoteRef => ({ term: marker.term ?? noteTerm(marker.note), note: marker.note })),
        }),
      ),
    }),
  );

  const assessmentValue = fields.get('assessment');
  const assessment = assessmentValue
    ? parseAssessment(assessmentValue.value.text, failer('assessment'))
    : { keyEvidence: [], contextAndResources: [], methods: [] };

  const slash = Math.max(domain.lastIndexOf('/'), domain.lastIndexOf('／'));
  const domainName = domain.slice(slash + 1).trim();
  const parentName = slash >= 0 ? domain.slice(0, slash).trim() : '';
  const category: TaxonomyRef = parentName === ''
    ? { code: code.baseCode.slice(0, 3), name: domainName }
    : { code: code.baseCode.slice(0, 3), name: domainName, parentName };
  if (domainName === '') doc.fail(required('domain').line, LABELS.domain, `a name after the slash in "${domain}"`);

  return {
    kind: 'UNIT',
    code: code.code,
    baseCode: code.baseCode,
    version: code.version,
    name,
    domain,
    categories: [category],
    level,
    tasks,
    knowledge,
    skills,
    notes,
    assessment,
    revisionNotes: revisions,
  };
}
