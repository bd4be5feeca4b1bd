// The small rules the parsers are built from: numerals, codes, page-break joins, classification
// fields, coded cells, note examples, input normalisation and format detection.

import { describe, expect, it } from 'vitest';
import { parseVersionedCode, STANDARD_BASE_CODE, UNIT_BASE_CODE } from '../../../src/ingest/icap/codes.js';
import { splitCodedItems } from '../../../src/ingest/icap/coded-items.js';
import { detectFormat } from '../../../src/ingest/icap/index.js';
import { noteExamples, noteSubject } from '../../../src/ingest/icap/note-examples.js';
import { normaliseInput } from '../../../src/ingest/icap/normalise.js';
import { parseChineseNumeral, toChineseNumeral } from '../../../src/ingest/icap/numerals.js';
import { continueHtml, continuePlain, cutSeparator } from '../../../src/ingest/icap/page-breaks.js';
import { SourcedText } from '../../../src/ingest/icap/source.js';
import { parseTaxonomyField, type TaxonomyKind } from '../../../src/ingest/icap/taxonomy-field.js';
import { SEED_TAXONOMY_NAMES } from '../../../src/ingest/icap/taxonomy-names.js';

describe('Chinese numerals', () => {
  it.each([
    ['一', 1],
    ['九', 9],
    ['十', 10],
    ['十一', 11],
    ['二十', 20],
    ['二十一', 21],
    ['九十九', 99],
    ['一百零五', 105],
  ])('%s is %d, and back', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
    expect(toChineseNumeral(value)).toBe(text);
  });

  it.each(['', '一二', '十十', '百十百', '甲', '〇'])('%j is not an item numeral', (text) => {
    expect(parseChineseNumeral(text)).toBeUndefined();
  });
});

describe('versioned codes', () => {
  it('normalises width, spaces and case, keeping the lower-case v', () => {
    expect(parseVersionedCode('ＢＬＭ２４２１－００７ｖ４', STANDARD_BASE_CODE)).toEqual({ code: 'BLM2421-007v4', baseCode: 'BLM2421-007', version: 4 });
    expect(parseVersionedCode(' blm 2421-007 V4 ', STANDARD_BASE_CODE)?.code).toBe('BLM2421-007v4');
    expect(parseVersionedCode('bgm5r0167v2', UNIT_BASE_CODE)).toEqual({ code: 'BGM5R0167v2', baseCode: 'BGM5R0167', version: 2 });
  });

  it('refuses codes without a version or of the wrong shape', () => {
    expect(parseVersionedCode('BLM2421-007', STANDARD_BASE_CODE)).toBeUndefined();
    expect(parseVersionedCode('BGM5R0167v2', STANDARD_BASE_CODE)).toBeUndefined();
    expect(parseVersionedCode('微型企業v4', STANDARD_BASE_CODE)).toBeUndefined();
  });
});

describe('coded cells', () => {
  const K = { letter: 'K', parts: 1 } as const;
  const P = { letter: 'P', parts: 3 } as const;

  it('splits on codes, not on spaces or commas', () => {
    expect(splitCodedItems('K13行業相關法規諮詢和專業服務的來源 K14關於監管，稅務和保險的需求和問題的資訊來源', K).items.map((i) => [i.code, i.text])).toEqual([
      ['K13', '行業相關法規諮詢和專業服務的來源'],
      ['K14', '關於監管，稅務和保險的需求和問題的資訊來源'],
    ]);
    expect(splitCodedItems('P1.2.4從商業機會中評估潛在的 ESG 永續發展。 P1.2.5依據組織。', P).items.map((i) => i.text)).toEqual([
      '從商業機會中評估潛在的 ESG 永續發展。',
      '依據組織。',
    ]);
  });

  it('finds codes written without a space before them only where the sequence expects them', () => {
    expect(splitCodedItems('P1.1.1預測市場變化。P1.1.2分析關係。', P).items.map((i) => i.code)).toEqual(['P1.1.1', 'P1.1.2']);
    expect(splitCodedItems('K02雲端服務K03使用S3儲存', { letter: 'K', parts: 1 }).items.map((i) => i.code)).toEqual(['K02', 'K03']);
    expect(splitCodedItems('S02雲端服務與使用S3儲存', { letter: 'S', parts: 1 }).items).toHaveLength(1);
  });

  it('does not let a code swallow a name that starts with a digit', () => {
    expect(splitCodedItems('S013D列印技術 S025S管理', { letter: 'S', parts: 1 }).items.map((i) => [i.code, i.text])).toEqual([
      ['S01', '3D列印技術'],
      ['S02', '5S管理'],
    ]);
    expect(splitCodedItems('P1.1.13個月內完成盤點。 P1.1.2確認。', P).items.map((i) => [i.code, i.text])).toEqual([
      ['P1.1.1', '3個月內完成盤點。'],
      ['P1.1.2', '確認。'],
    ]);
  });

  it('tolerates stray spaces and separators around codes', () => {
    expect(splitCodedItems('K 01：創新商業模式  K02 組織', K).items.map((i) => [i.code, i.text])).toEqual([
      ['K01', '創新商業模式'],
      ['K02', '組織'],
    ]);
  });

  it('leaves out the separators written between items', () => {
    expect(splitCodedItems('K01創新商業模式、K02組織商業政策，', K).items.map((i) => i.text)).toEqual(['創新商業模式', '組織商業政策']);
  });

  it('reports text before the first code', () => {
    expect(splitCodedItems('說明 K01創新', K).leading).toBe('說明');
  });
});

