// The classification fields of a standard (職類別, 職業別, 行業別): a name field and a code field that may
// each list several entries.
//
// Entries are separated by `；`, `、` or `/`, but `/` (or `／`) inside one entry also separates a parent
// name from the name (`企業經營管理 / 運籌管理`), and `、` occurs inside names
// (`專業、科學及技術服務業`). The code field is unambiguous, so its count decides how the name field
// is read: see `splitNames`.

import type { TaxonomyRef } from '../document.js';
import { normaliseCode } from './codes.js';

export type TaxonomyKind = '職類別' | '職業別' | '行業別';

/** The shape of one code of each classification. Industry codes come in several lengths (M, M70, M701, M7010). */
const CODE_SHAPES: Record<TaxonomyKind, RegExp> = {
  職類別: /^[A-Z]{3}$/,
  職業別: /^\d{1,4}$/,
  行業別: /^[A-Z]\d{0,4}$/,
};

const SHAPE_NAMES: Record<TaxonomyKind, string> = {
  職類別: 'three letters, e.g. BLM',
  職業別: 'up to four digits, e.g. 2421',
  行業別: 'a letter and up to four digits, e.g. M7010',
};

const ENTRY_SEPARATOR = /[；;、,，/／]/;
const SLASH = /[/／]/;

/**
 * The codes of a code field. Stray spaces inside a code are removed (`M 7010`), but when every
 * space-separated word is a whole code by itself (`2421 2422`), the words are separate codes.
 */
export function splitCodes(field: string, kind: TaxonomyKind, fail: (expected: string) => never): string[] {
  const codes: string[] = [];
  for (const part of field.split(ENTRY_SEPARATOR)) {
    const words = part.trim().split(/\s+/).filter((word) => word !== '').map(normaliseCode);
    if (words.length === 0) continue;
    const separate = words.length > 1 && words.every((word) => CODE_SHAPES[kind].test(word));
    for (const code of separate ? words : [words.join('')]) {
      if (!CODE_SHAPES[kind].test(code)) {
        fail(`a ${kind}代碼 of ${SHAPE_NAMES[kind]}; found "${code}"`);
      }
      codes.push(code);
    }
  }
  return codes;
}

interface Token {
  text: string;
  /** The separator that follows this token ('' after the last). */
  separator: string;
}

function tokenize(field: string): Token[] {
  const tokens: Token[] = [];
  let start = 0;
  for (let i = 0; i < field.length; i += 1) {
    if (ENTRY_SEPARATOR.test(field[i]!)) {
      tokens.push({ text: field.slice(start, i), separator: field[i]! });
      start = i + 1;
    }
  }
  tokens.push({ text: field.slice(start), separator: '' });
  return tokens;
}

/** Splits `tokens` into entries after every token whose index is in `cuts`. */
function entriesAt(tokens: readonly Token[], cuts: ReadonlySet<number>): string[] {
  const entries: string[] = [];
  let current = '';
  tokens.forEach((token, i) => {
    current += token.text;
    if (cuts.has(i) || i === tokens.length - 1) {
      entries.push(current);
      current = '';
    } else {
      current += token.separator;
    }
  });
  return entries;
}

function indicesWhere(tokens: readonly Token[], test: (separator: string) => boolean): number[] {
  return tokens.flatMap((token, i) => (test(token.separator) ? [i] : []));
}

const isSemicolon = (s: string): boolean => s === '；' || s === ';';
const isListComma = (s: string): boolean => s === '、' || s === ',' || s === '，';
const isSlash = (s: string): boolean => SLASH.test(s);

/**
 * Reads `count` entries out of a name field, trying the readings in order of how unambiguous they are:
 * 1. one entry: the whole field;
 * 2. `；` separates exactly `count` entries;
 * 3. every entry has one `parent / name` slash, and entries are separated by the last `、` or `；`
 *    between two slashes (`專業、科學及技術服務業 / 管理顧問業、支援服務業 / 就業服務業`);
 * 4. `parent / name` pairs separated by slashes too (`A / B / C / D`);
 * 5. a field of slashes only, separating names without parents (`運籌管理/一般管理`);
 * 6. `、` separates exactly `count` entries.
 */
function splitNames(field: string, count: number): string[] | undefined {
  if (count === 1) return [field];
  const tokens = tokenize(field);
  const semicolons = indicesWhere(tokens, isSemicolon);
  if (semicolons.length === count - 1) return entriesAt(tokens, new Set(semicolons));

  const slashes = indicesWhere(tokens, isSlash);
  if (slashes.length === count) {
    const cuts = new Set<number>();
    for (let k = 0; k + 1 < slashes.length; k += 1) {
      let cut: number | undefined;
      for (let i = slashes[k]! + 1; i < slashes[k + 1]!; i += 1) {
        if (isSemicolon(tokens[i]!.separator) || isListComma(tokens[i]!.separator)) cut = i;
      }
      if (cut === undefined) break;
      cuts.add(cut);
    }
    if (cuts.size === count - 1) return entriesAt(tokens, cuts);
  }
  if (slashes.length === 2 * count - 1) {
    return entriesAt(tokens, new Set(slashes.filter((_, k) => k % 2 === 1)));
  }
  if (slashes.length === tokens.length - 1 && slashes.length === count - 1) {
    return entriesAt(tokens, new Set(slashes));
  }
  const commas = indicesWhere(tokens, isListComma);
  if (commas.length === count - 1) return entriesAt(tokens, new Set(commas));
  return undefined;
}

/** One entry: the name after the last slash, and the text before it as the parent name. */
function toRef(code: string, entry: string): TaxonomyRef | undefined {
  const slash = Math.max(entry.lastIndexOf('/'), entry.lastIndexOf('／'));
  const name = entry.slice(slash + 1).trim();
  if (name === '') return undefined;
  const parentName = slash >= 0 ? entry.slice(0, slash).trim() : '';
  return parentName === '' ? { code, name } : { code, name, parentName };
}

/** The entries of one classification field, pairing the names with the codes in order. */
export function parseTaxonomyField(
  kind: TaxonomyKind,
  nameField: string,
  codeField: string,
  fail: (expected: string) => never,
): TaxonomyRef[] {
  const codes = splitCodes(codeField, kind, fail);
  if (codes.length === 0) {
    if (nameField.trim() === '') return [];
    fail(`a ${kind}代碼 for ${kind} "${nameField}"`);
  }
  const names = splitNames(nameField.trim(), codes.length);
  if (!names) {
    fail(`${codes.length} ${kind} names to go with the ${codes.length} codes ${codes.join(', ')}; found "${nameField}"`);
  }
  return codes.map((code, i) => toRef(code, names[i]!) ?? fail(`a ${kind} name for code ${code}`));
}
