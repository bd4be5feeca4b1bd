// Golden tests: each seed document parses to the ParsedDocument written by hand from reading it.

import { describe, expect, it } from 'vitest';
import type { ParsedStandard, ParsedUnit } from '../../../src/ingest/document.js';
import { detectFormat, parseDocument } from '../../../src/ingest/icap/index.js';
import { readSeed } from '../../fixtures/icap/files.js';
import { standardBLM2421_007v4 } from '../../fixtures/icap/standard-BLM2421-007v4.expected.js';
import { unitBGM5R0167v2 } from '../../fixtures/icap/unit-BGM5R0167v2.expected.js';

const standardText = readSeed('standard-BLM2421-007v4.txt');
const unitText = readSeed('unit-BGM5R0167v2.txt');

function parseStandard(text: string): ParsedStandard {
  const parsed = parseDocument(text, 'standard-BLM2421-007v4.txt');
  if (parsed.kind !== 'STANDARD') throw new Error(`expected a standard, got ${parsed.kind}`);
  return parsed;
}

function parseUnit(text: string): ParsedUnit {
  const parsed = parseDocument(text, 'unit-BGM5R0167v2.txt');
  if (parsed.kind !== 'UNIT') throw new Error(`expected a unit, got ${parsed.kind}`);
  return parsed;
}

describe('seed standard BLM2421-007v4', () => {
  const parsed = parseStandard(standardText);
  const tasks = parsed.responsibilities.flatMap((r) => r.tasks);
  const task = (code: string) => tasks.find((t) => t.code === code);

  it('parses to the hand-written document', () => {
    expect(parsed).toEqual(standardBLM2421_007v4);
  });

  it('is detected as a standard from its content', () => {
    expect(detectFormat(standardText)).toBe('STANDARD');
  });

  it('has the counts of the published standard', () => {
    expect(parsed.responsibilities).toHaveLength(4);
    expect(tasks).toHaveLength(9);
    expect(tasks.flatMap((t) => t.indicators)).toHaveLength(31);
    expect(tasks.flatMap((t) => t.outputs)).toHaveLength(4);
    expect(parsed.knowledge).toHaveLength(15);
    expect(parsed.skills).toHaveLength(9);
    expect(parsed.attitudes).toHaveLength(6);
    expect(parsed.versions).toHaveLength(4);
  });

  it('rejoins T2.3 across the page break, with the K and S codes that follow it', () => {
    expect(task('T2.3')?.name).toBe('因應不同利益關係人提供適當資訊');
    expect(task('T2.3')?.knowledgeCodes).toEqual(['K03', 'K06', 'K07']);
    expect(task('T2.3')?.skillCodes).toEqual(['S01', 'S03', 'S04', 'S05']);
  });

  it('extends T1.1 with S06 from the next page', () => {
    expect(task('T1.1')?.skillCodes).toEqual(['S01', 'S02', 'S03', 'S04', 'S05', 'S06']);
  });

  it('keeps item text with commas and spaces whole', () => {
    expect(parsed.knowledge.find((k) => k.code === 'K14')?.name).toBe('關於監管，稅務和保險的需求和問題的資訊來源');
    expect(task('T1.2')?.indicators.find((i) => i.code === 'P1.2.4')?.text).toBe('從商業機會中評估潛在的 ESG 永續發展。');
  });

  it('parses the same from UTF-8 bytes', () => {
    expect(parseDocument(new TextEncoder().encode(standardText), 'x')).toEqual(standardBLM2421_007v4);
  });
});

describe('seed unit BGM5R0167v2', () => {
  const parsed = parseUnit(unitText);

  it('parses to the hand-written document', () => {
    expect(parsed).toEqual(unitBGM5R0167v2);
  });

  it('is detected as a unit from its content', () => {
    expect(detectFormat(unitText)).toBe('UNIT');
  });

  it('has the counts of the published unit', () => {
    expect(parsed.tasks).toHaveLength(5);
    expect(parsed.tasks.flatMap((t) => t.indicators)).toHaveLength(16);
    expect(parsed.knowledge).toHaveLength(8);
    expect(parsed.skills).toHaveLength(9);
    expect(parsed.notes).toHaveLength(11);
  });

  it('reads note 2 whole across the page break', () => {
    const note = parsed.notes.find((n) => n.number === 2);
    expect(note?.text).toBe('業務功能可能包括：現場員工的派遣、數據的投入、服務的提供、客戶聯繫的回應與組織一般提供的服務和產品。');
    expect(note?.examples).toContain('服務的提供');
  });

  it('continues the knowledge list after the page break', () => {
    expect(parsed.knowledge.map((k) => k.code)).toEqual(['K01', 'K02', 'K03', 'K04', 'K05', 'K06', 'K07', 'K08']);
    expect(parsed.knowledge[4]).toEqual({ code: 'K05', name: '相關組織、法令、法規', notes: [] });
  });

  it('links markers to the underlined term they follow and to the note', () => {
    expect(parsed.tasks[0]?.indicators[0]?.terms).toEqual([
      { term: '主要影響', note: 1 },
      { term: '業務功能', note: 2 },
    ]);
    expect(parsed.skills[0]).toEqual({ code: 'S01', name: '分析技能', notes: [9] });
    expect(parsed.notes[0]?.term).toBe('主要影響');
  });
});

describe('speed', () => {
  it('parses a document in well under 5 ms', () => {
    for (let i = 0; i < 50; i += 1) parseDocument(standardText, 'warm-up');
    // The fastest of several small batches: a shared CI machine slows some batches down, but the
    // parser's own cost shows in the quickest one. About 0.2 ms per document on a laptop.
    let fastest = Infinity;
    for (let batch = 0; batch < 20; batch += 1) {
      const started = performance.now();
      for (let i = 0; i < 5; i += 1) {
        parseDocument(standardText, 's');
        parseDocument(unitText, 'u');
      }
      fastest = Math.min(fastest, (performance.now() - started) / 10);
    }
    expect(fastest).toBeLessThan(5);
  });
});