describe('page-break joins', () => {
  const text = (value: string, line = 1) => SourcedText.of(value, line);

  it('joins cut Chinese without a space, Latin words with one', () => {
    expect(cutSeparator('因應不同利益關係人提', '供適當資訊')).toBe('');
    expect(cutSeparator('評估潛在的', 'ESG 永續')).toBe('');
    expect(cutSeparator('Human Resource', 'Management')).toBe(' ');
  });

  it('starts a new item when the continuation starts with one', () => {
    const joined = continuePlain(text('S05報告撰寫能力'), text('S06創意發展技術', 3), (t) => t.startsWith('S'));
    expect(joined.text).toBe('S05報告撰寫能力 S06創意發展技術');
    expect(joined.lineAt(joined.text.indexOf('S06'))).toBe(3);
    expect(joined.lineAt(0)).toBe(1);
  });

  it('drops the element the page break closed and reopened', () => {
    const joined = continueHtml(text('<p>【註2】…數據的投入、服</p>'), text('<p>務的提供。</p>', 5), () => false);
    expect(joined.text).toBe('<p>【註2】…數據的投入、服務的提供。</p>');
    expect(joined.lineAt(joined.text.indexOf('務'))).toBe(5);
  });

  it('keeps elements apart when the continuation starts an item or the text before it ended a sentence', () => {
    expect(continueHtml(text('<p>三、要求</p>'), text('四、組織'), (t) => t.startsWith('四')).text).toBe('<p>三、要求</p> 四、組織');
    expect(continueHtml(text('<p>結束了。</p>'), text('<p>新的段落</p>'), () => false).text).toBe('<p>結束了。</p> <p>新的段落</p>');
  });
});

