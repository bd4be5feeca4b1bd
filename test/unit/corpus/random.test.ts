import { describe, expect, it } from 'vitest';
import { hashSeed, Random, ZipfSampler } from '../../../src/corpus/random.js';
import { FragmentBuilder, splitAtCuts } from '../../../src/corpus/page-cuts.js';

describe('Random', () => {
  it('repeats its sequence for a seed and stays in range', () => {
    const a = new Random(42);
    const b = new Random(42);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(Array.from({ length: 1000 }, () => b.next())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBe(xs.length);
  });

  it('gives the known mulberry32 output, so a seed means the same on every platform', () => {
    const r = new Random(1);
    expect(Array.from({ length: 3 }, () => Math.floor(r.next() * 2 ** 32))).toEqual([2693262067, 11749833, 2265367787]);
  });

  it('draws integers in an inclusive range and shuffles without losing items', () => {
    const r = new Random(7);
    const ints = Array.from({ length: 2000 }, () => r.int(3, 6));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5, 6]));
    const items = Array.from({ length: 50 }, (_, i) => i);
    expect(r.shuffle(items).sort((x, y) => x - y)).toEqual(items);
    expect(r.sample(items, 5)).toHaveLength(5);
    expect(() => r.pick([])).toThrow();
  });

  it('hashes seeds deterministically and keeps parts apart', () => {
    expect(hashSeed(1, 'unit', 3)).toBe(hashSeed(1, 'unit', 3));
    expect(hashSeed(1, 'unit', 3)).not.toBe(hashSeed(1, 'unit', 4));
    expect(hashSeed('ab', 'c')).not.toBe(hashSeed('a', 'bc'));
    expect(hashSeed(12, 3)).not.toBe(hashSeed(1, 23));
  });

  it('samples a Zipf distribution in rank order', () => {
    const sampler = new ZipfSampler(['a', 'b', 'c', 'd'], 1);
    const r = new Random(9);
    const counts = { a: 0, b: 0, c: 0, d: 0 };
    for (let i = 0; i < 24_000; i += 1) counts[sampler.draw(r) as keyof typeof counts] += 1;
    // Weights 1, 1/2, 1/3, 1/4 of 25/12.
    expect(counts.a / 24_000).toBeCloseTo(0.48, 1);
    expect(counts.a).toBeGreaterThan(counts.b);
    expect(counts.b).toBeGreaterThan(counts.c);
    expect(counts.c).toBeGreaterThan(counts.d);
  });
});

describe('FragmentBuilder', () => {
  const build = (): FragmentBuilder =>
    new FragmentBuilder()
      .tag('<p>')
      .atom('【註1】')
      .text('業務功能可能包括：服務的提供', '</p>', '<p>')
      .tag('</p>')
      .tag(' ')
      .boundary()
      .tag('<p>')
      .atom('【註2】')
      .text('備份設備可能包括：替代性場所', '</p>', '<p>')
      .tag('</p>');

  it('cuts inside Chinese text by closing and reopening the block', () => {
    const value = build();
    // 4 visible characters of marker, then 12 of text: `業務功能可能包括：服務的`.
    const cut = value.lastCut(0, 16)!;
    expect(cut.boundary).toBe(false);
    expect(splitAtCuts(value.toString(), [cut])).toEqual([
      '<p>【註1】業務功能可能包括：服務的</p>',
      '<p>提供</p> <p>【註2】備份設備可能包括：替代性場所</p>',
    ]);
  });

  it('cuts between items without extra tags, and never inside an atom or after a sentence end', () => {
    const value = build();
    const boundary = value.lastBoundary(0, 100)!;
    expect(splitAtCuts(value.toString(), [boundary])).toEqual([
      '<p>【註1】業務功能可能包括：服務的提供</p>',
      '<p>【註2】備份設備可能包括：替代性場所</p>',
    ]);
    expect(value.lastCut(0, 4)).toBeUndefined();
    const sentence = new FragmentBuilder().text('完成。下一步');
    expect(sentence.lastCut(3, 3)).toBeUndefined();
  });
});
