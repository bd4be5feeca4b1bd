// The main table of a 職能基準: 主要職責 | 工作任務 | 工作產出 | 行為指標 | 職能級別 | K | S.
//
// Each physical row starts a task (its 工作任務 cell starts with a code such as T1.2), possibly also a
// responsibility (its 主要職責 cell starts with T1). The 主要職責 cell spans the rows of all its tasks.
// A row that starts no task is the rest of the row above, cut by a page break: each of its cells
// continues the cell above it, and its 主要職責 cell (when not empty) continues the responsibility's name.

import type { CodedName, Indicator, Responsibility, StandardTask } from '../document.js';
import { takeExpectedNumber } from './codes.js';
import { numberingOf, splitCodedItems, startsWithCode, TWO_DIGIT_CODES, type CodeFormat, type CodedItem, type CodeNumbering } from './coded-items.js';
import { continuePlain, continueRow, type ContinuedRow } from './page-breaks.js';
import { parseLevel } from './levels.js';
import { SourcedText, type SourceDocument } from './source.js';
import { usedCellCount, type Row } from './table-rows.js';

const COLUMNS = ['主要職責', '工作任務', '工作產出', '行為指標', '職能級別', '職能內涵(K)', '職能內涵(S)'] as const;
const RESPONSIBILITY = 0;
const TASK = 1;
const OUTPUTS = 2;
const INDICATORS = 3;
const LEVEL = 4;
const KNOWLEDGE = 5;
const SKILLS = 6;

const OUTPUT_CODE: CodeFormat = { letter: 'O', parts: 3 };
const INDICATOR_CODE: CodeFormat = { letter: 'P', parts: 3 };
const KNOWLEDGE_CODE: CodeFormat = { letter: 'K', parts: 1 };
const SKILL_CODE: CodeFormat = { letter: 'S', parts: 1 };

/** Which code starts a new item in each column, for continuations after a page break. */
const ITEM_CODES: Partial<Record<number, CodeFormat>> = {
  [OUTPUTS]: OUTPUT_CODE,
  [INDICATORS]: INDICATOR_CODE,
  [KNOWLEDGE]: KNOWLEDGE_CODE,
  [SKILLS]: SKILL_CODE,
};

const RESPONSIBILITY_CODE = /^T\s*(\d+)(?!\s*[.．]\s*\d)/i;
const TASK_CODE = /^T\s*(\d+)\s*[.．]\s*(\d+)/i;
/** A separator written between a code and its name (`T1：`, `T1.1 `). */
const AFTER_CODE = /^\s*(?:[:：、]|[.．](?=\s))?\s*/;

interface TaskDraft extends ContinuedRow {
  code: string;
  numbers: [number, number];
}

interface ResponsibilityDraft {
  code: string;
  number: number;
  line: number;
  name: SourcedText;
  tasks: TaskDraft[];
}

export interface StandardTable {
  responsibilities: Responsibility[];
  knowledge: CodedName[];
  skills: CodedName[];
}

function textAfter(cell: SourcedText, codeLength: number): SourcedText {
  const rest = cell.text.slice(codeLength);
  return cell.slice(codeLength + (AFTER_CODE.exec(rest)?.[0].length ?? 0));
}

