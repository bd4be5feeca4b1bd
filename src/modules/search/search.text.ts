// How user text becomes a Lucene query and a highlighted snippet. Pure functions: the text is
// always literal — every word is quoted as a phrase, so no character can act as Lucene syntax.

/** A word of the user's text: what it looks for in the index and in the matched property. */
export interface SearchWord {
  /** The word as typed (width-normalised). */
  word: string;
  /** Its runs of letters and digits, which is what the analyzer indexes. */
  tokens: string[];
}

const TOKEN = /[\p{L}\p{N}]+/gu;

/** The words of a search text that can match anything (at least one letter or digit). */
export function searchWords(text: string): SearchWord[] {
  return text
    .normalize('NFKC')
    .split(/\s+/u)
    .map((word) => ({ word, tokens: word.match(TOKEN) ?? [] }))
    .filter((word) => word.tokens.length > 0);
}

/**
 * The Lucene query for a search text: each word a quoted phrase (inside quotes only `\` and `"`
 * are special, and both are escaped), all words required. Null when nothing in the text can match.
 */
export function luceneQuery(text: string): string | null {
  const words = searchWords(text);
  if (words.length === 0) return null;
  return words.map(({ word }) => `"${word.replace(/[\\"]/g, (ch) => `\\${ch}`)}"`).join(' AND ');
}

const escapeHtml = (text: string): string => text.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

/** Characters of context shown on each side of the first match. */
const CONTEXT = 30;
const SNIPPET_LENGTH = 80;

export interface Snippet {
  field: string;
  snippet: string;
}

/** Where the tokens occur in a text, case-insensitively, as non-overlapping [start, end) ranges. */
function matches(text: string, tokens: string[]): Array<[number, number]> {
  const folded = text.normalize('NFKC').toLowerCase();
  // NFKC can change lengths; highlight only when it did not, so offsets stay true.
  if (folded.length !== text.length) return [];
  const ranges: Array<[number, number]> = [];
  for (const token of tokens) {
    const needle = token.toLowerCase();
    for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + needle.length)) ranges.push([at, at + needle.length]);
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/**
 * The property of a hit that shows why it matched, cut to about 80 characters around the first
 * match, with every match wrapped in `<mark>` and the rest HTML-escaped.
 */
export function snippetOf(properties: Record<string, unknown>, words: SearchWord[]): Snippet {
  const tokens = words.flatMap((word) => word.tokens);
  const fields = ['name', 'text', 'description', 'code'].filter((field) => typeof properties[field] === 'string' && properties[field] !== '');
  for (const field of fields) {
    const text = properties[field] as string;
    const ranges = matches(text, tokens);
    if (ranges.length === 0) continue;
    const first = ranges[0]!;
    const start = Math.max(0, first[0] - CONTEXT);
    const end = Math.min(text.length, Math.max(first[1] + CONTEXT, start + SNIPPET_LENGTH));
    let out = start > 0 ? '…' : '';
    let at = start;
    for (const [from, to] of ranges) {
      if (from >= end) break;
      if (from < at) continue;
      out += `${escapeHtml(text.slice(at, from))}<mark>${escapeHtml(text.slice(from, Math.min(to, end)))}</mark>`;
      at = Math.min(to, end);
    }
    out += escapeHtml(text.slice(at, end)) + (end < text.length ? '…' : '');
    return { field, snippet: out };
  }
  const field = fields[0] ?? 'name';
  const text = typeof properties[field] === 'string' ? (properties[field] as string) : '';
  return { field, snippet: escapeHtml(text.slice(0, SNIPPET_LENGTH)) + (text.length > SNIPPET_LENGTH ? '…' : '') };
}
