// Putting back together what a page break cut apart.
//
// Both formats are copied out of paginated pages: where a table row or a value does not fit, the
// rest of it continues after the break (after a repeated table header in a standard, on a line whose
// first cell is empty in a unit). The parsers find those continuations; the functions here decide
// how a continuation joins the text it continues.
//
// A continuation either starts a new item of its cell (`S06…` in a list of skills, `四、…` in a list
// of knowledge, `【註3】…` in the notes) and is then a new entry, or it is the rest of a cut text.
// Chinese text wraps anywhere, so a cut Chinese word or sentence is joined without a space
// (`因應不同利益關係人提` + `供適當資訊`); Latin text wraps at spaces, so two Latin words either side
// of the cut get their space back.

import { SourcedText } from './source.js';

/** The separator that restores a text cut between `before` and `after`. */
export function cutSeparator(before: string, after: string): string {
  return /[A-Za-z0-9]$/.test(before) && /^[A-Za-z0-9]/.test(after) ? ' ' : '';
}

/** Continues a plain-text cell: a new coded item is separated by a space, anything else rejoins the cut text. */
export function continuePlain(
  previous: SourcedText,
  continuation: SourcedText,
  startsItem: (text: string) => boolean,
): SourcedText {
  const separator = startsItem(continuation.text) ? ' ' : cutSeparator(previous.text, continuation.text);
  return previous.append(separator, continuation);
}

const CLOSING_BLOCK_TAG = /<\/\s*(?:p|li|ol|ul|div)\s*>$/i;
const OPENING_BLOCK_TAGS = /^\s*(?:<\s*(?:p|li|ol|ul|div)(?:\s[^<>]*)?>\s*)+/i;
const SENTENCE_END = /[。！？!?]$/;

/** The text without the closing block tags (and white space) it ends with. */
function withoutClosingBlockTags(text: string): string {
  let end = text.trimEnd();
  for (;;) {
    const tag = CLOSING_BLOCK_TAG.exec(end.slice(-16));
    if (!tag) return end;
    end = end.slice(0, end.length - tag[0].length).trimEnd();
  }
}

/**
 * Continues an HTML value. The copy often closes the element at the break and opens it again after
 * it (`…服</p>` + `<p>務的提供…`): unless the continuation starts a new item, or the text before the
 * break ended a sentence and the continuation opens a new block, the two tags are dropped so the
 * cut word reads on.
 */
export function continueHtml(
  previous: SourcedText,
  continuation: SourcedText,
  startsItem: (text: string) => boolean,
): SourcedText {
  const before = withoutClosingBlockTags(previous.text);
  const opening = OPENING_BLOCK_TAGS.exec(continuation.text);
  const after = opening ? continuation.text.slice(opening[0].length) : continuation.text;
  if (startsItem(after) || (opening !== null && SENTENCE_END.test(before.trimEnd()))) {
    return previous.append(' ', continuation);
  }
  const head = previous.slice(0, before.length);
  const tail = continuation.slice(continuation.text.length - after.length);
  return head.append(cutSeparator(before, after), tail);
}

/** A row of cells assembled from a row and its continuations. */
export interface ContinuedRow {
  line: number;
  cells: SourcedText[];
}

/**
 * Appends a continuation row cell by cell to the row it continues: every non-empty cell continues
 * the cell above it. `startsItem` tells, per column, whether a continuation starts a new coded item.
 */
export function continueRow(
  previous: ContinuedRow,
  continuation: { line: number; cells: readonly string[] },
  startsItem: (column: number, text: string) => boolean = () => false,
): void {
  continuation.cells.forEach((cell, column) => {
    if (cell === '') return;
    const next = SourcedText.of(cell, continuation.line);
    const above = previous.cells[column];
    previous.cells[column] = above
      ? continuePlain(above, next, (text) => startsItem(column, text))
      : next;
  });
}
