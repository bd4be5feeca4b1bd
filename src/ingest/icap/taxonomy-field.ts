// The classification fields of a standard (職類別, 職業別, 行業別): a name field and a code field that may
// each list several entries.
//
// Entries are separated by `；`, `、` or `/`, but `/` (or `／`) inside one entry also separates a parent
// name from the name (`企業經營管理 / 運籌管理`), and `、` occurs inside names
// (`專業、科學及技術服務業`). The code field is unambiguous, so its count decides how the name field
// is read: see `splitNames`. Two readings need the classification itself (see `groupReading`): one
// name for several codes (`製造業` with `C08；C34`), and a name left out (`專業、科學及技術服務業 / `).
//
// Industry codes also come as ranges of 中類 (`G45-46`, as the classification codes 批發業) and
// hyphenated by level (`C-22-220-2203`); both are rewritten to the compact codes, with a warning.

import type { TaxonomyRef } from '../document.js';
import type { ParseWarningKind } from '../parse-warning.js';
import { normaliseCode } from './codes.js';
import type { TaxonomyKind, TaxonomyNames } from './taxonomy-names.js';

export type { TaxonomyKind };

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

/** How a field reports what it assumed and what it cannot read. */
export interface FieldContext {
  fail: (expected: string) => never;
  warn: (kind: ParseWarningKind, message: string) => void;
  names: TaxonomyNames;
}

const HYPHENATED = /^([A-Z])[-–](\d+(?:[-–]\d+)*)$/;
const RANGE = /^([A-Z])(\d+)[-–~]([A-Z]?)(\d+)$/;

/**
 * An industry code written with hyphens: `C-22-220-2203` (section, then each level's digits, each
 * extending the one before) is `C2203`; `G45-46` is the range of 中類 G45 and G46. Undefined when the
 * code has no hyphen; a hyphenated form that is neither is refused.
 */
function hyphenatedIndustry(code: string, context: FieldContext): string[] | undefined {
  const levels = HYPHENATED.exec(code);
  if (levels) {
    const groups = levels[2]!.split(/[-–]/);
    const extends_ = groups.every((group, i) => i === 0 || group.startsWith(groups[i - 1]!));
    if (!extends_) context.fail(`a hyphenated 行業別代碼 whose levels extend each other (C-22-220-2203); found "${code}"`);
    const compact = `${levels[1]}${groups[groups.length - 1]}`;
    context.warn('HYPHENATED_CODE', `行業別代碼 ${code} read as ${compact}`);
    return [compact];
  }
  const range = RANGE.exec(code);
  if (!range) return undefined;
  const [, section, from = '', letter, to = ''] = range;
  const low = Number(from);
  const high = Number(to);
  // The classification writes ranges only of two-digit 中類 (45-46 批發業, 47-48 零售業).
  if ((letter !== '' && letter !== section) || from.length !== 2 || to.length !== 2 || high <= low) {
    context.fail(`a 行業別代碼 range of two-digit 中類 in one section, such as G45-46; found "${code}"`);
  }
  const codes = Array.from({ length: high - low + 1 }, (_, i) => `${section}${String(low + i).padStart(2, '0')}`);
  context.warn('INDUSTRY_RANGE', `行業別代碼 ${code} read as the ${codes.length} codes ${codes.join(', ')}`);
  return codes;
}

/**
 * The codes of a code field. Stray spaces inside a code are removed (`M 7010`), but when every
 * space-separated word is a whole code by itself (`2421 2422`), the words are separate codes.
 */
