// Malformed documents: each gets a ParseError naming the document, the line (1-based, in the
// original text), the field or column, and what was expected there.

import { describe, expect, it } from 'vitest';
import { parseDocument, ParseError } from '../../../src/ingest/icap/index.js';
import { readSeed } from '../../fixtures/icap/files.js';

const STANDARD = readSeed('standard-BLM2421-007v4.txt');
const UNIT = readSeed('unit-BGM5R0167v2.txt');

/** The text with line `number` (1-based) replaced by what `edit` makes of it. */
function editLine(text: string, number: number, edit: (line: string) => string): string {
  const lines = text.split('\n');
  lines[number - 1] = edit(lines[number - 1]!);
  return lines.join('\n');
}

/** The text with cell `column` (0-based) of line `number` replaced. */
function editCell(text: string, number: number, column: number, edit: (cell: string) => string): string {
  return editLine(text, number, (line) => {
    const cells = line.split('\t');
    cells[column] = edit(cells[column]!);
    return cells.join('\t');
  });
}

function deleteLine(text: string, number: number): string {
  return text.split('\n').filter((_, i) => i !== number - 1).join('\n');
}

function parseError(text: string | Uint8Array, name = 'broken.txt'): ParseError {
  try {
    parseDocument(text, name);
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error('expected a ParseError, but the document parsed');
}

describe('ParseError', () => {
  it('names the document, line and field in its message', () => {
    const error = parseError(editCell(STANDARD, 33, 4, () => '7'), 'standard-BLM2421-007v4.txt');
    expect(error.message).toBe(`standard-BLM2421-007v4.txt:33 [職能級別] ${error.expected}`);
    expect(error.name).toBe('ParseError');
  });

  it('refuses text that is neither format', () => {
    expect(parseError('hello\nworld\n')).toMatchObject({ document: 'broken.txt', line: 0, field: 'format' });
    expect(parseError('')).toMatchObject({ line: 0, field: 'format' });
  });
});

describe('standard', () => {
  it.each([
    {
      problem: 'a missing 職能基準代碼 row',
      text: deleteLine(STANDARD, 11),
      line: 0,
      field: '職能基準代碼',
    },
    {
      problem: 'a task code that does not belong to its responsibility',
      text: editCell(STANDARD, 25, 1, (cell) => cell.replace('T1.2', 'T2.2')),
      line: 25,
      field: '工作任務',
      expected: /T1\b.*T2\.2/,
    },
    {
      problem: 'a task that refers to K99, which no row names',
      text: editCell(STANDARD, 37, 5, (cell) => `${cell} K99`),
      line: 37,
      field: '職能內涵(K)',
      expected: /K99/,
    },
    {
      problem: 'an undefined code in a row continued after a page break',
      text: editCell(STANDARD, 31, 6, (cell) => `${cell} S99`),
      line: 31,
      field: '職能內涵(S)',
      expected: /S99/,
    },
    {
      problem: 'a task level outside 1..6',
      text: editCell(STANDARD, 33, 4, () => '7'),
      line: 33,
      field: '職能級別',
      expected: /1 to 6.*"7"/,
    },
    {
      problem: 'a task level that is no level (an empty one inherits 基準級別)',
      text: editCell(STANDARD, 32, 4, () => '高'),
      line: 32,
      field: '職能級別',
    },
    {
      problem: 'a 基準級別 outside 1..6',
      text: editCell(STANDARD, 18, 1, () => '0'),
      line: 18,
      field: '基準級別',
    },
    {
      problem: 'a missing 基準級別 row',
      text: deleteLine(STANDARD, 18),
      line: 0,
      field: '基準級別',
    },
    {
      problem: 'a table row with a cell too few',
      text: editLine(STANDARD, 26, (line) => line.replace('\tO2.1.1', 'O2.1.1')),
      line: 26,
      field: 'table row',
      expected: /7 cells.*found 6/,
    },
    {
      problem: 'a table row with a cell too many',
      text: editLine(STANDARD, 26, (line) => `${line}\tS10額外`),
      line: 26,
      field: 'table row',
      expected: /found 8/,
    },
    {
      problem: 'an indicator code of another task',
      text: editCell(STANDARD, 25, 3, (cell) => cell.replace('P1.2.3', 'P1.3.3')),
      line: 25,
      field: '行為指標',
      expected: /T1\.2.*P1\.3\.3/,
    },
    {
      problem: 'an output code of another task',
      text: editCell(STANDARD, 26, 2, () => 'O2.2.1商業風險評估報告'),
      line: 26,
      field: '工作產出',
    },
    {
      problem: 'indicator text without a code',
      text: editCell(STANDARD, 34, 3, (cell) => `規劃流程。 ${cell}`),
      line: 34,
      field: '行為指標',
      expected: /P1\.1\.1/,
    },
    {
      problem: 'a task without indicators',
      text: editCell(STANDARD, 34, 3, () => ''),
      line: 34,
      field: '行為指標',
    },
    {
      problem: 'two names for one K code',
      text: editCell(STANDARD, 27, 5, (cell) => cell.replace('K03成本計算', 'K03成本估算')),
      line: 27,
      field: '職能內涵(K)',
      expected: /K03.*line 25/,
    },
    {
      problem: 'a responsibility without tasks',
      text: editLine(STANDARD, 37, (line) => `T5新增職責\t\t\t\t\t\t\n${line}`),
      line: 37,
      field: '工作任務',
      expected: /T5/,
    },
    {
      problem: 'a row before the first task that starts no task',
      text: editLine(STANDARD, 21, () => '\t\t\tP1.1.1針對組織的產品或服務。\t4\t\t'),
      line: 21,
      field: '工作任務',
    },
    {
      problem: 'a duplicated task',
      text: editCell(STANDARD, 34, 1, (cell) => cell.replace('T3.3', 'T3.2')),
      line: 34,
      field: '工作任務',
      expected: /line 33/,
    },
    {
      problem: 'an invalid date in the version table',
      text: editCell(STANDARD, 7, 5, () => '2022/13/13'),
      line: 7,
      field: '發展更新日期',
    },
    {
      problem: 'an unknown status in the version table',
      text: editCell(STANDARD, 8, 3, () => '草案'),
      line: 8,
      field: '狀態',
    },
    {
      problem: 'a version row whose code has another version',
      text: editCell(STANDARD, 8, 1, () => 'BLM2421-007v9'),
      line: 8,
      field: '職能基準代碼',
    },
    {
      problem: 'a code the version table does not list',
      text: editCell(STANDARD, 11, 1, () => 'BLM2421-007v5'),
      line: 5,
      field: '版本',
    },
    {
      problem: 'a malformed 職能基準代碼',
      text: editCell(STANDARD, 11, 1, () => 'BLM2421007'),
      line: 11,
      field: '職能基準代碼',
    },
    {
      problem: 'both 職類 and 職業 filled in',
      text: editCell(STANDARD, 12, 2, () => '企業營運'),
      line: 13,
      field: '職能基準名稱',
    },
    {
      problem: 'more industry codes than names',
      text: editCell(STANDARD, 16, 4, () => 'M7010；N78；C08'),
      line: 16,
      field: '行業別',
      expected: /3 行業別 names/,
    },
    {
      problem: 'one industry name for several codes, one of which the classification does not name',
      text: editCell(STANDARD, 16, 4, () => 'M7010；M7020；M7030'),
      line: 16,
      field: '行業別',
      expected: /name for code M7030/,
    },

    {
      problem: 'an industry code of the wrong shape',
      text: editCell(STANDARD, 16, 4, () => '7010'),
      line: 16,
      field: '行業別',
    },
    {
      problem: 'an unknown field',
      text: editLine(STANDARD, 17, (line) => `入門水準\t高中\t\t\t\n${line}`),
      line: 17,
      field: '入門水準',
    },
    {
      problem: 'an unknown heading after the table',
      text: STANDARD.replace('#### 說明與補充事項', '#### 附錄'),
      line: 48,
      field: 'format',
    },
    {
      problem: 'an attitude without its code',
      text: editLine(STANDARD, 43, () => '- 謹慎細心：對於任務的執行過程。'),
      line: 43,
      field: '職能內涵(A)',
    },
  ])('$problem', ({ text, line, field, expected }) => {
    const error = parseError(text);
    expect({ line: error.line, field: error.field }).toEqual({ line, field });
    expect(error.document).toBe('broken.txt');
    expect(error.expected).not.toBe('');
    if (expected) expect(error.expected).toMatch(expected);
  });
});

describe('unit', () => {
  it.each([
    {
      problem: 'a level outside 1..6',
      text: editCell(UNIT, 6, 1, () => '9'),
      line: 6,
      field: '職能單元級別',
    },
    {
      problem: 'a missing 職能單元代碼 row',
      text: deleteLine(UNIT, 3),
      line: 0,
      field: '職能單元代碼',
    },
    {
      problem: 'a code without its version',
      text: editCell(UNIT, 3, 1, () => 'BGM5R0167'),
      line: 3,
      field: '職能單元代碼',
    },
    {
      problem: 'a marker whose note is missing, in a task',
      text: editCell(UNIT, 7, 1, (cell) => cell.replace('評估恢復正常營運所需時間。', '評估恢復正常<u>營運</u>【註12】所需時間。')),
      line: 7,
      field: '工作任務與行為指標',
      expected: /【註12】/,
    },
    {
      problem: 'a marker whose note is missing, in a skill',
      text: editCell(UNIT, 11, 1, (cell) => cell.replace('九、資訊科技技能', '九、 <u>資訊科技技能</u> 【註12】')),
      line: 11,
      field: '職能內涵(S=skills技能)',
    },
    {
      problem: 'a task numbered out of sequence',
      text: editCell(UNIT, 7, 1, (cell) => cell.replace('<p>二、確認業務永續的關鍵功能</p>', '<p>三、確認業務永續的關鍵功能</p>')),
      line: 7,
      field: '工作任務與行為指標',
      expected: /二、.*三、/,
    },
    {
      problem: 'an indicator numbered out of sequence',
      text: editCell(UNIT, 7, 1, (cell) => cell.replace('<li>3. 確認改善項目。</li>', '<li>5. 確認改善項目。</li>')),
      line: 7,
      field: '工作任務與行為指標',
      expected: /3\..*5\./,
    },
    {
      problem: 'a knowledge item numbered out of sequence after the page break',
      text: editCell(UNIT, 10, 1, (cell) => cell.replace('四、組織', '五、組織')),
      line: 10,
      field: '職能內涵(K=knowledge知識)',
      expected: /四、/,
    },
    {
      problem: 'a note given twice',
      text: editCell(UNIT, 15, 1, (cell) => cell.replace('<b>【註4】</b>', '<b>【註3】</b>')),
      line: 15,
      field: '說明與補充事項',
      expected: /【註3】/,
    },
    {
      problem: 'a row with three cells',
      text: editLine(UNIT, 5, (line) => `${line}\t多餘`),
      line: 5,
      field: '領域類別',
    },
    {
      problem: 'an unknown field',
      text: editLine(UNIT, 6, (line) => `${line}\n職能單元類型\t核心`),
      line: 7,
      field: '職能單元類型',
    },
    {
      problem: 'a field given twice',
      text: editLine(UNIT, 4, (line) => `${line}\n${line}`),
      line: 5,
      field: '職能單元名稱',
      expected: /line 4/,
    },
    {
      problem: 'a line of text outside the table',
      text: editLine(UNIT, 12, (line) => `${line}\n這一行沒有欄位`),
      line: 13,
      field: 'format',
    },
    {
      problem: 'a task without indicators',
      text: editCell(UNIT, 7, 1, (cell) => cell.replace(/<ol style="list-style-type: none"> <li>1\. 評估企業持續.*<\/ol>$/, '')),
      line: 7,
      field: '工作任務與行為指標',
      expected: /評估組織績效報告/,
    },
  ])('$problem', ({ text, line, field, expected }) => {
    const error = parseError(text);
    expect({ line: error.line, field: error.field }).toEqual({ line, field });
    if (expected) expect(error.expected).toMatch(expected);
  });
});
