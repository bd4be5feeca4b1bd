import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParsedStandard, ParsedUnit } from '../../../src/ingest/document.js';
import { parseDocument } from '../../../src/ingest/icap/index.js';
import {
  CORPUS_SCALES,
  generateCorpus,
  writeCorpus,
  type CorpusTaxonomy,
  type GeneratedDocument,
} from '../../../src/corpus/index.js';

const collect = (standards: number, units: number, seed: number): GeneratedDocument[] => [
  ...generateCorpus({ standards, units, seed }),
];

const standardsOf = (docs: readonly GeneratedDocument[]): ParsedStandard[] =>
  docs.flatMap((d) => (d.expected.kind === 'STANDARD' ? [d.expected] : []));
const unitsOf = (docs: readonly GeneratedDocument[]): ParsedUnit[] =>
  docs.flatMap((d) => (d.expected.kind === 'UNIT' ? [d.expected] : []));

// One small corpus shared by the statistical checks (the `small` scale).
const small = collect(CORPUS_SCALES.small.standards, CORPUS_SCALES.small.units, 20_250_101);

describe('generateCorpus: determinism', () => {
  it('gives byte-identical documents for the same seed', () => {
    const a = collect(15, 30, 7);
    const b = collect(15, 30, 7);
    expect(b.map((d) => d.fileName)).toEqual(a.map((d) => d.fileName));
    expect(b.map((d) => d.text)).toEqual(a.map((d) => d.text));
  });

  it('gives different documents for a different seed', () => {
    const a = collect(15, 30, 7);
    const b = collect(15, 30, 8);
    const same = a.filter((d, i) => d.text === b[i]!.text).length;
    expect(same).toBe(0);
  });

  it('produces the first documents of a larger corpus as a smaller corpus', () => {
    const smaller = collect(5, 10, 99);
    const larger = collect(12, 25, 99);
    expect(larger.slice(0, 5).map((d) => d.text)).toEqual(smaller.slice(0, 5).map((d) => d.text));
    expect(larger.slice(12, 22).map((d) => d.text)).toEqual(smaller.slice(5).map((d) => d.text));
  });

  it('is lazy: documents are produced one at a time', () => {
    const iterator = generateCorpus({ standards: 1_000_000, units: 0, seed: 1 });
    const first = iterator.next();
    expect(first.done).toBe(false);
    expect(first.value?.fileName).toMatch(/^standard-/);
  });

  it('rejects counts that are not whole numbers', () => {
    expect(() => collect(-1, 0, 1)).toThrow(RangeError);
    expect(() => collect(1.5, 0, 1)).toThrow(RangeError);
    expect(() => collect(0, 0, Number.NaN)).toThrow(RangeError);
  });
});

describe('generateCorpus: documents go through the real parser', () => {
  const sample = collect(30, 60, 424_242);

  it.each(sample.map((d) => [d.fileName, d] as const))('%s parses to the intended structure', (_, document) => {
    const parsed = parseDocument(document.text, document.fileName);
    expect(parsed).toEqual(document.expected);
  });

  it('parses from UTF-8 bytes too', () => {
    const document = sample[0]!;
    expect(parseDocument(Buffer.from(document.text, 'utf8'), document.fileName)).toEqual(document.expected);
  });
});

describe('generateCorpus: codes', () => {
  it('gives every document a unique code in the published pattern, named in its file name', () => {
    const codes = small.map((d) => d.expected.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const d of small) {
      if (d.expected.kind === 'STANDARD') {
        expect(d.expected.code).toMatch(/^[A-Z]{3}\d{4}-\d{3}v[1-5]$/);
        expect(d.fileName).toBe(`standard-${d.expected.code}.txt`);
        expect(d.expected.code.slice(0, 3)).toBe(d.expected.categories[0]!.code);
        expect(d.expected.code.slice(3, 7)).toBe(d.expected.occupations[0]!.code);
      } else {
        expect(d.expected.code).toMatch(/^[A-Z]{3}[1-6]R\d{4}v[1-4]$/);
        expect(d.fileName).toBe(`unit-${d.expected.code}.txt`);
        expect(Number(d.expected.code[3])).toBe(d.expected.level);
      }
    }
  });

  it('keeps codes unique at the x5 scale of standards', () => {
    const codes = new Set<string>();
    let count = 0;
    for (const d of generateCorpus({ standards: CORPUS_SCALES.x5.standards, units: 0, seed: 3 })) {
      codes.add(d.expected.code);
      count += 1;
    }
    expect(codes.size).toBe(count);
  }, 60_000);
});