export function splitCodes(field: string, kind: TaxonomyKind, context: FieldContext): string[] {
  const codes: string[] = [];
  for (const part of field.split(ENTRY_SEPARATOR)) {
    const words = part.trim().split(/\s+/).filter((word) => word !== '').map(normaliseCode);
    if (words.length === 0) continue;
    const separate = words.length > 1 && words.every((word) => CODE_SHAPES[kind].test(word));
    for (const code of separate ? words : [words.join('')]) {
      const read = kind === '行業別' ? hyphenatedIndustry(code, context) : undefined;
      for (const one of read ?? [code]) {
        if (!CODE_SHAPES[kind].test(one)) context.fail(`a ${kind}代碼 of ${SHAPE_NAMES[kind]}; found "${one}"`);
        codes.push(one);
      }
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

const sameName = (a: string | undefined, b: string): boolean => a !== undefined && a.replace(/\s+/g, '') === b.replace(/\s+/g, '');
const withParent = (code: string, name: string, parentName: string): TaxonomyRef =>
  parentName === '' ? { code, name } : { code, name, parentName };

/**
 * The readings of a name field that only the classification can confirm; undefined when neither applies.
 * - A name left out (the field is empty, or ends with a slash: `專業、科學及技術服務業 / `): every code
 *   takes its own name from the classification, and what the field does say is the parent name.
 * - One name for several codes: the field is one entry (`製造業`, `批發及零售業 / 零售業`) whose name is,
 *   for every code, the code's own name or the name of one of its ancestors, and whose parent names
 *   are names of ancestors of every code. Each code keeps the name when it is its own, and otherwise
 *   takes its own name from the classification, under the name the field gives.
 * A code the classification does not name cannot be named this way, and is refused.
 */
function groupReading(kind: TaxonomyKind, field: string, codes: readonly string[], context: FieldContext): TaxonomyRef[] | undefined {
  const { names } = context;
  const levels = field.split(SLASH).map((level) => level.trim());
  const name = levels[levels.length - 1]!;
  const parents = levels.slice(0, -1);
  const ownName = (code: string): string =>
    names.nameOf(code) ?? context.fail(`a ${kind} name for code ${code} (the field "${field}" does not name it, and the classification does not know it)`);

  if (name === '') {
    if (parents.some((parent) => parent === '')) return undefined;
    const refs = codes.map((code) => withParent(code, ownName(code), parents.join(' / ')));
    context.warn('NAME_FROM_TAXONOMY', `${kind} "${field}" gives no name for ${codes.join(', ')}; named ${refs.map((ref) => `${ref.code} ${ref.name}`).join(', ')} from the classification`);
    return refs;
  }
  if (codes.length < 2) return undefined;
  const lineage = (code: string): string[] => [code, ...names.ancestorsOf(code)];
  const namesEveryCode = codes.every((code) => lineage(code).some((c) => sameName(names.nameOf(c), name)));
  const parentsOfEveryCode = parents.every((parent) =>
    codes.every((code) => names.ancestorsOf(code).some((c) => sameName(names.nameOf(c), parent))),
  );
  if (!namesEveryCode || !parentsOfEveryCode) return undefined;
  const refs = codes.map((code) =>
    sameName(names.nameOf(code), name) ? withParent(code, name, parents.join(' / ')) : withParent(code, ownName(code), field.trim()),
  );
  context.warn('SHARED_NAME', `one ${kind} name "${field}" for the codes ${codes.join(', ')}; read as ${refs.map((ref) => `${ref.code} ${ref.name}`).join(', ')}`);
  return refs;
}

/** The entries of one classification field, pairing the names with the codes in order. */
export function parseTaxonomyField(kind: TaxonomyKind, nameField: string, codeField: string, context: FieldContext): TaxonomyRef[] {
  const codes = splitCodes(codeField, kind, context);
  if (codes.length === 0) {
    if (nameField.trim() === '') return [];
    context.fail(`a ${kind}代碼 for ${kind} "${nameField}"`);
  }
  const grouped = groupReading(kind, nameField.trim(), codes, context);
  if (grouped) return grouped;
  const names = splitNames(nameField.trim(), codes.length);
  if (!names) {
    context.fail(`${codes.length} ${kind} names to go with the ${codes.length} codes ${codes.join(', ')}; found "${nameField}"`);
  }
  return codes.map((code, i) => toRef(code, names[i]!) ?? context.fail(`a ${kind} name for code ${code}`));
}
