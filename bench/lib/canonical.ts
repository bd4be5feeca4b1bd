// Whole answers reduced to one canonical JSON form, and a readable difference between two of them.
// Each operation says which of its lists are ordered by the API's contract (kept in order) and
// which are not (sorted); everything else — ids, values, nulls — is compared as it is.
import neo4j from 'neo4j-driver';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Plain JSON: driver Integers as numbers, floats to 12 significant digits (a score that crossed
 * Bolt and JSON may differ in its last bit), undefined as null, object keys sorted.
 */
export function plain(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (typeof value === 'number') return Number.isInteger(value) ? value : Number(value.toPrecision(12));
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(plain);
  if (neo4j.isDate(value as never) || neo4j.isDateTime(value as never)) return String(value);
  const out: Record<string, Json> = {};
  for (const key of Object.keys(value as object).sort()) out[key] = plain((value as Record<string, unknown>)[key]);
  return out;
}

const text = (value: unknown): string => JSON.stringify(plain(value));

/** A list whose order the contract does not fix: sorted by each item's canonical JSON. */
export function sorted<T>(list: readonly T[] | null | undefined, each: (item: T) => Json = (x) => x): Json[] | null {
  if (!list) return null;
  return list
    .map((item) => plain(each(item)))
    .map((item) => [text(item), item] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, item]) => item);
}

/** A list in the contract's order. */
export function ordered<T>(list: readonly T[] | null | undefined, each: (item: T) => Json = (x) => x): Json[] | null {
  if (!list) return null;
  return list.map((item) => plain(each(item)));
}

/**
 * A list ordered by a key the contract names (e.g. score, strongest first) whose ties it does not
 * order: the sequence of keys is kept as it came, and items with equal keys next to each other are
 * sorted among themselves, so two answers agree when they hold the same items in the same key order.
 */
export function orderedBy<T>(
  list: readonly T[] | null | undefined,
  key: (item: T) => Json,
  each: (item: T) => Json = (x) => x,
): Json[] | null {
  if (!list) return null;
  const out: Json[] = [];
  let run: Array<readonly [string, Json]> = [];
  let runKey: string | null = null;
  const flush = () => {
    run.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    out.push(...run.map(([, item]) => item));
    run = [];
  };
  for (const item of list) {
    const k = text(key(item));
    if (k !== runKey) flush();
    runKey = k;
    const value = plain(each(item));
    run.push([text(value), value]);
  }
  flush();
  return out;
}

/** Drops the named fields wherever they occur (for a comparison with a variant that cannot express them). */
export function without(value: Json, fields: readonly string[]): Json {
  if (Array.isArray(value)) return value.map((item) => without(item, fields));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, Json> = {};
  for (const [key, item] of Object.entries(value)) if (!fields.includes(key)) out[key] = without(item, fields);
  return out;
}

/** The size of an answer: items of every list, by path (`responsibilities[].tasks`). */
export function listSizes(value: Json, path = '', sizes: Record<string, number> = {}): Record<string, number> {
  if (Array.isArray(value)) {
    const key = path || '(answer)';
    sizes[key] = (sizes[key] ?? 0) + value.length;
    for (const item of value) listSizes(item, `${path}[]`, sizes);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) listSizes(item, path ? `${path}.${key}` : key, sizes);
  }
  return sizes;
}

const show = (value: Json): string => {
  const s = JSON.stringify(value);
  return s === undefined ? 'undefined' : s.length > 160 ? `${s.slice(0, 157)}...` : s;
};

/**
 * The differences between two canonical answers, one line each with its path, at most `limit`
 * lines; empty when they are equal. Lists of different lengths are compared as multisets first, so
 * the lines say which items one side has and the other lacks.
 */
export function differences(a: Json, b: Json, names: [string, string], limit = 20): string[] {
  const lines: string[] = [];
  const add = (line: string) => {
    if (lines.length < limit) lines.push(line);
    else if (lines.length === limit) lines.push('  …');
  };
  const walk = (x: Json, y: Json, path: string) => {
    if (lines.length > limit) return;
    if (text(x) === text(y)) return;
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length) {
        add(`  ${path || '(answer)'}: ${x.length} items in ${names[0]}, ${y.length} in ${names[1]}`);
        const count = (list: Json[]) => {
          const m = new Map<string, number>();
          for (const item of list) m.set(text(item), (m.get(text(item)) ?? 0) + 1);
          return m;
        };
        const cx = count(x);
        const cy = count(y);
        for (const [item, n] of cx) if ((cy.get(item) ?? 0) < n) add(`    only in ${names[0]}: ${show(JSON.parse(item))}`);
        for (const [item, n] of cy) if ((cx.get(item) ?? 0) < n) add(`    only in ${names[1]}: ${show(JSON.parse(item))}`);
        return;
      }
      x.forEach((item, i) => walk(item, y[i], `${path}[${i}]`));
      return;
    }
    if (x && y && typeof x === 'object' && typeof y === 'object' && !Array.isArray(x) && !Array.isArray(y)) {
      for (const key of [...new Set([...Object.keys(x), ...Object.keys(y)])].sort()) {
        if (!(key in y)) add(`  ${path}.${key}: only in ${names[0]} (${show(x[key])})`);
        else if (!(key in x)) add(`  ${path}.${key}: only in ${names[1]} (${show(y[key])})`);
        else walk(x[key], y[key], path ? `${path}.${key}` : key);
      }
      return;
    }
    add(`  ${path || '(answer)'}: ${names[0]} ${show(x)} ≠ ${names[1]} ${show(y)}`);
  };
  walk(a, b, '');
  return lines;
}