describe('generateCorpus: structure', () => {
  const standards = standardsOf(small);
  const units = unitsOf(small);

  it('gives standards 3–6 responsibilities of 1–4 tasks with 2–6 indicators, 5–20 K, 5–12 S and 4–6 attitudes', () => {
    for (const s of standards) {
      expect(s.responsibilities.length).toBeGreaterThanOrEqual(3);
      expect(s.responsibilities.length).toBeLessThanOrEqual(6);
      for (const r of s.responsibilities) {
        expect(r.tasks.length).toBeGreaterThanOrEqual(1);
        expect(r.tasks.length).toBeLessThanOrEqual(4);
        for (const t of r.tasks) {
          expect(t.indicators.length).toBeGreaterThanOrEqual(2);
          expect(t.indicators.length).toBeLessThanOrEqual(6);
          expect(t.knowledgeCodes.length).toBeGreaterThan(0);
          expect(t.skillCodes.length).toBeGreaterThan(0);
        }
      }
      expect(s.knowledge.length).toBeGreaterThanOrEqual(5);
      expect(s.knowledge.length).toBeLessThanOrEqual(20);
      expect(s.skills.length).toBeGreaterThanOrEqual(5);
      expect(s.skills.length).toBeLessThanOrEqual(12);
      expect(s.attitudes.length).toBeGreaterThanOrEqual(4);
      expect(s.attitudes.length).toBeLessThanOrEqual(6);
      expect(s.versions.length).toBe(s.version);
      // Every K and S item is referred to by some task, and tasks refer to subsets.
      const tasks = s.responsibilities.flatMap((r) => r.tasks);
      expect(new Set(tasks.flatMap((t) => t.knowledgeCodes)).size).toBe(s.knowledge.length);
      expect(new Set(tasks.flatMap((t) => t.skillCodes)).size).toBe(s.skills.length);
    }
    const tasks = standards.flatMap((s) => s.responsibilities.flatMap((r) => r.tasks));
    expect(tasks.some((t) => t.outputs.length >= 2)).toBe(true);
    expect(tasks.some((t) => t.outputs.length === 0)).toBe(true);
    expect(tasks.some((t) => t.knowledgeCodes.length < 5)).toBe(true);
    const varying = standards.filter((s) => new Set(s.responsibilities.flatMap((r) => r.tasks.map((t) => t.level))).size > 1);
    expect(varying.length).toBeGreaterThan(standards.length / 2);
    expect(new Set(standards.map((s) => s.versions.length))).toEqual(new Set([1, 2, 3, 4, 5]));
  });

  it('gives units 3–7 tasks, numbered K and S lists reaching 十二, notes for every marker, an assessment and update notes', () => {
    for (const u of units) {
      expect(u.tasks.length).toBeGreaterThanOrEqual(3);
      expect(u.tasks.length).toBeLessThanOrEqual(7);
      for (const t of u.tasks) expect(t.indicators.length).toBeGreaterThanOrEqual(2);
      const referenced = [
        ...u.tasks.flatMap((t) => t.indicators.flatMap((i) => i.terms.map((term) => term.note))),
        ...u.knowledge.flatMap((k) => k.notes),
        ...u.skills.flatMap((s) => s.notes),
      ];
      expect(referenced.slice().sort((a, b) => a - b)).toEqual(u.notes.map((n) => n.number));
      for (const note of u.notes) {
        expect(note.text).toContain('可能包括：');
        expect(note.examples.length).toBeGreaterThanOrEqual(3);
      }
      expect(u.assessment.keyEvidence.length).toBeGreaterThan(0);
      expect(u.assessment.methods.length).toBeGreaterThan(0);
      expect(u.revisionNotes.length).toBeGreaterThan(0);
    }
    expect(Math.max(...units.map((u) => Math.max(u.knowledge.length, u.skills.length)))).toBeGreaterThanOrEqual(12);
    expect(units.some((u) => u.tasks.some((t) => t.indicators.some((i) => i.terms.length > 0)))).toBe(true);
    expect(units.some((u) => u.skills.some((s) => s.notes.length > 0))).toBe(true);
  });

  it('spreads documents over the taxonomy, with industry codes of several lengths and some multi-valued fields', () => {
    expect(new Set(small.map((d) => d.expected.categories[0]!.code)).size).toBeGreaterThanOrEqual(25);
    expect(new Set(standards.map((s) => s.occupations[0]!.code)).size).toBeGreaterThanOrEqual(40);
    const national = standardsOf(collect(CORPUS_SCALES.national.standards, 0, 77));
    const industryCodes = national.flatMap((s) => s.industries.map((i) => i.code));
    expect(new Set(industryCodes.map((c) => c.length))).toEqual(new Set([3, 4, 5]));
    expect(industryCodes).toEqual(expect.arrayContaining(['M7010', 'M701', 'M70']));
    expect(standards.some((s) => s.occupations.length > 1)).toBe(true);
    expect(standards.some((s) => s.industries.length > 1)).toBe(true);
  });
});

