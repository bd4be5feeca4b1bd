import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Integrity of the classification seed data in seed/taxonomy/*.json (no database).

const seedDir = fileURLToPath(new URL('../../../seed/taxonomy/', import.meta.url));
const icapDir = fileURLToPath(new URL('../../../seed/icap/', import.meta.url));

function load<T>(file: string): T[] {
  const data: unknown = JSON.parse(readFileSync(seedDir + file, 'utf8'));
  if (!Array.isArray(data)) throw new Error(`${file}: expected a top-level array`);
  return data as T[];
}

interface TreeEntry {
  code: string;
  name: string;
  parent: string | null;
  level: number;
  provisional: boolean;
}
interface Occupation extends TreeEntry {
  isco08: { code: string; match: 'exact' | 'broader' | 'narrower' | 'related' } | null;
}
interface Level {
  level: number;
  description: string;
  summary: string;
  provisional: boolean;
}

const occupations = load<Occupation>('occupations.json');
const industries = load<TreeEntry>('industries.json');
const categories = load<TreeEntry>('categories.json');
const levels = load<Level>('levels.json');

const byCode = <T extends TreeEntry>(entries: T[]): Map<string, T> => new Map(entries.map((e) => [e.code, e]));
const occupationByCode = byCode(occupations);
const industryByCode = byCode(industries);
const categoryByCode = byCode(categories);

/** Every code from `code` up to its root, following `parent`. */
function lineage(index: Map<string, TreeEntry>, code: string): string[] {
  const out: string[] = [];
  for (let e = index.get(code); e; e = e.parent === null ? undefined : index.get(e.parent)) out.push(e.code);
  return out;
}

function checkTree(name: string, entries: TreeEntry[], opts: { prefixParents: boolean }): void {
  describe(`${name}: tree integrity`, () => {
    const index = byCode(entries);

    it('has well-formed entries', () => {
      for (const e of entries) {
        expect(typeof e.code, JSON.stringify(e)).toBe('string');
        expect(e.code.length, e.code).toBeGreaterThan(0);
        expect(typeof e.name, e.code).toBe('string');
        expect(e.name.trim().length, e.code).toBeGreaterThan(0);
        expect(typeof e.provisional, e.code).toBe('boolean');
        expect(Number.isInteger(e.level), e.code).toBe(true);
      }
    });

    it('has unique codes', () => {
      const seen = new Set<string>();
      const duplicates = entries.filter((e) => (seen.has(e.code) ? true : (seen.add(e.code), false))).map((e) => e.code);
      expect(duplicates).toEqual([]);
    });

    it('has an existing parent for every non-root entry, one level up', () => {
      for (const e of entries) {
        if (e.parent === null) {
          expect(e.level, e.code).toBe(1);
          continue;
        }
        const parent = index.get(e.parent);
        expect(parent, `${e.code} -> missing parent ${e.parent}`).toBeDefined();
        expect(e.level, e.code).toBe((parent?.level ?? 0) + 1);
      }
    });

    if (opts.prefixParents) {
      it("has each parent's code as a proper prefix of the child's code", () => {
        for (const e of entries) {
          if (e.parent === null) continue;
          expect(e.code.startsWith(e.parent) && e.code.length > e.parent.length, `${e.parent} !< ${e.code}`).toBe(true);
        }
      });
    }
  });
}

checkTree('occupations', occupations, { prefixParents: true });
checkTree('industries', industries, { prefixParents: true });
checkTree('categories', categories, { prefixParents: false });

