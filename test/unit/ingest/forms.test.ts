// The forms real documents use beyond the seeds, one test each: a seed edited into the form, and
// what a reader of the edited document would list (the classification names are the official ones
// of seed/taxonomy). Each accepted form is reported as a warning; what stays ambiguous is refused.

import { describe, expect, it } from 'vitest';
import type { ParsedStandard, ParsedUnit } from '../../../src/ingest/document.js';
import { parseWithWarnings, ParseError } from '../../../src/ingest/icap/index.js';
import { readSeed } from '../../fixtures/icap/files.js';
import { standardBLM2421_007v4 } from '../../fixtures/icap/standard-BLM2421-007v4.expected.js';
import { unitBGM5R0167v2 } from '../../fixtures/icap/unit-BGM5R0167v2.expected.js';

const STANDARD = readSeed('standard-BLM2421-007v4.txt');
const UNIT = readSeed('unit-BGM5R0167v2.txt');
const INDUSTRY_ROW = '\t行業別\t專業、科學及技術服務業 / 企業總管理機構及管理顧問業\t行業別代碼\tM7010';

function replaced(text: string, from: string | RegExp, to: string): string {
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`fixture edit did not apply: ${String(from)}`);
  return changed;
}

const standard = (text: string) => {
  const { document, warnings } = parseWithWarnings(text, 'form.txt');
  return { doc: document as ParsedStandard, warnings };
};
const unit = (text: string) => {
  const { document, warnings } = parseWithWarnings(text, 'form.txt');
  return { doc: document as ParsedUnit, warnings };
};
const withIndustry = (names: string, codes: string) => replaced(STANDARD, INDUSTRY_ROW, `\t行業別\t${names}\t行業別代碼\t${codes}`);
const task = (doc: ParsedStandard, code: string) => doc.responsibilities.flatMap((r) => r.tasks).find((t) => t.code === code)!;

