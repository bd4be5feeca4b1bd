// Variations real documents show beyond the seeds, each written into a copy of a seed: the expected
// values are what a reader of the changed document would list.

import { describe, expect, it } from 'vitest';
import type { ParsedStandard, ParsedUnit } from '../../../src/ingest/document.js';
import { parseDocument } from '../../../src/ingest/icap/index.js';
import { readSeed } from '../../fixtures/icap/files.js';
import { standardBLM2421_007v4 } from '../../fixtures/icap/standard-BLM2421-007v4.expected.js';
import { unitBGM5R0167v2 } from '../../fixtures/icap/unit-BGM5R0167v2.expected.js';

const STANDARD = readSeed('standard-BLM2421-007v4.txt');
const UNIT = readSeed('unit-BGM5R0167v2.txt');

function replaced(text: string, from: string | RegExp, to: string): string {
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`fixture edit did not apply: ${String(from)}`);
  return changed;
}

const standard = (text: string) => parseDocument(text, 'variant.txt') as ParsedStandard;
const unit = (text: string) => parseDocument(text, 'variant.txt') as ParsedUnit;
const task = (parsed: ParsedStandard, code: string) => parsed.responsibilities.flatMap((r) => r.tasks).find((t) => t.code === code)!;

describe('standard variants', () => {
  it('several 職類別 in one field', () => {
    const parsed = standard(
      replaced(STANDARD, '企業經營管理 / 運籌管理\t職類別代碼\tBLM', '企業經營管理 / 運籌管理；企業經營管理 / 一般管理\t職類別代碼\tBLM；BGM'),
    );
    expect(parsed.categories).toEqual([
      { code: 'BLM', name: '運籌管理', parentName: '企業經營管理' },
      { code: 'BGM', name: '一般管理', parentName: '企業經營管理' },
    ]);
  });

  it('a name filled in under 職類 instead of 職業', () => {
    const text = replaced(replaced(STANDARD, '職類\t\t\t', '職類\t企業營運管理\t\t'), '職業\t微型企業營運主管\t\t', '職業\t\t\t');
    expect(standard(text)).toMatchObject({ name: '企業營運管理', nameKind: '職類' });
  });

  it('a version date in the Minguo calendar', () => {
    expect(standard(replaced(STANDARD, '2025/12/15', '114/12/15')).versions[0]?.date).toBe('2025-12-15');
  });

  it('codes written without spaces between the items, in full-width, or referred to by code alone', () => {
    let text = replaced(STANDARD, 'K01創新商業模式  K02組織商業政策及作業流程', 'K01創新商業模式K02組織商業政策及作業流程');
    text = replaced(text, 'T1.1分析影響產品', 'Ｔ１．１分析影響產品');
    text = replaced(text, '\tK03成本計算 K06組織業務經營的相關法規和行為準則 K07商業機會的風險評估\tS01分析資訊與數據能力 S03風險評估能力 S04溝通協調能力 S05報告撰寫能力\n\tT2.3', '\tK03 K06 K07\tS01 S03 S04 S05\n\tT2.3');
    const parsed = standard(text);
    expect(task(parsed, 'T1.1').knowledgeCodes).toEqual(['K01', 'K02']);
    expect(task(parsed, 'T2.2').knowledgeCodes).toEqual(['K03', 'K06', 'K07']);
    expect(task(parsed, 'T2.2').skillCodes).toEqual(['S01', 'S03', 'S04', 'S05']);
    expect(parsed.knowledge).toEqual(standardBLM2421_007v4.knowledge);
    expect(parsed.skills).toEqual(standardBLM2421_007v4.skills);
  });

  it('an output name cut by a page break, followed by another output', () => {
    const header = '主要職責\t工作任務\t工作產出\t行為指標\t職能級別\t職能內涵 ( K=knowledge 知識 )\t職能內涵 ( S=skills 技能 )';
    let text = replaced(STANDARD, '\tO1.2.1商業機會調查報告\t', '\tO1.2.1商業機會\t');
    text = replaced(text, /(\tT1\.2調查及評估商業機會\t[^\n]*\n)/, `$1\n${header}\n\t\t調查報告  O1.2.2可行性評估表\t\t\t\t\n`);
    expect(task(standard(text), 'T1.2').outputs).toEqual([
      { code: 'O1.2.1', name: '商業機會調查報告' },
      { code: 'O1.2.2', name: '可行性評估表' },
    ]);
  });

  it('headings without Markdown marks and an untitled document', () => {
    let text = replaced(STANDARD, '## 微型企業營運主管職能基準', '微型企業營運主管職能基準');
    text = replaced(text, '#### 職能內涵 ( A=attitude 態度 )', '職能內涵 ( A=attitude 態度 )');
    text = replaced(text, '#### 說明與補充事項', '說明與補充事項');
    expect(standard(text)).toEqual(standardBLM2421_007v4);
  });

  it('a document without 說明與補充事項', () => {
    const parsed = standard(STANDARD.slice(0, STANDARD.indexOf('#### 說明與補充事項')));
    expect(parsed).toMatchObject({ requirements: [], glossary: [], otherNotes: [] });
    expect(parsed.attitudes).toHaveLength(6);
  });

  it('a 說明與補充事項 list whose bullets were lost in the copy', () => {
    const text = replaced(STANDARD, /- 建議擔任[^\n]*\n[^\n]*\n- 其他補充說明：\n[^\n]*$/, '本職能基準適用於微型企業。');
    expect(standard(text)).toMatchObject({ requirements: [], glossary: [], otherNotes: ['本職能基準適用於微型企業。'] });
  });

  it('entries written after the colon of their group, and placeholders', () => {
    const text = replaced(
      STANDARD,
      /- 建議擔任[^\n]*\n[^\n]*\n- 其他補充說明：\n[^\n]*$/,
      '- 建議擔任此職類/職業之學歷/經歷/或能力條件：大學以上畢業。\n- 其他補充說明：無',
    );
    expect(standard(text)).toMatchObject({ requirements: ['大學以上畢業。'], glossary: [], otherNotes: [] });
  });
});

