import { describe, expect, it } from 'vitest';
import { competencyKey } from '../../../src/graph/competency-key.js';
import { noteExamples } from '../../../src/ingest/icap/note-examples.js';
import { ATTITUDES, LEXICON, DOMAINS } from '../../../src/corpus/lexicon.js';
import { exampleList, activityExamples, objectPool } from '../../../src/corpus/phrases.js';
import { Random } from '../../../src/corpus/random.js';
import { chooseVariant, corpusVocabulary, synonymForms } from '../../../src/corpus/vocabulary.js';

const vocabulary = corpusVocabulary();

describe('corpus vocabulary', () => {
  it('holds a few hundred competencies with paraphrased variants, the canonical name first', () => {
    expect(vocabulary.competencies.length).toBeGreaterThan(300);
    for (const c of vocabulary.competencies) {
      expect(c.variants[0]!.name).toBe(c.canonical);
      expect(c.id).toBe(`${c.kind}:${c.canonical}`);
    }
    const paraphrased = vocabulary.competencies.filter((c) => c.variants.length > 1);
    expect(paraphrased.length).toBeGreaterThan(vocabulary.competencies.length * 0.7);
  });

  it('never gives two competencies of one kind the same name or identity key', () => {
    for (const kind of ['knowledge', 'skill'] as const) {
      const owners = new Map<string, string>();
      for (const c of vocabulary.competencies.filter((x) => x.kind === kind)) {
        for (const v of c.variants) {
          const key = competencyKey(kind, v.name);
          expect(owners.get(key) ?? c.id, `${v.name} of ${c.id}`).toBe(c.id);
          owners.set(key, c.id);
        }
      }
    }
  });

  it('paraphrases by head word, synonym, joined compound and modifier', () => {
    const find = (canonical: string) => vocabulary.competencies.find((c) => c.canonical === canonical)!;
    const communication = find('溝通協調能力').variants.map((v) => v.name);
    expect(communication).toEqual(expect.arrayContaining(['溝通協調技能', '溝通協商能力']));
    expect(communication.some((n) => /^溝通[與和及]協[調商]/.test(n))).toBe(true);
    expect(find('職業安全衛生相關法規').variants.map((v) => v.name)).toContain('職業安全衛生法規');
    expect(find('緊急應變能力').variants.map((v) => v.name)).toContain('應變處理能力');
    expect(find('職業安全衛生管理系統').variants.map((v) => v.name)).toContain('職業健康安全管理系統');
    const heads = new Set(vocabulary.competencies.filter((c) => c.kind === 'skill').flatMap((c) => c.variants.map((v) => v.head)));
    expect(heads).toEqual(new Set(['能力', '技能', '技巧', '技術']));
    expect(synonymForms('品質管理概念')).toContain('品質管控概念');
    expect(synonymForms('ISO 9001品質管理系統')).not.toContain('ISO 9001品質管控系統');
  });

  it('prefers the canonical variant, and a document’s preferred head when asked', () => {
    const c = vocabulary.competencies.find((x) => x.canonical === '溝通協調能力')!;
    const random = new Random(1);
    const draws = Array.from({ length: 2000 }, () => chooseVariant(c, random));
    const canonical = draws.filter((d) => d === c.canonical).length;
    expect(canonical).toBeGreaterThan(draws.length * 0.4);
    const preferring = Array.from({ length: 2000 }, () => chooseVariant(c, random, '技能'));
    expect(preferring.filter((d) => d.endsWith('技能')).length).toBeGreaterThan(draws.filter((d) => d.endsWith('技能')).length);
  });

  it('draws competencies with Zipf-like frequencies within a pool', () => {
    const pool = vocabulary.skills.general;
    const random = new Random(2);
    const counts = new Map<string, number>();
    for (let i = 0; i < 20_000; i += 1) {
      const c = pool.draw(random);
      counts.set(c.id, (counts.get(c.id) ?? 0) + 1);
    }
    const first = counts.get(pool.items[0]!.id)!;
    const tenth = counts.get(pool.items[9]!.id)!;
    expect(first / tenth).toBeGreaterThan(5);
    expect(first / tenth).toBeLessThan(20);
  });

  // Words a parser reads as structure must not occur inside generated names and texts.
  it('keeps item numbering and codes out of names', () => {
    const texts = [
      ...vocabulary.competencies.flatMap((c) => c.variants.map((v) => v.name)),
      ...DOMAINS.flatMap((d) => [...LEXICON[d].titles, ...vocabulary.objects[d].map((o) => o.name)]),
      ...ATTITUDES.flat(),
    ];
    for (const text of texts) {
      expect(text, text).not.toMatch(/[〇零一二兩三四五六七八九十百]\s*、/);
      expect(text, text).not.toMatch(/\d\s*[.．、]/);
      expect(text, text).not.toMatch(/^\d/);
      expect(text, text).not.toMatch(/(?:^|\s)[KSOPTA]\s*\d/i);
      expect(text, text).not.toMatch(/[\t\n<>【】]/);
    }
  });

  it('writes note lists that read back as exactly their items', () => {
    const random = new Random(3);
    for (const domain of DOMAINS) {
      const objects = objectPool(vocabulary, [domain]);
      for (const object of objects) {
        for (const item of object.examples) expect(item, item).not.toMatch(/[、，,及與]|等$/);
        if (object.examples.length >= 3) {
          const text = `${object.name}可能包括：${exampleList(random, object.examples)}。`;
          expect(noteExamples(text)).toEqual(object.examples);
        }
      }
      for (let i = 0; i < 20; i += 1) {
        const examples = activityExamples(random, objects, 4);
        expect(noteExamples(`某技能可能包括：${exampleList(random, examples)}。`)).toEqual(examples);
      }
    }
  });
});
