// The iCAP document parsers: text (or bytes) in, a typed ParsedDocument out. Pure: no I/O, no database.
//
// Which of the two formats a document is in is decided by its content, never by its file name.

import type { DocumentKind, ParsedDocument } from '../document.js';
import { decodeDocument } from './decode.js';
import { normaliseInput } from './normalise.js';
import { SourceDocument } from './source.js';
import { parseStandard } from './standard-parser.js';
import { cellsOf, labelKey } from './table-rows.js';
import { parseUnit } from './unit-parser.js';

export { ParseError } from '../parse-error.js';

/**
 * The format of a document's text: a 職能基準 has a row (or version-table column) 職能基準代碼, a
 * 職能單元 a row 職能單元代碼. Null when it has neither. Whichever comes first decides.
 */
export function detectFormat(text: string): DocumentKind | null {
  for (const line of normaliseInput(text).split('\n')) {
    if (!line.includes('代碼')) continue;
    const cells = cellsOf(line).map(labelKey);
    if (cells[0] === '職能單元代碼') return 'UNIT';
    if (cells[0] === '職能基準代碼' || (cells[0] === '版本' && cells.includes('職能基準代碼'))) return 'STANDARD';
  }
  return null;
}

/**
 * Parses one iCAP document. `input` is the text, or its bytes (UTF-8 with or without BOM, Big5 or
 * UTF-16); `documentName` (usually the file name) is only used in errors.
 *
 * @throws ParseError when the document does not fit its format; never anything else.
 */
export function parseDocument(input: string | Uint8Array, documentName: string): ParsedDocument {
  const text = normaliseInput(decodeDocument(input, documentName));
  const doc = new SourceDocument(documentName, text);
  switch (detectFormat(text)) {
    case 'STANDARD':
      return parseStandard(doc);
    case 'UNIT':
      return parseUnit(doc);
    case null:
      return doc.fail(0, 'format', 'an iCAP 職能基準 (with a row 職能基準代碼) or 職能單元 (with a row 職能單元代碼)');
  }
}