function refusal(text: string): ParseError {
  try {
    parseWithWarnings(text, 'form.txt');
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error('expected a ParseError, but the document parsed');
}

describe('行業別 forms', () => {
  it('a range of 中類 is each code of the range, under the one name it gives', () => {
    const { doc, warnings } = standard(withIndustry('批發及零售業 / 批發業', 'G45-46'));
    expect(doc.industries).toEqual([
      { code: 'G45', name: '批發業', parentName: '批發及零售業' },
      { code: 'G46', name: '批發業', parentName: '批發及零售業' },
    ]);
    expect(warnings.map((w) => [w.kind, w.line, w.field])).toEqual([
      ['INDUSTRY_RANGE', 16, '行業別'],
      ['SHARED_NAME', 16, '行業別'],
    ]);
  });

  it('a range that is not of two-digit 中類 in one section is refused', () => {
    expect(refusal(withIndustry('批發及零售業 / 批發業', 'G4510-4520'))).toMatchObject({ line: 16, field: '行業別' });
    expect(refusal(withIndustry('批發及零售業 / 批發業', 'G46-45'))).toMatchObject({ line: 16, field: '行業別' });
  });

  it('a code hyphenated by level is its compact code', () => {
    const { doc, warnings } = standard(withIndustry('製造業 / 塑膠製品製造業/塑膠外殼及配件製造業', 'C-22-220-2203'));
    expect(doc.industries).toEqual([{ code: 'C2203', name: '塑膠外殼及配件製造業', parentName: '製造業 / 塑膠製品製造業' }]);
    expect(warnings).toEqual([{ kind: 'HYPHENATED_CODE', line: 16, field: '行業別', message: expect.stringContaining('C2203') }]);
  });

  it('a hyphenated code whose levels do not extend each other is refused', () => {
    expect(refusal(withIndustry('製造業', 'C-22-230-2203'))).toMatchObject({ line: 16, field: '行業別' });
  });

  it('one name for two codes, the name of their section: each code takes its own name', () => {
    const { doc, warnings } = standard(withIndustry('製造業', 'C08；C34'));
    expect(doc.industries).toEqual([
      { code: 'C08', name: '食品及飼品製造業', parentName: '製造業' },
      { code: 'C34', name: '產業用機械設備維修及安裝業', parentName: '製造業' },
    ]);
    expect(warnings.map((w) => w.kind)).toEqual(['SHARED_NAME']);
  });

  it('one `parent / name` for two codes of that name is not read as two names', () => {
    const { doc, warnings } = standard(withIndustry('批發及零售業 / 零售業', 'G47；G48'));
    expect(doc.industries).toEqual([
      { code: 'G47', name: '零售業', parentName: '批發及零售業' },
      { code: 'G48', name: '零售業', parentName: '批發及零售業' },
    ]);
    expect(warnings.map((w) => w.kind)).toEqual(['SHARED_NAME']);
  });

  it('two names for two codes stay two names, without a warning', () => {
    const { doc, warnings } = standard(withIndustry('其他綜合商品零售業 / 博弈業', 'G4719；R9200'));
    expect(doc.industries).toEqual([
      { code: 'G4719', name: '其他綜合商品零售業' },
      { code: 'R9200', name: '博弈業' },
    ]);
    expect(warnings).toEqual([]);
  });

  it('one name for codes the classification does not name is refused', () => {
    expect(refusal(withIndustry('製造業', 'C2201；C2209'))).toMatchObject({ line: 16, field: '行業別', expected: expect.stringContaining('C2201') });
  });

  it('a name cut after its first level takes the code’s name from the classification', () => {
    const { doc, warnings } = standard(withIndustry('專業、科學及技術服務業 / ', 'M7010'));
    expect(doc.industries).toEqual([{ code: 'M7010', name: '企業總管理機構', parentName: '專業、科學及技術服務業' }]);
    expect(warnings).toEqual([{ kind: 'NAME_FROM_TAXONOMY', line: 16, field: '行業別', message: expect.stringContaining('企業總管理機構') }]);
  });

  it('a cut name of a code the classification does not name is refused', () => {
    expect(refusal(withIndustry('專業、科學及技術服務業 / ', 'M7099'))).toMatchObject({ line: 16, field: '行業別' });
  });
});

describe('standard forms', () => {
  it('without a version table, the code gives the one version', () => {
    const { doc, warnings } = standard(replaced(STANDARD, /版本\t職能基準代碼[^\n]*\n(?:V\d[^\n]*\n)+/, ''));
    expect(doc.versions).toEqual([{ version: 4, code: 'BLM2421-007v4', name: '微型企業營運主管', status: 'CURRENT', note: '', date: null }]);
    expect({ ...doc, versions: [] }).toEqual({ ...standardBLM2421_007v4, versions: [] });
    expect(warnings).toEqual([{ kind: 'NO_VERSION_TABLE', line: 0, field: '版本', message: expect.stringContaining('version 4') }]);
  });

  it('K1 and K01 in one document are one code', () => {
    const { doc, warnings } = standard(replaced(STANDARD, 'K01創新商業模式  K02', 'K1創新商業模式  K02'));
    expect(task(doc, 'T1.1').knowledgeCodes).toEqual(['K01', 'K02']);
    expect(doc.knowledge).toEqual(standardBLM2421_007v4.knowledge);
    expect(warnings).toEqual([{ kind: 'CODE_WIDTH', line: 21, field: '職能內涵(K)', message: expect.stringContaining('K1 read as K01') }]);
  });

  it('a three-digit code is one code, not two digits and a name that starts with 0', () => {
    const text = replaced(STANDARD, 'K02組織商業政策及作業流程\tS01', 'K02組織商業政策及作業流程 K100商業模式畫布\tS01');
    const { doc, warnings } = standard(text);
    expect(doc.knowledge.at(-1)).toEqual({ code: 'K100', name: '商業模式畫布' });
    expect(task(doc, 'T1.1').knowledgeCodes).toEqual(['K01', 'K02', 'K100']);
    expect(warnings.map((w) => [w.kind, w.field])).toEqual([['CODE_DIGITS', '職能內涵(K)']]);
  });

  it('a document numbered with three digits throughout keeps three digits', () => {
    // K01 … K15 written K301 … K315.
    const { doc, warnings } = standard(STANDARD.replace(/K(\d\d)/g, 'K3$1'));
    expect(doc.knowledge).toEqual(standardBLM2421_007v4.knowledge.map((k) => ({ code: `K3${k.code.slice(1)}`, name: k.name })));
    expect(warnings.map((w) => [w.kind, w.field])).toEqual([['CODE_DIGITS', '職能內涵(K)']]);
  });

  it('a name that starts with a digit after a two-digit code keeps its digit', () => {
    const { doc, warnings } = standard(STANDARD.replaceAll('K01創新商業模式', 'K013D列印原理'));
    expect(doc.knowledge[0]).toEqual({ code: 'K01', name: '3D列印原理' });
    expect(warnings.map((w) => w.kind)).toEqual(['CODE_DIGITS']);
  });

  it('；between the items of a cell separates them and is not part of a name', () => {
    const { doc, warnings } = standard(replaced(STANDARD, 'K01創新商業模式  K02組織商業政策及作業流程', 'K01創新商業模式；K02組織商業政策及作業流程'));
    expect(task(doc, 'T1.1').knowledgeCodes).toEqual(['K01', 'K02']);
    expect(doc.knowledge.slice(0, 2)).toEqual([
      { code: 'K01', name: '創新商業模式' },
      { code: 'K02', name: '組織商業政策及作業流程' },
    ]);
    expect(warnings).toEqual([{ kind: 'ITEM_SEPARATOR', line: 21, field: '職能內涵(K)', message: expect.any(String) }]);
  });

  it('an empty 職能級別 cell is the document’s level', () => {
    let text = replaced(STANDARD, '基準級別\t4', '基準級別\t3');
    text = replaced(text, /(\tT3\.1評估業務所需資源\t[^\t]*\t[^\t]*\t)4\t/, '$1\t');
    const { doc, warnings } = standard(text);
    expect(task(doc, 'T3.1').level).toBe(3);
    expect(task(doc, 'T3.2').level).toBe(4);
    expect(warnings).toEqual([{ kind: 'LEVEL_INHERITED', line: 32, field: '職能級別', message: expect.stringContaining('T3.1') }]);
  });

  it('an attitude written as code, name and description columns', () => {
    const { doc, warnings } = standard(replaced(STANDARD, '- A01正直誠實：展現', 'A01\t正直誠實\t展現'));
    expect(doc.attitudes[0]).toEqual({
      code: 'A01',
      name: '正直誠實',
      description: '展現高道德標準及值得信賴的行為，且能以維持組織誠信為行事原則，瞭解違反組織、自己及他人的道德標準之影響。',
    });
    expect(doc.attitudes).toHaveLength(6);
    expect(warnings.map((w) => [w.kind, w.line])).toEqual([['ATTITUDE_COLUMNS', 41]]);
  });

  it('attitudes run together on one line are several attitudes', () => {
    const { doc, warnings } = standard(replaced(STANDARD, '標準之影響。\n- A02持續學習', '標準之影響。 A02持續學習'));
    expect(doc.attitudes.slice(0, 2)).toEqual([
      { code: 'A01', name: '正直誠實', description: '展現高道德標準及值得信賴的行為，且能以維持組織誠信為行事原則，瞭解違反組織、自己及他人的道德標準之影響。' },
      { code: 'A02', name: '持續學習', description: '能夠展現持續學習的企圖心，利用且積極參與各種機會，學習任務所需的新知識與能力，並能有效應用在特定任務。' },
    ]);
    expect(doc.attitudes).toHaveLength(6);
    expect(warnings.map((w) => [w.kind, w.line])).toEqual([['ATTITUDES_ON_ONE_LINE', 41]]);
  });

  it('a code out of sequence inside an attitude’s text is text', () => {
    const { doc, warnings } = standard(replaced(STANDARD, '團隊意識：積極參與並支持團隊', '團隊意識：積極參與 A02 小組並支持團隊'));
    expect(doc.attitudes[5]).toEqual({ code: 'A06', name: '團隊意識', description: '積極參與 A02 小組並支持團隊，能彼此鼓勵共同達成團隊目標。' });
    expect(warnings).toEqual([]);
  });
});

describe('unit forms', () => {
  it('a K list numbered 1. 2. 3. instead of 一、 二、 三、', () => {
    const text = replaced(
      UNIT,
      /職能內涵 \(K=knowledge 知識\)\t[^\n]*\n\n\t[^\n]*/,
      '職能內涵 (K=knowledge 知識)\t<p>1. 工作場所和公司的緊急程序</p> <p>2. 相關組織、法令、法規</p> <p>3. 壓力管理技能</p>',
    );
    const { doc, warnings } = unit(text);
    expect(doc.knowledge).toEqual([
      { code: 'K01', name: '工作場所和公司的緊急程序', notes: [] },
      { code: 'K02', name: '相關組織、法令、法規', notes: [] },
      { code: 'K03', name: '壓力管理技能', notes: [] },
    ]);
    expect(warnings).toEqual([{ kind: 'ARABIC_NUMBERING', line: 8, field: '職能內涵(K=knowledge知識)', message: expect.any(String) }]);
  });

  it('（註N） note markers work like 【註N】', () => {
    let text = replaced(UNIT, '<u>主要影響</u>【註1】', '<u>主要影響</u>（註1）');
    text = replaced(text, '<p>【註1】影響可能包括', '<p>（註1）影響可能包括');
    text = replaced(text, '<u>分析技能</u> 【註9】', '<u>分析技能</u> (註9)');
    const { doc, warnings } = unit(text);
    expect(doc).toEqual(unitBGM5R0167v2);
    expect(warnings.map((w) => [w.kind, w.line])).toEqual([
      ['NOTE_MARKER_FORM', 7],
      ['NOTE_MARKER_FORM', 11],
      ['NOTE_MARKER_FORM', 13],
    ]);
  });
});
