// A small seeded pseudo-random generator (mulberry32) and the sampling helpers the corpus generator
// needs. Everything the generator decides goes through one of these, so a seed fixes the output
// byte for byte on every platform (no Math.random, no iteration over hash-ordered collections).

/** A 32-bit hash of a list of numbers and strings (FNV-1a over the parts, then a murmur3 finaliser). */
export function hashSeed(...parts: readonly (number | string)[]): number {
  let h = 0x811c9dc5;
  const mix = (code: number): void => {
    h ^= code & 0xff;
    h = Math.imul(h, 0x01000193);
    h ^= (code >>> 8) & 0xff;
    h = Math.imul(h, 0x01000193);
  };
  for (const part of parts) {
    const text = typeof part === 'number' ? `#${part}` : `$${part}`;
    for (let i = 0; i < text.length; i += 1) mix(text.charCodeAt(i));
    mix(0x1f);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Random.pick: no items to pick from');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** An index chosen with probability proportional to its weight. */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let x = this.next() * total;
    for (let i = 0; i < weights.length; i += 1) {
      x -= weights[i]!;
      if (x < 0) return i;
    }
    return weights.length - 1;
  }

  /** A value chosen from `[value, weight]` pairs. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    return choices[this.weightedIndex(choices.map(([, w]) => w))]![0];
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }

  /** `count` distinct items in random order (all of them when there are fewer). */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, Math.max(0, count));
  }

  /** A random generator for a sub-task, independent of how much this one is used later. */
  fork(label: string | number): Random {
    return new Random(hashSeed(this.state, label));
  }
}

/**
 * Draws items with Zipf-like frequencies: the item of rank r (0-based) has weight 1 / (r + 1)^exponent,
 * so a few items are very common and most are rare (a long tail).
 */
export class ZipfSampler<T> {
  private readonly cumulative: Float64Array;

  constructor(
    readonly items: readonly T[],
    exponent = 1,
  ) {
    this.cumulative = new Float64Array(items.length);
    let total = 0;
    for (let r = 0; r < items.length; r += 1) {
      total += 1 / Math.pow(r + 1, exponent);
      this.cumulative[r] = total;
    }
  }

  get size(): number {
    return this.items.length;
  }

  draw(random: Random): T {
    const total = this.cumulative[this.cumulative.length - 1] ?? 0;
    const x = random.next() * total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}
