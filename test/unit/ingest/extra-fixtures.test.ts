// Documents written for these tests in the two published formats, exercising what the seeds do not,
// and the encodings and line endings documents arrive in.

import { describe, expect, it } from 'vitest';
import type { ParsedStandard, ParsedUnit } from '../../../src/ingest/document.js';
import { parseDocument, ParseError } from '../../../src/ingest/icap/index.js';
import { encodeBig5, encodeUtf16 } from '../../fixtures/icap/encoders.js';
import { readFixture, readSeed } from '../../fixtures/icap/files.js';
import { STANDARD_FIXTURE_FILE, standardBHR2422_003v1 } from '../../fixtures/icap/standard-BHR2422-003v1.expected.js';
import { UNIT_FIXTURE_FILE, unitBHR4A0210v1 } from '../../fixtures/icap/unit-BHR4A0210v1.expected.js';

const standardText = readFixture(STANDARD_FIXTURE_FILE);
const unitText = readFixture(UNIT_FIXTURE_FILE);

describe('standard fixture BHR2422-003v1', () => {
  const parsed = parseDocument(standardText, STANDARD_FIXTURE_FILE) as ParsedStandard;
  const tasks = parsed.responsibilities.flatMap((r) => r.tasks);
  const task = (code: string) => tasks.find((t) => t.code === code)!;

  it('parses to the hand-written document', () => {
    expect(parsed).toEqual(standardBHR2422_003v1);
  });

  it('reads a document with a single version', () => {
    expect(parsed.versions).toEqual([
      { version: 1, code: 'BHR2422-003v1', name: '招募任用專員', status: 'CURRENT', note: '新發展職能基準', date: '2024-06-30' },
    ]);
  });

  it('normalises a code written in full-width characters', () => {
    expect(parsed.code).toBe('BHR2422-003v1');
    expect(parsed.baseCode).toBe('BHR2422-003');
  });

  it('reads several occupations and industries from one field', () => {
    expect(parsed.occupations.map((o) => o.code)).toEqual(['2422', '2421']);
    expect(parsed.industries).toEqual([
      { code: 'M702', name: '管理顧問業', parentName: '專業、科學及技術服務業' },
      { code: 'N78', name: '就業服務業', parentName: '支援服務業' },
    ]);
  });

  it('rejoins a 主要職責 name cut by a page break', () => {
    expect(parsed.responsibilities.map((r) => r.name)).toEqual(['分析人力需求', '規劃及執行人才招募', '甄選與任用人才']);
    expect(parsed.responsibilities[1]?.tasks.map((t) => t.code)).toEqual(['T2.1', 'T2.2']);
  });

  it('rejoins a 行為指標 cut mid-sentence and keeps the indicator after it', () => {
    expect(task('T1.2').indicators.map((i) => i.text)).toEqual([
      '與用人主管討論職缺的工作內容、資格條件及到職時程。',
      '依據職缺需求，擬定招募管道、預算與時程。',
      '將招募需求單送交權責主管核定。',
    ]);
    expect(task('T1.2').skillCodes).toEqual(['S03', 'S04']);
  });

  it('rejoins a K name cut by a page break and adds the K code after it', () => {
    expect(task('T3.2').knowledgeCodes).toEqual(['K05', 'K08']);
    expect(parsed.knowledge.find((k) => k.code === 'K05')?.name).toBe('勞動基準法及性別工作平等法');
  });

  it('reads several outputs in one task, and tasks without outputs', () => {
    expect(task('T1.1').outputs.map((o) => o.code)).toEqual(['O1.1.1', 'O1.1.2']);
    expect(task('T2.2').outputs).toEqual([
      { code: 'O2.2.1', name: '職缺廣告' },
      { code: 'O2.2.2', name: '徵才活動紀錄' },
    ]);
    expect(task('T2.1').outputs).toEqual([]);
    expect(task('T3.2').outputs).toEqual([]);
  });

  it('reads the level of each task', () => {
    expect(tasks.map((t) => [t.code, t.level])).toEqual([
      ['T1.1', 3],
      ['T1.2', 4],
      ['T2.1', 3],
      ['T2.2', 3],
      ['T3.1', 4],
      ['T3.2', 3],
    ]);
  });

  it('tolerates a stray space inside a code (S 02)', () => {
    expect(task('T1.1').skillCodes).toEqual(['S01', 'S02']);
  });
});