describe('occupations (中華民國職業標準分類 第6次修訂)', () => {
  it('has the 10 major groups 0-9 as roots', () => {
    const roots = occupations.filter((e) => e.parent === null).map((e) => e.code).sort();
    expect(roots).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it('uses the code length as the level (1 major .. 4 unit group)', () => {
    for (const e of occupations) {
      expect(e.code, e.code).toMatch(/^\d{1,4}$/);
      expect(e.level, e.code).toBe(e.code.length);
    }
  });

  it('has a well-formed ISCO-08 link wherever one is given', () => {
    for (const e of occupations) {
      if (e.isco08 === null) continue;
      expect(e.isco08.code, e.code).toMatch(/^\d{1,4}$/);
      expect(['exact', 'broader', 'narrower', 'related'], e.code).toContain(e.isco08.match);
    }
  });

  it('holds 2421 and its ancestors with their official names', () => {
    expect(lineage(occupationByCode, '2421')).toEqual(['2421', '242', '24', '2']);
    expect(occupationByCode.get('2421')?.name).toBe('組織及政策管理專業人員');
    expect(occupationByCode.get('242')?.name).toBe('行政專業人員');
    expect(occupationByCode.get('24')?.name).toBe('商業及行政專業人員');
    expect(occupationByCode.get('2')?.name).toBe('專業人員');
    expect(occupationByCode.get('2422')?.name).toBe('人事及員工培訓專業人員');
  });

  it('links Taiwan 2421 to ISCO-08 2421 as a broader match (it covers ISCO 2421 + 2422)', () => {
    expect(occupationByCode.get('2421')?.isco08).toEqual({ code: '2421', match: 'broader' });
  });
});

describe('industries (中華民國行業統計分類 第11次修正)', () => {
  it('has sections A-S as roots', () => {
    const roots = industries.filter((e) => e.parent === null).map((e) => e.code);
    expect(roots).toEqual('ABCDEFGHIJKLMNOPQRS'.split(''));
  });

  it('uses section letter + 2/3/4 digits, with the level following the digits', () => {
    for (const e of industries) {
      expect(e.code, e.code).toMatch(/^[A-S](\d{2,4})?$/);
      expect(e.level, e.code).toBe(e.code.length === 1 ? 1 : e.code.length - 1);
    }
  });

  it('holds M7010 and every ancestor derivable from the code, with official names', () => {
    expect(lineage(industryByCode, 'M7010')).toEqual(['M7010', 'M701', 'M70', 'M']);
    expect(industryByCode.get('M')?.name).toBe('專業、科學及技術服務業');
    expect(industryByCode.get('M70')?.name).toBe('企業總管理機構及管理顧問業');
    expect(industryByCode.get('M701')?.name).toBe('企業總管理機構');
    // The seed document labels M7010 with group 70's name; the seed data keeps the code's own name.
    expect(industryByCode.get('M7010')?.name).toBe('企業總管理機構');
    expect(industryByCode.get('M702')?.name).toBe('管理顧問業');
    expect(industryByCode.get('M7020')?.name).toBe('管理顧問業');
  });
});

describe('categories (職類 / 職類別)', () => {
  it('has 16 career clusters at level 1 and 3-letter 職類別 codes under the cluster of their first letter', () => {
    const clusters = categories.filter((e) => e.level === 1);
    expect(clusters).toHaveLength(16);
    for (const c of clusters) expect(c.code, c.code).toMatch(/^[A-Z]$/);
    for (const e of categories.filter((x) => x.level === 2)) {
      expect(e.code, e.code).toMatch(/^[A-Z]{3}$/);
      expect(e.parent, e.code).toBe(e.code[0]);
    }
  });

  it('has no 職類別 codes under G (none are known)', () => {
    expect(categoryByCode.get('G')?.name).toBe('政府公共事務');
    expect(categories.filter((e) => e.parent === 'G')).toEqual([]);
  });

  it('holds the codes the seed documents use, with their names', () => {
    expect(categoryByCode.get('B')?.name).toBe('企業經營管理');
    expect(categoryByCode.get('BLM')).toMatchObject({ name: '運籌管理', parent: 'B', level: 2 });
    expect(categoryByCode.get('BGM')).toMatchObject({ name: '一般管理', parent: 'B', level: 2 });
  });
});

describe('levels (職能級別)', () => {
  it('has levels 1..6, each exactly once', () => {
    expect(levels.map((l) => l.level).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('has a Chinese description, an English summary and a provisional flag for each level', () => {
    for (const l of levels) {
      expect(l.description, String(l.level)).toMatch(/[\u4e00-\u9fff]/);
      expect(l.summary.trim().length, String(l.level)).toBeGreaterThan(0);
      expect(typeof l.provisional).toBe('boolean');
    }
  });
});

describe('the sample documents resolve against the seed data', () => {
  const standard = readFileSync(icapDir + 'standard-BLM2421-007v4.txt', 'utf8');
  const unit = readFileSync(icapDir + 'unit-BGM5R0167v2.txt', 'utf8');

  it('finds the standard’s 職類別, 職業別 and 行業別 codes', () => {
    const field = (label: string): string | undefined => new RegExp(`${label}\\s+(\\S+)`).exec(standard)?.[1];
    const category = field('職類別代碼');
    const occupation = field('職業別代碼');
    const industry = field('行業別代碼');
    expect([category, occupation, industry]).toEqual(['BLM', '2421', 'M7010']);
    expect(categoryByCode.has(category ?? '')).toBe(true);
    expect(occupationByCode.get(occupation ?? '')?.name).toBe('組織及政策管理專業人員');
    expect(standard).toContain('組織及政策管理專業人員');
    expect(industryByCode.has(industry ?? '')).toBe(true);
  });

  it('finds the unit’s 領域 prefix (BGM) and its label 企業經營管理/一般管理', () => {
    expect(unit).toMatch(/職能單元代碼\s+BGM5R0167v2/);
    expect(unit).toContain(`${categoryByCode.get('B')?.name}/${categoryByCode.get('BGM')?.name}`);
  });
});
