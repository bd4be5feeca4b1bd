// Property-based tests: whatever the input (random text, seeds with lines deleted, duplicated,
// truncated or shuffled, random bytes), parsing either returns a ParsedDocument that is consistent
// with itself or throws a ParseError that points into the document. Never anything else.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParsedDocument } from '../../../src/ingest/document.js';
import { parseDocument, ParseError } from '../../../src/ingest/icap/index.js';
import { encodeBig5, encodeUtf16 } from '../../fixtures/icap/encoders.js';
import { readFixture, readSeed } from '../../fixtures/icap/files.js';

const DOCUMENTS = [
  readSeed('standard-BLM2421-007v4.txt'),
  readSeed('unit-BGM5R0167v2.txt'),
  readFixture('standard-BHR2422-003v1.txt'),
  readFixture('unit-BHR4A0210v1.txt'),
];

/** Pieces of both formats, so that random text reaches deep into the parsers. */
const TOKENS = [
  '\t', '\n', '\r\n', ' ', '  ', '', '#### ', '- ', '  - ',
  '版本', '職能基準代碼', '職能基準名稱 ( 擇一填寫 )', '職類', '職業', '所屬 類別', '職類別', '職業別', '行業別',
  '職類別代碼', '職業別代碼', '行業別代碼', '工作描述', '基準級別', '主要職責', '工作任務', '工作產出', '行為指標',
  '職能級別', '職能內涵 ( K=knowledge 知識 )', '職能內涵 ( S=skills 技能 )', '職能內涵 ( A=attitude 態度 )',
  '說明與補充事項', '建議擔任此職類/職業之學歷/經歷/或能力條件：', '其他補充說明：', '最新版本', '歷史版本',
  'V1', 'V2', 'BLM2421-007v1', 'BLM2421-007v2', 'BLM', '2421', 'M7010', '企業經營管理 / 運籌管理', '；', '、', '/',
  'T1', 'T2', 'T1.1', 'T1.2', 'T2.1', 'O1.1.1', 'P1.1.1', 'P1.1.2', 'P1.2.1', 'K01', 'K02', 'K99', 'S01', 'S02',
  'A01', '：', '，', '。', '1', '4', '7', '2020/01/01', '名稱', '分析能力',
  '職能單元代碼', '職能單元名稱', '領域類別', '職能單元級別', '工作任務與行為指標', '評量設計參考', '更新紀錄',
  'BGM5R0167v2', '<p>', '</p>', '<ol>', '</ol>', '<li>', '</li>', '<u>', '</u>', '<b>', '</b>', '<', '>',
  '一、', '二、', '三、', '十一、', '1. ', '2. ', '3. ', '【註1】', '【註2】', '【註', '可能包括：', '及', '與', '的',
  '\uFEFF', '\u3000', 'Ｋ０１', '&nbsp;', '&#0;', '--\t---',
];

const tokenText = fc.array(fc.constantFrom(...TOKENS), { maxLength: 300 }).map((tokens) => tokens.join(''));

type Mutation =
  | { kind: 'delete' | 'duplicate' | 'swapNext' | 'blank'; at: number }
  | { kind: 'truncate'; at: number; keep: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'dropTab' | 'addTab'; at: number; position: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete', 'duplicate', 'swapNext', 'blank'), at: fc.nat() }),
  fc.record({ kind: fc.constant('truncate'), at: fc.nat(), keep: fc.nat() }),
  fc.record({ kind: fc.constant('insert'), at: fc.nat(), text: fc.oneof(tokenText, fc.string({ unit: 'binary', maxLength: 40 })) }),
  fc.record({ kind: fc.constantFrom('dropTab', 'addTab'), at: fc.nat(), position: fc.nat() }),
) as fc.Arbitrary<Mutation>;

function mutate(text: string, mutations: readonly Mutation[]): string {
  const lines = text.split('\n');
  for (const m of mutations) {
    if (lines.length === 0) break;
    const i = m.at % lines.length;
    const line = lines[i]!;
    switch (m.kind) {
      case 'delete':
        lines.splice(i, 1);
        break;
      case 'duplicate':
        lines.splice(i, 0, line);
        break;
      case 'swapNext':
        if (i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1]!, line];
        break;
      case 'blank':
        lines[i] = '';
        break;
      case 'truncate':
        lines[i] = line.slice(0, m.keep % (line.length + 1));
        break;
      case 'insert':
        lines.splice(i, 0, ...m.text.split('\n'));
        break;
      case 'dropTab': {
        const tabs = [...line.matchAll(/\t/g)].map((match) => match.index);
        const tab = tabs[m.position % Math.max(1, tabs.length)];
        if (tab !== undefined) lines[i] = line.slice(0, tab) + line.slice(tab + 1);
        break;
      }
      case 'addTab': {
        const at = m.position % (line.length + 1);
        lines[i] = `${line.slice(0, at)}\t${line.slice(at)}`;
        break;
      }
    }
  }
  return lines.join('\n');
}

const mutatedDocument = fc
  .tuple(fc.constantFrom(...DOCUMENTS), fc.array(mutation, { minLength: 1, maxLength: 8 }))
  .map(([text, mutations]) => mutate(text, mutations));

