// 職能單元 (competency unit) text -> ParsedUnit: the values of the unit's table (see unit-fields.ts)
// read as numbered lists, notes and assessment sections, with every 【註N】 marker of the body linked
// to the underlined term it follows and to its note.

import type { Indicator, NoteRef, ParsedUnit, TaxonomyRef, UnitCompetency, UnitNote, UnitTask } from '../document.js';
import { parseAssessment } from './assessment.js';
import { parseVersionedCode, UNIT_BASE_CODE, type VersionedCode } from './codes.js';
import { noteMarkers, plainText, type MarkerRef } from './html-fragment.js';
import { parseLevel } from './levels.js';
import { noteExamples, noteSubject } from './note-examples.js';
import { isArabicNumbered, parseNumberedList } from './numbered-list.js';
import { toChineseNumeral } from './numerals.js';
import type { SourceDocument } from './source.js';
import type { ParseWarningKind } from '../parse-warning.js';
import { LABELS, readUnitFields, type FieldKey, type FieldValue } from './unit-fields.js';
import { parseNoteTexts } from './unit-notes.js';

/** A note marker found in the body, with where it was, to report a marker whose note is missing. */
interface BodyMarker extends MarkerRef {
  line: number;
  field: string;
}

/** Reads the values of one unit, collecting the note markers of its body as it goes. */
class UnitReader {
  readonly markers: BodyMarker[] = [];

  constructor(
    private readonly doc: SourceDocument,
    private readonly fields: Map<FieldKey, FieldValue>,
  ) {}

  optional(field: FieldKey): FieldValue | undefined {
    return this.fields.get(field);
  }

  required(field: FieldKey): FieldValue {
    return this.fields.get(field) ?? this.doc.fail(0, LABELS[field], `a row ${LABELS[field]} with its value`);
  }

  warn(kind: ParseWarningKind, field: FieldKey, message: string): void {
    this.doc.warn(kind, this.fields.get(field)?.line ?? 0, LABELS[field], message);
  }

  /** Reports a problem at an offset of a field's value, on the line that offset came from. */
  failAt(field: FieldKey) {
    const value = this.fields.get(field)?.value;
    return (offset: number, expected: string): never => this.doc.fail(value?.lineAt(offset) ?? 0, LABELS[field], expected);
  }

  /** The plain text of a one-line field, which must not be empty. */
  text(field: FieldKey): { text: string; line: number } {
    const { value, line } = this.required(field);
    const text = plainText(value.text);
    if (text === '') this.doc.fail(line, LABELS[field], `a value after ${LABELS[field]}`);
    return { text, line };
  }

  markersIn(html: string, offset: number, field: FieldKey): MarkerRef[] {
    const markers = noteMarkers(html);
    const value = this.required(field).value;
    for (const marker of markers) {
      this.markers.push({ ...marker, line: value.lineAt(offset + marker.offset), field: LABELS[field] });
    }
    return markers;
  }
}

interface TaskDraft {
  code: string;
  name: string;
  indicators: { code: string; text: string; markers: MarkerRef[] }[];
}

/** 工作任務與行為指標: tasks 一、 二、 … each with indicators 1. 2. … (`P<task>.<n>`). */
function readTasks(reader: UnitReader): TaskDraft[] {
  const fail = reader.failAt('tasks');
  const items = parseNumberedList(reader.required('tasks').value.text, { nested: true }, fail);
  if (items.length === 0) fail(0, 'tasks numbered 一、 二、 …');
  return items.map((item) => {
    const name = plainText(item.html);
    if (name === '') fail(item.offset, `a task name after ${toChineseNumeral(item.number)}、`);
    if (item.children.length === 0) fail(item.offset, `indicators numbered 1. 2. … under task ${name}`);
    reader.markersIn(item.html, item.offset, 'tasks');
    const indicators = item.children.map((child) => {
      const text = plainText(child.html);
      if (text === '') fail(child.offset, `a text after indicator ${child.number}. of task ${name}`);
      return { code: `P${item.number}.${child.number}`, text, markers: reader.markersIn(child.html, child.offset, 'tasks') };
    });
    return { code: `T${item.number}`, name, indicators };
  });
}

