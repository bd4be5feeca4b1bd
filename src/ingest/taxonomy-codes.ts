// Classification codes and their ancestors. An ancestor's code follows from the code's prefix:
// occupation 2421 < 242 < 24 < 2; industry M7010 < M701 < M70 < M (section letter, then division,
// group and class digits); category BLM < B (職類別 under its career cluster letter).

export type TaxonomyKind = 'Occupation' | 'Industry' | 'Category';

/** Ancestor codes from the nearest parent up to the root. */
export function ancestorCodes(kind: TaxonomyKind, code: string): string[] {
  switch (kind) {
    case 'Occupation': {
      const ancestors: string[] = [];
      for (let length = code.length - 1; length >= 1; length -= 1) ancestors.push(code.slice(0, length));
      return ancestors;
    }
    case 'Industry': {
      const match = /^([A-Z])(\d*)$/.exec(code);
      if (!match) return [];
      const [, section, digits = ''] = match;
      // Divisions have two digits: there is no one-digit level between a section and a division.
      return [3, 2, 0].filter((length) => length < digits.length).map((length) => `${section}${digits.slice(0, length)}`);
    }
    case 'Category':
      return code.length > 1 ? [code.slice(0, 1)] : [];
  }
}
