// Document codes and classifications of a generated corpus, allocated one document after another so
// that every code is unique: `BLM2421-007v4` (職類別 + occupation + `-` + serial + version) for a
// standard, `BGM5R0167v2` (領域 + level + flag + serial + version) for a unit.

import type { CategoryProfile, Classification, ClassifiedRef } from './classification.js';
import { hashSeed, Random } from './random.js';

export interface StandardIdentity {
  /** The 職類別 of the code; `categories[0]`. */
  category: CategoryProfile;
  /** Every 職類別 the standard lists (a few list more than one). */
  categories: readonly CategoryProfile[];
  /** Every occupation it lists; the first is the one in the code. */
  occupations: readonly ClassifiedRef[];
  industries: readonly ClassifiedRef[];
  baseCode: string;
  version: number;
  code: string;
}

export interface UnitIdentity {
  category: CategoryProfile;
  level: number;
  baseCode: string;
  version: number;
  code: string;
}

const STANDARD_VERSIONS: readonly (readonly [number, number])[] = [[1, 35], [2, 25], [3, 20], [4, 12], [5, 8]];
const UNIT_VERSIONS: readonly (readonly [number, number])[] = [[1, 50], [2, 30], [3, 15], [4, 5]];
const UNIT_LEVELS: readonly (readonly [number, number])[] = [[1, 3], [2, 14], [3, 30], [4, 30], [5, 18], [6, 5]];
const MAX_STANDARD_SERIAL = 999;
const MAX_UNIT_SERIAL = 9999;

export class CodeAllocator {
  private readonly standardRandom: Random;
  private readonly unitRandom: Random;
  private readonly weights: number[];
  /** Last serial used per 職類別 + occupation (standards) and per 領域 (units). */
  private readonly standardSerials = new Map<string, number>();
  private readonly unitSerials = new Map<string, number>();
  private readonly occupationSubsets = new Map<string, readonly ClassifiedRef[]>();

  constructor(
    private readonly classification: Classification,
    private readonly seed: number,
  ) {
    this.standardRandom = new Random(hashSeed(seed, 'standard-codes'));
    this.unitRandom = new Random(hashSeed(seed, 'unit-codes'));
    this.weights = classification.categories.map((c) => c.weight);
  }

  /** The few occupations a category's standards mostly use (fixed per corpus seed). */
  private occupationsOf(category: CategoryProfile): readonly ClassifiedRef[] {
    let subset = this.occupationSubsets.get(category.code);
    if (!subset) {
      const random = new Random(hashSeed(this.seed, 'occupations', category.code));
      subset = random.sample(category.occupations, random.int(2, 6));
      this.occupationSubsets.set(category.code, subset);
    }
    return subset;
  }

  private pickCategory(random: Random): CategoryProfile {
    return this.classification.categories[random.weightedIndex(this.weights)]!;
  }

  nextStandard(): StandardIdentity {
    const random = this.standardRandom;
    let category = this.pickCategory(random);
    let occupation: ClassifiedRef | undefined;
    let serial = 0;
    // A category + occupation whose serials are used up gives way to another occupation, then to
    // another category.
    for (let attempt = 0; occupation === undefined; attempt += 1) {
      if (attempt > 0 && attempt % 8 === 0) category = this.pickCategory(random);
      if (attempt > 10_000) throw new Error('corpus: no standard codes left (every 職類別 + occupation is used up)');
      const pool = attempt < 4 ? this.occupationsOf(category) : category.occupations;
      const candidate = random.pick(pool);
      const key = `${category.code}${candidate.code}`;
      const next = (this.standardSerials.get(key) ?? 0) + random.int(1, 3);
      if (next > MAX_STANDARD_SERIAL) continue;
      this.standardSerials.set(key, next);
      occupation = candidate;
      serial = next;
    }

    const categories = [category];
    if (random.chance(0.05)) {
      const sameCluster = this.classification.categories.filter((c) => c.cluster === category.cluster && c !== category);
      const other = sameCluster.length > 0 && random.chance(0.7) ? random.pick(sameCluster) : this.pickCategory(random);
      if (other !== category) categories.push(other);
    }
    const occupations = [occupation];
    if (random.chance(0.1)) {
      const others = category.occupations.filter((o) => o.code !== occupation.code);
      occupations.push(...random.sample(others, random.chance(0.75) ? 1 : 2));
    }
    // Earlier industries of a cluster are the more common ones.
    const industries = [category.industries[random.weightedIndex(category.industries.map((_, i) => 1 / (i + 1)))]!];
    if (random.chance(0.12)) {
      const others = category.industries.filter((i) => i.code !== industries[0]!.code);
      industries.push(...random.sample(others, random.chance(0.8) ? 1 : 2));
    }

    const version = random.weighted(STANDARD_VERSIONS);
    const baseCode = `${category.code}${occupation.code}-${String(serial).padStart(3, '0')}`;
    return { category, categories, occupations, industries, baseCode, version, code: `${baseCode}v${version}` };
  }

  nextUnit(): UnitIdentity {
    const random = this.unitRandom;
    for (let attempt = 0; ; attempt += 1) {
      if (attempt > 10_000) throw new Error('corpus: no unit codes left (every 領域 is used up)');
      const category = this.pickCategory(random);
      const next = (this.unitSerials.get(category.code) ?? 0) + random.int(1, 4);
      if (next > MAX_UNIT_SERIAL) continue;
      this.unitSerials.set(category.code, next);
      const level = random.weighted(UNIT_LEVELS);
      const version = random.weighted(UNIT_VERSIONS);
      const baseCode = `${category.code}${level}R${String(next).padStart(4, '0')}`;
      return { category, level, baseCode, version, code: `${baseCode}v${version}` };
    }
  }
}