describe('unit variants', () => {
  it('list items numbered by the list itself, and notes written inline', () => {
    let text = replaced(UNIT, '<li>1. 評估企業持續活動的有效性。</li> <li>2. 尋求', '<li>評估企業持續活動的有效性。</li> <li>尋求');
    text = replaced(text, '<li>3. 確認改善項目。</li> <li>4. 修正', '<li>確認改善項目。</li> <li>修正');
    text = replaced(text, /說明與補充事項\t[^\n]*\n\n\t[^\n]*/, '說明與補充事項\t【註1】影響可能包括：甲、乙。 【註2】業務功能可能包括：丙及丁。 【註3】X可能包括：戊。 【註4】 【註5】 【註6】 【註7】 【註8】 【註9】 【註10】 【註11】 Y');
    expect(() => unit(text)).toThrow(/a text after 【註4】/);
    const fixed = text.replace(/【註(\d+)】 (?=【|Y)/g, '【註$1】說明$1。 ');
    const parsed = unit(fixed);
    expect(parsed.tasks[4]?.indicators.map((i) => [i.code, i.text])).toEqual([
      ['P5.1', '評估企業持續活動的有效性。'],
      ['P5.2', '尋求並獲得相關利益關係人的回饋。'],
      ['P5.3', '確認改善項目。'],
      ['P5.4', '修正納入改善領域的企業持續計畫文件。'],
    ]);
    expect(parsed.notes[1]).toEqual({ number: 2, term: '業務功能', text: '業務功能可能包括：丙及丁。', examples: ['丙', '丁'] });
    expect(parsed.notes).toHaveLength(11);
  });

  it('a marker after a term that is not underlined takes the subject of its note', () => {
    const parsed = unit(replaced(UNIT, '與其<u>主要影響</u>【註1】', '與其主要影響【註1】'));
    expect(parsed.tasks[0]?.indicators[0]?.terms[0]).toEqual({ term: '影響', note: 1 });
    expect(parsed.notes[0]?.term).toBe('影響');
  });

  it('without the optional fields', () => {
    let text = replaced(UNIT, /評量設計參考\t[^\n]*/, '評量設計參考\t無');
    text = replaced(text, /職能內涵 \(K=knowledge 知識\)\t[^\n]*\n\n\t[^\n]*\n/, '');
    const parsed = unit(text);
    expect(parsed.assessment).toEqual({ keyEvidence: [], contextAndResources: [], methods: [] });
    expect(parsed.knowledge).toEqual([]);
    expect(parsed.skills).toEqual(unitBGM5R0167v2.skills);
  });

  it('a title above the table, 更新紀錄 as a row, entities and full-width digits', () => {
    let text = `## 促進組織業務有效運作\n${UNIT}`;
    text = replaced(text, /--\t---\n\n更新紀錄\n\n/, '更新紀錄\t');
    text = replaced(text, '<li>2. 評估恢復正常營運所需時間。</li>', '<li>２. 評估恢復正常&nbsp;營運所需時間&amp;成本。</li>');
    const parsed = unit(text);
    expect(parsed.revisionNotes).toEqual(['2020年修訂職能內容。']);
    expect(parsed.tasks[0]?.indicators[1]?.text).toBe('評估恢復正常 營運所需時間&成本。');
  });

  it('a page break between two list items', () => {
    const text = replaced(UNIT, '</li> <li>3. 定義並經利益關係人', '</li>\n\n\t<li>3. 定義並經利益關係人');
    expect(unit(text)).toEqual(unitBGM5R0167v2);
  });

  it('a page break inside an underlined term', () => {
    const text = replaced(UNIT, '<u>災後復原程序</u>', '<u>災後復原\n\n\t程序</u>');
    expect(unit(text)).toEqual(unitBGM5R0167v2);
  });
});