/** Groups the physical rows into responsibilities and tasks, joining the parts cut by page breaks. */
function draftTable(rows: readonly Row[], doc: SourceDocument): ResponsibilityDraft[] {
  const responsibilities: ResponsibilityDraft[] = [];
  let task: TaskDraft | undefined;
  for (const row of rows) {
    const used = usedCellCount(row.cells);
    if (used > COLUMNS.length || row.cells.length < COLUMNS.length) {
      doc.fail(row.line, 'table row', `${COLUMNS.length} cells (${COLUMNS.join(', ')}); found ${Math.max(used, row.cells.length)}`);
    }
    const cells = row.cells.slice(0, COLUMNS.length).map((cell) => SourcedText.of(cell, row.line));
    const first = cells[RESPONSIBILITY]!;
    const current = responsibilities[responsibilities.length - 1];

    if (/^T\s*\d+\s*[.．]\s*\d/i.test(first.text)) {
      doc.fail(row.line, '主要職責', `a responsibility code such as T1 in the first column; found task code "${first.text}"`);
    }
    const responsibilityMatch = RESPONSIBILITY_CODE.exec(first.text);
    let responsibility = current;
    if (responsibilityMatch) {
      const expected = (current?.number ?? 0) + 1;
      const digits = takeExpectedNumber(responsibilityMatch[1]!, expected);
      const number = Number(digits);
      const code = `T${number}`;
      const duplicate = responsibilities.find((r) => r.code === code);
      if (duplicate) doc.fail(row.line, '主要職責', `each responsibility once; ${code} is also on line ${duplicate.line}`);
      const codeLength = responsibilityMatch[0].length - (responsibilityMatch[1]!.length - digits.length);
      responsibility = { code, number, line: row.line, name: textAfter(first, codeLength), tasks: [] };
      responsibilities.push(responsibility);
      task = undefined;
    } else if (first.text !== '') {
      // The rest of a responsibility name cut by a page break (the cell spans its tasks' rows).
      if (!current) doc.fail(row.line, '主要職責', `a responsibility code such as T1; found "${first.text}"`);
      current.name = continuePlain(current.name, first, () => false);
    }

    const taskCell = cells[TASK]!;
    const taskMatch = TASK_CODE.exec(taskCell.text);
    if (taskMatch) {
      if (!responsibility) doc.fail(row.line, '工作任務', 'a responsibility (T1 …) before the first task');
      const last = responsibility.tasks[responsibility.tasks.length - 1];
      const digits = takeExpectedNumber(taskMatch[2]!, (last?.numbers[1] ?? 0) + 1);
      const numbers: [number, number] = [Number(taskMatch[1]), Number(digits)];
      const code = `T${numbers[0]}.${numbers[1]}`;
      if (numbers[0] !== responsibility.number) {
        doc.fail(row.line, '工作任務', `a task of responsibility ${responsibility.code} (T${responsibility.number}.n); found ${code}`);
      }
      const duplicate = responsibility.tasks.find((t) => t.code === code);
      if (duplicate) doc.fail(row.line, '工作任務', `each task once; ${code} is also on line ${duplicate.line}`);
      const codeLength = taskMatch[0].length - (taskMatch[2]!.length - digits.length);
      cells[TASK] = textAfter(taskCell, codeLength);
      task = { code, numbers, line: row.line, cells };
      responsibility.tasks.push(task);
      continue;
    }

    const rest = row.cells.slice(TASK, COLUMNS.length);
    if (responsibilityMatch) {
      if (rest.some((cell) => cell !== '')) {
        doc.fail(row.line, '工作任務', `a task code such as ${responsibility!.code}.1 in the row that starts ${responsibility!.code}`);
      }
      continue;
    }
    if (rest.every((cell) => cell === '')) continue;
    if (!task) doc.fail(row.line, '工作任務', 'a task code such as T1.1 (this row continues no task)');
    // The rest of the task's row, cut by a page break.
    continueRow(task, { line: row.line, cells: ['', ...rest] }, (column, text) => {
      const format = ITEM_CODES[column];
      return format !== undefined && startsWithCode(text, format);
    });
  }
  return responsibilities;
}

interface Definitions {
  names: Map<string, { name: string; line: number }>;
  /** The first task that refers to each code, to report a code that is never named. */
  references: Map<string, { task: string; line: number }>;
}

function codedItems(cell: SourcedText, format: CodeFormat, column: number, doc: SourceDocument, numbering = TWO_DIGIT_CODES): CodedItem[] {
  const split = splitCodedItems(cell.text, format, numbering);
  const field = COLUMNS[column]!;
  if (split.leading !== '') {
    const example = format.parts === 1 ? `${format.letter}01` : `${format.letter}1.1.1`;
    doc.fail(cell.line, field, `items that start with their code (${example} …); found "${split.leading}"`);
  }
  if (split.semicolons) doc.warnOnce('ITEM_SEPARATOR', cell.line, field, `items separated by "；"; the separator is not part of their text`);
  if (split.unpadded.length > 0) {
    const [first] = split.unpadded;
    doc.warnOnce('CODE_WIDTH', cell.line, field, `${first} read as ${format.letter}${first!.slice(1).padStart(numbering.width, '0')}: codes with and without leading zeros are one numbering`);
  }
  for (const cut of split.cutRuns) {
    doc.warnOnce('CODE_DIGITS', cell.line, field, `${cut.run}… read as ${cut.code} followed by a name that starts with "${cut.run.slice(cut.code.length)}"`, cut.code);
  }
  if (format.parts === 1) {
    for (const item of split.items) {
      if (numbering.width === 3) {
        doc.warnOnce('CODE_DIGITS', cell.line, field, `${format.letter} codes read with three digits (${item.code} …), as the document numbers them`);
      } else if (item.code.length > 3) {
        doc.warnOnce('CODE_DIGITS', cell.line, field, `${item.code} read as a three-digit code, not ${item.code.slice(0, 3)} and a name that starts with "${item.code.slice(3)}"`, item.code);
      }
    }
  }
  return split.items;
}

/** Outputs and indicators: numbered inside their task (`O1.2.1`, `P1.2.3`). */
function taskItems(task: TaskDraft, column: number, format: CodeFormat, doc: SourceDocument): CodedName[] {
  const cell = task.cells[column]!;
  const seen = new Set<string>();
  return codedItems(cell, format, column, doc).map((item) => {
    const line = cell.lineAt(item.offset);
    const [r, t] = item.numbers;
    if (r !== task.numbers[0] || t !== task.numbers[1]) {
      doc.fail(line, COLUMNS[column]!, `codes of task ${task.code} (${format.letter}${task.numbers.join('.')}.n); found ${item.code}`);
    }
    if (seen.has(item.code)) doc.fail(line, COLUMNS[column]!, `each code once in task ${task.code}; ${item.code} repeats`);
    seen.add(item.code);
    if (item.text === '') doc.fail(line, COLUMNS[column]!, `a text after ${item.code}`);
    return { code: item.code, name: item.text };
  });
}

