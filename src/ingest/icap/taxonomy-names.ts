// The official names of classification codes, from the taxonomy seed (seed/taxonomy/*.json), for the
// classification fields of a standard that leave a name out or give one name to several codes. The
// data is bundled with the code (a JSON import), so parsing stays free of I/O.

import categories from '../../../seed/taxonomy/categories.json' with { type: 'json' };
import industries from '../../../seed/taxonomy/industries.json' with { type: 'json' };
import occupations from '../../../seed/taxonomy/occupations.json' with { type: 'json' };
import { ancestorCodes, type TaxonomyKind as NodeKind } from '../taxonomy-codes.js';

/** The three classification fields of a standard's header, by their published names. */
export type TaxonomyKind = '職類別' | '職業別' | '行業別';

/** The names a parser may look codes up in: a code's own name, and its ancestors' codes. */
export interface TaxonomyNames {
  nameOf(code: string): string | undefined;
  ancestorsOf(code: string): string[];
}

const NODE_KINDS: Record<TaxonomyKind, NodeKind> = { 職類別: 'Category', 職業別: 'Occupation', 行業別: 'Industry' };

function namesFrom(kind: NodeKind, entries: ReadonlyArray<{ code: string; name: string | null }>): TaxonomyNames {
  const names = new Map(entries.flatMap((entry) => (entry.name ? [[entry.code, entry.name] as const] : [])));
  return { nameOf: (code) => names.get(code), ancestorsOf: (code) => ancestorCodes(kind, code) };
}

/** The seed taxonomy's names for each classification field of a standard. */
export const SEED_TAXONOMY_NAMES: Record<TaxonomyKind, TaxonomyNames> = {
  職類別: namesFrom(NODE_KINDS['職類別'], categories),
  職業別: namesFrom(NODE_KINDS['職業別'], occupations),
  行業別: namesFrom(NODE_KINDS['行業別'], industries),
};
