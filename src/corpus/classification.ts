// The classifications generated documents are filed under: 職類別 (categories), 職業別 (occupations)
// and 行業別 (industries), taken from the taxonomy seed data so that every code a generated document
// uses resolves in the graph. The data can be read from seed/taxonomy or passed in memory.

import fs from 'node:fs';
import path from 'node:path';
import { SEED_DIR } from '../paths.js';
import { CATEGORY_DOMAINS, CLUSTER_DOMAINS, CLUSTER_PROFILES, type Domain } from './lexicon.js';

/** One entry of a taxonomy file (the fields the generator needs). */
export interface CorpusTaxonomyEntry {
  code: string;
  name: string | null;
  parent: string | null;
  level: number;
}

/** The three classifications, as in seed/taxonomy/{categories,occupations,industries}.json. */
export interface CorpusTaxonomy {
  categories: readonly CorpusTaxonomyEntry[];
  occupations: readonly CorpusTaxonomyEntry[];
  industries: readonly CorpusTaxonomyEntry[];
}

export const DEFAULT_TAXONOMY_DIR = path.join(SEED_DIR, 'taxonomy');

/** Reads categories.json, occupations.json and industries.json of a taxonomy directory. */
export function readCorpusTaxonomy(dir: string = DEFAULT_TAXONOMY_DIR): CorpusTaxonomy {
  const read = (file: string): CorpusTaxonomyEntry[] =>
    JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as CorpusTaxonomyEntry[];
  return { categories: read('categories.json'), occupations: read('occupations.json'), industries: read('industries.json') };
}

/** A classification entry as a document writes it: the code, its name and the parent name before the slash. */
export interface ClassifiedRef {
  code: string;
  name: string;
  parentName?: string;
}

export interface CategoryProfile {
  /** 職類別 code, `BLM`. */
  code: string;
  name: string;
  cluster: string;
  clusterName: string;
  domains: readonly Domain[];
  /** How often standards and units of this category occur. */
  weight: number;
  /** Occupations (4-digit unit groups) this category's standards are filed under. */
  occupations: readonly ClassifiedRef[];
  /** Industry codes of several lengths (`M7010`, `M701`, `M70`, `C26`), labelled as iCAP labels them. */
  industries: readonly ClassifiedRef[];
}

export interface Classification {
  categories: readonly CategoryProfile[];
}

/**
 * The label iCAP gives an industry code: the section's name, a slash, and the name of the 2-digit
 * group (`M7010` is labelled `專業、科學及技術服務業 / 企業總管理機構及管理顧問業`, the name of M70).
 */
function industryRef(code: string, byCode: ReadonlyMap<string, CorpusTaxonomyEntry>): ClassifiedRef | undefined {
  const section = byCode.get(code.slice(0, 1))?.name;
  const group = byCode.get(code.slice(0, 3))?.name;
  if (!byCode.has(code) || !section) return undefined;
  if (code.length === 1) return { code, name: section };
  return group ? { code, name: group, parentName: section } : undefined;
}

/** Builds the category profiles from taxonomy data; fails when the data has no usable categories. */
export function buildClassification(taxonomy: CorpusTaxonomy): Classification {
  const clusters = new Map(taxonomy.categories.filter((c) => c.level === 1 && c.name).map((c) => [c.code, c.name!]));
  const unitGroups = taxonomy.occupations.filter((o) => o.level === 4 && o.name && /^\d{4}$/.test(o.code));
  const industriesByCode = new Map(taxonomy.industries.map((i) => [i.code, i]));
  const usableIndustries = taxonomy.industries
    .filter((i) => i.code.length >= 3)
    .map((i) => industryRef(i.code, industriesByCode))
    .filter((ref): ref is ClassifiedRef => ref !== undefined);
  if (unitGroups.length === 0) throw new Error('corpus taxonomy: no 4-digit occupations');
  if (usableIndustries.length === 0) throw new Error('corpus taxonomy: no industries with a section and a group');

  const categoriesOf = new Map<string, CorpusTaxonomyEntry[]>();
  for (const category of taxonomy.categories) {
    if (category.level !== 2 || !category.name || !/^[A-Z]{3}$/.test(category.code)) continue;
    const cluster = category.parent ?? category.code.slice(0, 1);
    if (!clusters.has(cluster)) continue;
    categoriesOf.set(cluster, [...(categoriesOf.get(cluster) ?? []), category]);
  }

  const profiles: CategoryProfile[] = [];
  for (const [cluster, categories] of categoriesOf) {
    const profile = CLUSTER_PROFILES[cluster];
    const occupations = unitGroups.filter((o) => profile?.occupations.some((prefix) => o.code.startsWith(prefix)));
    const industries = (profile?.industries ?? [])
      .map((code) => industryRef(code, industriesByCode))
      .filter((ref): ref is ClassifiedRef => ref !== undefined);
    for (const category of categories) {
      profiles.push({
        code: category.code,
        name: category.name!,
        cluster,
        clusterName: clusters.get(cluster)!,
        domains: CATEGORY_DOMAINS[category.code] ?? CLUSTER_DOMAINS[cluster] ?? ['management'],
        weight: (profile?.weight ?? 0.5) / categories.length,
        occupations: (occupations.length > 0 ? occupations : unitGroups).map((o) => ({ code: o.code, name: o.name! })),
        industries: industries.length > 0 ? industries : usableIndustries,
      });
    }
  }
  if (profiles.length === 0) throw new Error('corpus taxonomy: no 職類別 categories (three letters under a cluster)');
  return { categories: profiles };
}