/** K and S codes: document-level, each named once and referred to by many tasks. */
function competencyCodes(
  task: TaskDraft,
  column: number,
  format: CodeFormat,
  definitions: Definitions,
  numbering: CodeNumbering,
  doc: SourceDocument,
): string[] {
  const cell = task.cells[column]!;
  const codes: string[] = [];
  for (const item of codedItems(cell, format, column, doc, numbering)) {
    const line = cell.lineAt(item.offset);
    if (item.text !== '') {
      const known = definitions.names.get(item.code);
      if (!known) {
        definitions.names.set(item.code, { name: item.text, line });
      } else if (known.name.replace(/\s+/g, '') !== item.text.replace(/\s+/g, '')) {
        doc.fail(line, COLUMNS[column]!, `one name for ${item.code}; it is "${known.name}" on line ${known.line} and "${item.text}" here`);
      }
    }
    if (!definitions.references.has(item.code)) definitions.references.set(item.code, { task: task.code, line });
    if (!codes.includes(item.code)) codes.push(item.code);
  }
  return codes;
}

function sortedDefinitions(definitions: Definitions, column: number, doc: SourceDocument): CodedName[] {
  for (const [code, reference] of definitions.references) {
    if (!definitions.names.has(code)) {
      doc.fail(reference.line, COLUMNS[column]!, `a name for ${code}: task ${reference.task} refers to it, but no row names it`);
    }
  }
  return [...definitions.names]
    .map(([code, { name }]) => ({ code, name }))
    .sort((a, b) => Number(a.code.slice(1)) - Number(b.code.slice(1)));
}

/**
 * The main table. `documentLevel` (基準級別) is the level of a task whose 職能級別 cell is empty: the
 * cell is left empty when the task is at the document's level.
 */
export function parseStandardTable(rows: readonly Row[], headerLine: number, documentLevel: number, doc: SourceDocument): StandardTable {
  const drafts = draftTable(rows, doc);
  if (drafts.length === 0) doc.fail(headerLine, '主要職責', 'rows of responsibilities and tasks under the table header');
  const knowledge: Definitions = { names: new Map(), references: new Map() };
  const skills: Definitions = { names: new Map(), references: new Map() };
  const allTasks = drafts.flatMap((draft) => draft.tasks);
  const knowledgeNumbering = numberingOf(allTasks.map((task) => task.cells[KNOWLEDGE]!.text), 'K');
  const skillNumbering = numberingOf(allTasks.map((task) => task.cells[SKILLS]!.text), 'S');

  const responsibilities = drafts.map((draft): Responsibility => {
    const name = draft.name.text.trim();
    if (name === '') doc.fail(draft.line, '主要職責', `a name after ${draft.code}`);
    if (draft.tasks.length === 0) doc.fail(draft.line, '工作任務', `at least one task under ${draft.code}`);
    const tasks = draft.tasks.map((task): StandardTask => {
      const taskName = task.cells[TASK]!.text.trim();
      if (taskName === '') doc.fail(task.line, '工作任務', `a name after ${task.code}`);
      const indicators = taskItems(task, INDICATORS, INDICATOR_CODE, doc).map(
        (item): Indicator => ({ code: item.code, text: item.name, terms: [] }),
      );
      if (indicators.length === 0) doc.fail(task.line, '行為指標', `at least one indicator (P${task.numbers.join('.')}.1 …) for ${task.code}`);
      const levelCell = task.cells[LEVEL]!;
      let level = parseLevel(levelCell.text);
      if (levelCell.text === '') {
        level = documentLevel;
        doc.warn('LEVEL_INHERITED', task.line, '職能級別', `no 職能級別 for ${task.code}; read as the document's 基準級別 ${documentLevel}`);
      }
      if (level === undefined) doc.fail(levelCell.line, '職能級別', `a level from 1 to 6 for ${task.code}; found "${levelCell.text}"`);
      return {
        code: task.code,
        name: taskName,
        level,
        outputs: taskItems(task, OUTPUTS, OUTPUT_CODE, doc),
        indicators,
        knowledgeCodes: competencyCodes(task, KNOWLEDGE, KNOWLEDGE_CODE, knowledge, knowledgeNumbering, doc),
        skillCodes: competencyCodes(task, SKILLS, SKILL_CODE, skills, skillNumbering, doc),
      };
    });
    return { code: draft.code, name, tasks };
  });

  return {
    responsibilities,
    knowledge: sortedDefinitions(knowledge, KNOWLEDGE, doc),
    skills: sortedDefinitions(skills, SKILLS, doc),
  };
}