describe('unit fixture BHR4A0210v1', () => {
  const parsed = parseDocument(unitText, UNIT_FIXTURE_FILE) as ParsedUnit;

  it('parses to the hand-written document', () => {
    expect(parsed).toEqual(unitBHR4A0210v1);
  });

  it('numbers items past ten (十、 十一、)', () => {
    expect(parsed.knowledge).toHaveLength(11);
    expect(parsed.knowledge[10]).toEqual({ code: 'K11', name: '簡報與表達技巧', notes: [] });
    expect(parsed.skills[9]).toEqual({ code: 'S10', name: '回饋技巧', notes: [5] });
  });

  it('rejoins an indicator cut inside its list item', () => {
    expect(parsed.tasks[0]?.indicators[1]).toEqual({ code: 'P1.2', text: '依據訓練需求調查結果，排定年度課程優先順序。', terms: [] });
    expect(parsed.tasks[0]?.indicators).toHaveLength(3);
  });

  it('rejoins a note cut mid-sentence', () => {
    expect(parsed.notes[2]?.text).toBe('評估模式可能包括：反應層次評估、學習層次評估、行為層次評估及成果層次評估。');
    expect(parsed.notes[2]?.examples).toEqual(['反應層次評估', '學習層次評估', '行為層次評估', '成果層次評估']);
  });

  it('splits 以及 and drops a final 等 in note examples', () => {
    expect(parsed.notes[4]?.examples).toEqual(['具體描述行為', '說明行為的影響', '共同擬定改善方向']);
    expect(parsed.notes[1]?.examples).toEqual(['課堂講授', '線上學習', '工作教導', '輪調', '專案指派']);
  });

  it('reads the assessment written as HTML lists', () => {
    expect(parsed.assessment.methods).toEqual(['書面報告。', '口頭詢問。', '實作觀察。']);
  });
});

describe('line endings and encodings', () => {
  const documents = [
    { name: 'seed standard', text: readSeed('standard-BLM2421-007v4.txt') },
    { name: 'seed unit', text: readSeed('unit-BGM5R0167v2.txt') },
    { name: 'standard fixture', text: standardText },
    { name: 'unit fixture', text: unitText },
  ];

  for (const { name, text } of documents) {
    const expected = parseDocument(text, name);
    const crlf = text.replace(/\n/g, '\r\n');

    it(`${name}: CRLF line endings with a BOM, as a string and as bytes`, () => {
      expect(parseDocument(`\uFEFF${crlf}`, name)).toEqual(expected);
      expect(parseDocument(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(crlf)]), name)).toEqual(expected);
    });

    it(`${name}: UTF-16LE and UTF-16BE, with and without a BOM`, () => {
      expect(parseDocument(encodeUtf16(crlf, 'le', true), name)).toEqual(expected);
      expect(parseDocument(encodeUtf16(text, 'be', true), name)).toEqual(expected);
      expect(parseDocument(encodeUtf16(text, 'le'), name)).toEqual(expected);
      expect(parseDocument(encodeUtf16(crlf, 'be'), name)).toEqual(expected);
    });
  }

  for (const { name, text } of documents.filter((d) => !d.name.startsWith('standard fixture'))) {
    it(`${name}: Big5`, () => {
      expect(parseDocument(encodeBig5(text), name)).toEqual(parseDocument(text, name));
    });
  }

  it('standard fixture: Big5 once its full-width code is written in ASCII', () => {
    // Big5 has full-width letters and digits; the code is still written in ASCII here to keep one
    // fixture per concern.
    const ascii = standardText.replace('ＢＨＲ２４２２－００３ｖ１', 'BHR2422-003v1');
    expect(parseDocument(encodeBig5(ascii), 'x')).toEqual(standardBHR2422_003v1);
  });

  it('keeps line numbers of the original text in errors after CRLF', () => {
    const broken = readSeed('standard-BLM2421-007v4.txt').replace('\t4\tK03成本計算 K04', '\t9\tK03成本計算 K04').replace(/\n/g, '\r\n');
    expect(() => parseDocument(broken, 'crlf.txt')).toThrow(expect.objectContaining({ line: 26, field: '職能級別' }));
  });

  it('refuses bytes that are valid in none of the encodings, naming the field encoding', () => {
    const bytes = new Uint8Array([0x80, 0x80, 0xff, 0x41, 0x0a, 0xfe]);
    const error = catchError(() => parseDocument(bytes, 'garbage.bin'));
    expect(error).toBeInstanceOf(ParseError);
    expect(error).toMatchObject({ document: 'garbage.bin', line: 0, field: 'encoding' });
  });

  it('names a simplified-Chinese encoding it found instead of decoding it', () => {
    const gbk = Uint8Array.from([
      // 职能单元代码 in GBK, then a tab and a code.
      0xd6, 0xb0, 0xc4, 0xdc, 0xb5, 0xa5, 0xd4, 0xaa, 0xb4, 0xfa, 0xc2, 0xeb, 0x09, 0x42, 0x47, 0x4d, 0x0a,
    ]);
    const error = catchError(() => parseDocument(gbk, 'gbk.txt'));
    expect(error).toMatchObject({ field: 'encoding' });
    expect((error as ParseError).expected).toMatch(/GB18030/);
  });

  it('refuses UTF-16 that is cut in the middle of a surrogate pair', () => {
    const bytes = Uint8Array.from([0xff, 0xfe, 0x3d, 0xd8, 0x41, 0x00]);
    expect(catchError(() => parseDocument(bytes, 'bad16.txt'))).toMatchObject({ field: 'encoding', expected: expect.stringMatching(/UTF-16LE/) });
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
