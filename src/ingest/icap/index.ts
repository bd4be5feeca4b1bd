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

import { ParseError } from '../parse-error.js';
import type { ParseWarning } from '../parse-warning.js';

export { ParseError };
export type { DocumentKind, ParsedDocument, ParsedStandard, ParsedUnit } from '../document.js';
export type { ParseWarning, ParseWarningKind } from '../parse-warning.js';

/** A parsed document and what the parser assumed to read it (see parse-warning.ts). */
export interface ParseOutcome {
  document: ParsedDocument;
  warnings: ParseWarning[];
}

const UNIT_LABELS = new Set(['職能單元代碼', '職能單元名稱', '職能單元級別']);
const STANDARD_LABELS = new Set(['職能基準代碼', '基準級別']);

/** The format of normalised text (see detectFormat). */
function formatOf(text: string): DocumentKind | null {
  for (const line of text.split('\n')) {
    if (!line.includes('\t')) continue;
    const cells = cellsOf(line).map(labelKey);
    const first = cells[0] ?? '';
    if (UNIT_LABELS.has(first)) return 'UNIT';
    if (STANDARD_LABELS.has(first) || first.startsWith('職能基準名稱') || (first === '版本' && cells.includes('職能基準代碼'))) {
      return 'STANDARD';
    }
  }
  return null;
}

/**
 * The format of a document, from the labels of its rows: a 職能基準 has rows 職能基準代碼 … 基準級別
 * (or the version table's header), a 職能單元 rows 職能單元代碼 … 職能單元級別. Null when it has
 * neither (or, for bytes, when they are in no encoding the parser reads); when it somehow has both,
 * the first such row decides.
 */
export function detectFormat(input: string | Uint8Array): DocumentKind | null {
  try {
    return formatOf(normaliseInput(decodeDocument(input, '')));
  } catch (error) {
    if (error instanceof ParseError) return null;
    throw error;
  }
}

/**
 * Parses one iCAP document. `input` is the text, or its bytes (UTF-8 with or without BOM, Big5 or
 * UTF-16); `documentName` (usually the file name) is only used in errors. A form whose meaning is
 * unambiguous but which had to be normalised is accepted and reported in `warnings`.
 *
 * @throws ParseError when the document does not fit its format; never anything else.
 */
export function parseWithWarnings(input: string | Uint8Array, documentName: string): ParseOutcome {
  const text = normaliseInput(decodeDocument(input, documentName));
  const doc = new SourceDocument(documentName, text);
  const kind = formatOf(text);
  if (kind === null) {
    doc.fail(0, 'format', 'an iCAP 職能基準 (rows 職能基準代碼, 職能基準名稱 … 基準級別) or 職能單元 (rows 職能單元代碼, 職能單元名稱 … 職能單元級別)');
  }
  const document = kind === 'STANDARD' ? parseStandard(doc) : parseUnit(doc);
  return { document, warnings: doc.warnings };
}

/** parseWithWarnings, for callers that only need the document. */
export function parseDocument(input: string | Uint8Array, documentName: string): ParsedDocument {
  return parseWithWarnings(input, documentName).document;
}