describe('classification fields', () => {
  const fail = (expected: string): never => {
    throw new Error(expected);
  };
  const parse = (kind: TaxonomyKind, names: string, codes: string) =>
    parseTaxonomyField(kind, names, codes, { fail, warn: () => undefined, names: SEED_TAXONOMY_NAMES[kind] });

  it('reads a parent name before the slash', () => {
    expect(parse('職類別', '企業經營管理 / 運籌管理', 'BLM')).toEqual([{ code: 'BLM', name: '運籌管理', parentName: '企業經營管理' }]);
    expect(parse('行業別', '專業、科學及技術服務業 / 企業總管理機構及管理顧問業', 'M7010')).toEqual([
      { code: 'M7010', name: '企業總管理機構及管理顧問業', parentName: '專業、科學及技術服務業' },
    ]);
  });

  it('reads several entries separated by ；, 、 or /, using the codes to count them', () => {
    expect(parse('職類別', '企業經營管理 / 運籌管理；企業經營管理 / 一般管理', 'BLM；BGM')).toEqual([
      { code: 'BLM', name: '運籌管理', parentName: '企業經營管理' },
      { code: 'BGM', name: '一般管理', parentName: '企業經營管理' },
    ]);
    expect(parse('職類別', '運籌管理/一般管理', 'BLM/BGM')).toEqual([
      { code: 'BLM', name: '運籌管理' },
      { code: 'BGM', name: '一般管理' },
    ]);
    expect(parse('職類別', '企業經營管理/運籌管理/企業經營管理/一般管理', 'BLM、BGM')).toEqual([
      { code: 'BLM', name: '運籌管理', parentName: '企業經營管理' },
      { code: 'BGM', name: '一般管理', parentName: '企業經營管理' },
    ]);
    expect(parse('職業別', '組織及政策管理專業人員、人事及員工培訓專業人員', '2421 2422')).toEqual([
      { code: '2421', name: '組織及政策管理專業人員' },
      { code: '2422', name: '人事及員工培訓專業人員' },
    ]);
  });

  it('keeps 、 inside a parent name when each entry has its own slash', () => {
    expect(parse('行業別', '專業、科學及技術服務業 / 管理顧問業、支援服務業 / 就業服務業', 'M702、N78')).toEqual([
      { code: 'M702', name: '管理顧問業', parentName: '專業、科學及技術服務業' },
      { code: 'N78', name: '就業服務業', parentName: '支援服務業' },
    ]);
  });

  it('accepts industry codes of every length and normalises stray spaces and widths', () => {
    expect(parse('行業別', '專業、科學及技術服務業', 'M').map((r) => r.code)).toEqual(['M']);
    expect(parse('行業別', '企業總管理機構及管理顧問業', ' m 70 ').map((r) => r.code)).toEqual(['M70']);
    expect(parse('行業別', '企業總管理機構', 'Ｍ７０１').map((r) => r.code)).toEqual(['M701']);
  });

  it('refuses names that cannot be paired with the codes, and codes of the wrong shape', () => {
    expect(() => parse('職業別', '組織及政策管理專業人員', '2421；2422；2423')).toThrow(/3 職業別 names/);
    expect(() => parse('職類別', '運籌管理', 'BL')).toThrow(/three letters/);
    expect(() => parse('職業別', '組織及政策管理專業人員', '')).toThrow(/職業別代碼/);
  });
});

describe('note examples', () => {
  it.each([
    ['影響可能包括：設施損壞、通訊中斷、系統損害及員工的創傷。', ['設施損壞', '通訊中斷', '系統損害', '員工的創傷']],
    ['X可能包括：甲的影響，乙、丙或丁要求及戊的反應。', ['甲的影響', '乙、丙或丁要求', '戊的反應']],
    ['X可能包括：清楚表達資訊和概念及在危機時期與各階層有效溝通。', ['清楚表達資訊和概念', '在危機時期與各階層有效溝通']],
    ['X可能包括：科技和數據的修復、詢問的調查和解決。', ['科技和數據的修復', '詢問的調查和解決']],
    ['X可能包括：服務的提供、客戶聯繫的回應與組織提供的產品。', ['服務的提供', '客戶聯繫的回應', '組織提供的產品']],
    ['X可能包括：資料蒐集、定期與客戶溝通。', ['資料蒐集', '定期與客戶溝通']],
    ['X可能包括：通報、及時回應客戶。', ['通報', '及時回應客戶']],
    ['X可能包括：風險評估、涉及個資的處理。', ['風險評估', '涉及個資的處理']],
    ['X包含：課堂講授、輪調以及專案指派等。', ['課堂講授', '輪調', '專案指派']],
    ['X可能包括：員工的平等', ['員工的平等']],
  ])('%s', (text, examples) => {
    expect(noteExamples(text)).toEqual(examples);
  });

  it('has no examples without a 可能包括 list, and names the subject before it', () => {
    expect(noteExamples('本單元適用於中小企業。')).toEqual([]);
    expect(noteSubject('業務功能可能包括：甲、乙')).toBe('業務功能');
    expect(noteSubject('本單元適用於中小企業。')).toBeUndefined();
  });
});

describe('input normalisation', () => {
  it('normalises line endings, BOM, full-width letters and digits and wide spaces, but not Chinese punctuation', () => {
    expect(normaliseInput('\uFEFFＫ０１創新\u3000模式（含，：；）\r\nA\rB\u200B')).toBe('K01創新 模式（含，：；）\nA\nB');
  });
});

describe('format detection', () => {
  it('reads the format from the rows, not the name', () => {
    expect(detectFormat('職能單元名稱\t促進組織業務有效運作\n')).toBe('UNIT');
    expect(detectFormat('職能基準代碼\tBLM2421-007v4\n')).toBe('STANDARD');
    expect(detectFormat('版本\t職能基準代碼\t職能基準名稱\n')).toBe('STANDARD');
    expect(detectFormat('職能基準代碼 is mentioned in prose\n')).toBeNull();
    expect(detectFormat('')).toBeNull();
  });
});