/** Facts every parsed document must satisfy, whatever text it came from. */
function checkConsistent(parsed: ParsedDocument): void {
  expect(['STANDARD', 'UNIT']).toContain(parsed.kind);
  expect(parsed.code.startsWith(parsed.baseCode)).toBe(true);
  expect(parsed.level).toBeGreaterThanOrEqual(1);
  expect(parsed.level).toBeLessThanOrEqual(6);
  if (parsed.kind === 'STANDARD') {
    const knowledge = new Set(parsed.knowledge.map((k) => k.code));
    const skills = new Set(parsed.skills.map((s) => s.code));
    expect(knowledge.size).toBe(parsed.knowledge.length);
    for (const responsibility of parsed.responsibilities) {
      expect(responsibility.tasks.length).toBeGreaterThan(0);
      for (const task of responsibility.tasks) {
        expect(task.code.startsWith(`${responsibility.code}.`)).toBe(true);
        expect(task.level).toBeGreaterThanOrEqual(1);
        expect(task.level).toBeLessThanOrEqual(6);
        expect(task.indicators.length).toBeGreaterThan(0);
        for (const code of task.knowledgeCodes) expect(knowledge.has(code)).toBe(true);
        for (const code of task.skillCodes) expect(skills.has(code)).toBe(true);
        for (const item of [...task.indicators.map((i) => i.text), ...task.outputs.map((o) => o.name), task.name]) {
          expect(item).not.toMatch(/^\s|\s$|[\t\n]/);
          expect(item).not.toBe('');
        }
      }
    }
    expect(parsed.versions.some((v) => v.code === parsed.code)).toBe(true);
  } else {
    const notes = new Set(parsed.notes.map((n) => n.number));
    for (const task of parsed.tasks) {
      for (const indicator of task.indicators) {
        // (Whether tags are gone is for the golden tests: in mangled HTML such as `<</u>/u>`, removing
        // the one real tag leaves characters that only look like one.)
        expect(indicator.text).not.toMatch(/^\s|\s$|[\t\n]/);
        expect(indicator.text).not.toBe('');
        for (const ref of indicator.terms) expect(notes.has(ref.note)).toBe(true);
      }
    }
    for (const item of [...parsed.knowledge, ...parsed.skills]) {
      expect(item.name).not.toBe('');
      for (const note of item.notes) expect(notes.has(note)).toBe(true);
    }
  }
}

/** Parses and checks the outcome: a consistent document, or a ParseError that points into the text. */
function outcome(input: string | Uint8Array, lineCount?: number): 'parsed' | 'refused' {
  let parsed: ParsedDocument;
  try {
    parsed = parseDocument(input, 'random.txt');
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    expect(error.document).toBe('random.txt');
    expect(Number.isInteger(error.line)).toBe(true);
    expect(error.line).toBeGreaterThanOrEqual(0);
    if (lineCount !== undefined) expect(error.line).toBeLessThanOrEqual(lineCount);
    expect(error.field).not.toBe('');
    expect(error.expected).not.toBe('');
    return 'refused';
  }
  checkConsistent(parsed);
  return 'parsed';
}

/** Generous: the properties run thousands of parses, and CI machines are shared. */
const TIMEOUT = 120_000;

const lineCount = (text: string): number => text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).length;

describe('parseDocument never throws anything but ParseError', () => {
  it('on random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (text) => {
        outcome(text, lineCount(text));
      }),
      { numRuns: 300 },
    );
  }, TIMEOUT);

  it('on random arrangements of the formats’ own labels, codes and tags', () => {
    fc.assert(
      fc.property(tokenText, (text) => {
        outcome(text, lineCount(text));
      }),
      { numRuns: 1000 },
    );
  }, TIMEOUT);

  it('on documents with lines deleted, duplicated, truncated, swapped, inserted or re-tabbed', () => {
    let parsed = 0;
    fc.assert(
      fc.property(mutatedDocument, (text) => {
        if (outcome(text, lineCount(text)) === 'parsed') parsed += 1;
      }),
      { numRuns: 1500 },
    );
    // Many small mutations leave a valid document: the parser must not refuse everything.
    expect(parsed).toBeGreaterThan(0);
  }, TIMEOUT);

  it('on documents mutated inside their lines', () => {
    const edit = fc.record({ at: fc.nat(), length: fc.nat({ max: 12 }), text: fc.oneof(tokenText, fc.string({ maxLength: 6 })) });
    fc.assert(
      fc.property(fc.constantFrom(...DOCUMENTS), fc.array(edit, { minLength: 1, maxLength: 5 }), (document, edits) => {
        let text = document;
        for (const { at, length, text: replacement } of edits) {
          const start = at % (text.length + 1);
          text = text.slice(0, start) + replacement + text.slice(start + length);
        }
        outcome(text, lineCount(text));
      }),
      { numRuns: 1500 },
    );
  }, TIMEOUT);

  it('on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
        outcome(bytes);
      }),
      { numRuns: 500 },
    );
  }, TIMEOUT);

  it('on encoded documents with bytes flipped or cut off', () => {
    const encodings = [
      (text: string) => new TextEncoder().encode(text),
      (text: string) => encodeUtf16(text, 'le', true),
      (text: string) => encodeUtf16(text, 'be'),
      (text: string) => encodeBig5(text),
    ];
    const encoded = [DOCUMENTS[0]!, DOCUMENTS[1]!, DOCUMENTS[3]!].flatMap((text) => encodings.map((encode) => encode(text)));
    const flip = fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) });
    fc.assert(
      fc.property(fc.constantFrom(...encoded), fc.array(flip, { maxLength: 6 }), fc.nat(), (original, flips, cut) => {
        const bytes = original.slice(0, original.length - (cut % 8));
        for (const { at, value } of flips) bytes[at % bytes.length] = value;
        outcome(bytes);
      }),
      { numRuns: 800 },
    );
  }, TIMEOUT);
});