/** A knowledge or skills list; codes come from the numerals (五、 -> K05). */
function readCompetencies(reader: UnitReader, field: 'knowledge' | 'skills', letter: 'K' | 'S'): UnitCompetency[] {
  const value = reader.optional(field);
  if (!value) return [];
  const fail = reader.failAt(field);
  const arabic = isArabicNumbered(value.value.text);
  if (arabic) reader.warn('ARABIC_NUMBERING', field, `items numbered 1. 2. … instead of 一、 二、 …; 1. read as ${letter}01`);
  return parseNumberedList(value.value.text, { nested: false, arabic }, fail).map((item) => {
    const name = plainText(item.html);
    if (name === '') fail(item.offset, `a name after ${arabic ? `${item.number}.` : `${toChineseNumeral(item.number)}、`}`);
    const notes = [...new Set(reader.markersIn(item.html, item.offset, field).map((marker) => marker.note))];
    return { code: `${letter}${String(item.number).padStart(2, '0')}`, name, notes };
  });
}

/**
 * The notes of 說明與補充事項, each named by the underlined term its first marker follows (or, when no
 * marker has one, by the subject its own text starts with). Every marker must have its note.
 */
function readNotes(reader: UnitReader, doc: SourceDocument): UnitNote[] {
  const value = reader.optional('notes');
  const texts = value ? parseNoteTexts(value.value.text, reader.failAt('notes')) : [];
  const numbers = new Set(texts.map((note) => note.number));
  const termOf = new Map<number, string>();
  for (const marker of reader.markers) {
    if (!numbers.has(marker.note)) {
      doc.fail(marker.line, marker.field, `a note 【註${marker.note}】 in ${LABELS.notes} for the marker here`);
    }
    if (marker.term !== undefined && !termOf.has(marker.note)) termOf.set(marker.note, marker.term);
  }
  return texts.map((note) => ({
    number: note.number,
    term: termOf.get(note.number) ?? noteSubject(note.text) ?? '',
    text: note.text,
    examples: noteExamples(note.text),
  }));
}

/** The unit's category: the 領域 code its code starts with, named by 領域類別 (`企業經營管理/一般管理`). */
function domainCategory(code: VersionedCode, domain: string, fail: (expected: string) => never): TaxonomyRef {
  const slash = Math.max(domain.lastIndexOf('/'), domain.lastIndexOf('／'));
  const name = domain.slice(slash + 1).trim();
  const parentName = slash >= 0 ? domain.slice(0, slash).trim() : '';
  if (name === '') fail(`a name after the slash in "${domain}"`);
  const prefix = code.baseCode.slice(0, 3);
  return parentName === '' ? { code: prefix, name } : { code: prefix, name, parentName };
}

export function parseUnit(doc: SourceDocument): ParsedUnit {
  const { fields, revisions } = readUnitFields(doc);
  const reader = new UnitReader(doc, fields);

  const codeField = reader.text('code');
  const code = parseVersionedCode(codeField.text, UNIT_BASE_CODE);
  if (!code) doc.fail(codeField.line, LABELS.code, `a code such as BGM5R0167v2; found "${codeField.text}"`);
  const levelField = reader.text('level');
  const level = parseLevel(levelField.text);
  if (level === undefined) doc.fail(levelField.line, LABELS.level, `a level from 1 to 6; found "${levelField.text}"`);
  const name = reader.text('name').text;
  const domain = reader.text('domain');

  const taskDrafts = readTasks(reader);
  const knowledge = readCompetencies(reader, 'knowledge', 'K');
  const skills = readCompetencies(reader, 'skills', 'S');
  const notes = readNotes(reader, doc);
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
  const assessmentValue = reader.optional('assessment');

  return {
    kind: 'UNIT',
    code: code.code,
    baseCode: code.baseCode,
    version: code.version,
    name,
    domain: domain.text,
    categories: [domainCategory(code, domain.text, (expected) => doc.fail(domain.line, LABELS.domain, expected))],
    level,
    tasks,
    knowledge,
    skills,
    notes,
    assessment: assessmentValue
      ? parseAssessment(assessmentValue.value.text, reader.failAt('assessment'))
      : { keyEvidence: [], contextAndResources: [], methods: [] },
    revisionNotes: revisions,
  };
}