describe('generateCorpus: page breaks', () => {
  it('breaks the main table of most standards, repeating the header and continuing cut rows', () => {
    const standards = small.filter((d) => d.expected.kind === 'STANDARD');
    const broken = standards.filter((d) => d.layout.pageBreaks > 0);
    expect(broken.length).toBeGreaterThan(standards.length * 0.6);
    expect(standards.filter((d) => d.layout.cutRows > 0).length).toBeGreaterThan(standards.length * 0.4);
    for (const d of broken) {
      const headers = d.text.split('\n').filter((line) => line.startsWith('主要職責\t'));
      expect(headers.length).toBe(d.layout.pageBreaks + 1);
    }
    // Some continuation rows carry the rest of a cut task name (as `T2.3因應不同利益關係人提` + `供適當資訊`).
    const continuedNames = standards.flatMap((d) =>
      d.text.split('\n').filter((line) => {
        const cells = line.split('\t');
        return cells.length === 7 && cells[1] !== '' && !/^T\d/.test(cells[1]!) && cells[1] !== '工作任務';
      }),
    );
    expect(continuedNames.length).toBeGreaterThan(0);
  });

  it('cuts the values of many units, continuing them on a line whose first cell is empty', () => {
    const units = small.filter((d) => d.expected.kind === 'UNIT');
    const cut = units.filter((d) => d.layout.cutRows > 0);
    expect(cut.length).toBeGreaterThan(units.length * 0.3);
    for (const d of cut) expect(d.text).toMatch(/\n\n\t\S/);
    // Inside a <p> (or a note), as in the seed unit: `…服</p>` + `<p>務的提供…`.
    expect(cut.some((d) => /[^。>]<\/p>\n\n\t<p>[^<【]/.test(d.text))).toBe(true);
  });
});

describe('generateCorpus: vocabulary in use', () => {
  const names = (d: GeneratedDocument): string[] => [...d.expected.knowledge, ...d.expected.skills].map((c) => c.name);

  it('repeats competency names across documents with a long tail', () => {
    const documentsWith = new Map<string, number>();
    for (const d of small) for (const name of new Set(names(d))) documentsWith.set(name, (documentsWith.get(name) ?? 0) + 1);
    const counts = [...documentsWith.values()].sort((a, b) => b - a);
    expect(counts[0]!).toBeGreaterThanOrEqual(small.length * 0.1);
    // A long tail: many names occur in only one or two documents.
    expect(counts.filter((c) => c <= 2).length).toBeGreaterThan(50);
  });

  it('names the same competency in paraphrased variants', () => {
    const all = new Set(small.flatMap(names));
    expect(all.has('溝通協調能力')).toBe(true);
    const paraphrases = ['溝通協調技能', '溝通協商能力', '溝通及協商技能', '溝通及協調技能', '基本溝通協調能力'].filter((n) => all.has(n));
    expect(paraphrases.length).toBeGreaterThanOrEqual(2);
    expect(all.has('職業安全衛生相關法規') && all.has('職業安全衛生法規')).toBe(true);
  });
});

describe('generateCorpus: taxonomy in memory', () => {
  const taxonomy: CorpusTaxonomy = {
    categories: [
      { code: 'B', name: '企業經營管理', parent: null, level: 1 },
      { code: 'BLM', name: '運籌管理', parent: 'B', level: 2 },
    ],
    occupations: [
      { code: '2', name: '專業人員', parent: null, level: 1 },
      { code: '2421', name: '組織及政策管理專業人員', parent: '242', level: 4 },
    ],
    industries: [
      { code: 'M', name: '專業、科學及技術服務業', parent: null, level: 1 },
      { code: 'M70', name: '企業總管理機構及管理顧問業', parent: 'M', level: 2 },
      { code: 'M7010', name: '企業總管理機構', parent: 'M701', level: 4 },
    ],
  };

  it('uses the given classifications only', () => {
    const docs = [...generateCorpus({ standards: 20, units: 10, seed: 5, taxonomy })];
    for (const d of docs) {
      expect(d.expected.code.startsWith('BLM')).toBe(true);
      expect(parseDocument(d.text, d.fileName)).toEqual(d.expected);
    }
    for (const s of standardsOf(docs)) {
      expect(s.occupations.map((o) => o.code)).toEqual(['2421']);
      for (const industry of s.industries) {
        expect(['M70', 'M7010']).toContain(industry.code);
        expect(industry).toMatchObject({ name: '企業總管理機構及管理顧問業', parentName: '專業、科學及技術服務業' });
      }
    }
  });

  it('refuses taxonomy data without usable categories', () => {
    expect(() => [...generateCorpus({ standards: 1, units: 0, seed: 1, taxonomy: { ...taxonomy, categories: [] } })]).toThrow(/categories/);
  });
});

describe('writeCorpus', () => {
  it('writes one file per document and reports the counts', async () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-'));
    try {
      const result = await writeCorpus({ standards: 4, units: 6, seed: 11, outDir });
      expect(result).toMatchObject({ outDir, standards: 4, units: 6, files: 10 });
      const expected = collect(4, 6, 11);
      expect(fs.readdirSync(outDir).sort()).toEqual(expected.map((d) => d.fileName).sort());
      for (const d of expected) expect(fs.readFileSync(path.join(outDir, d.fileName), 'utf8')).toBe(d.text);
      expect(result.bytes).toBe(expected.reduce((n, d) => n + Buffer.byteLength(d.text), 0));
    } finally {
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  });
});
