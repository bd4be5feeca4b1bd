/**
 * The only error a parser throws: it says which document, where (1-based line in the original text,
 * and the column or field when known) and what was expected there.
 */
export class ParseError extends Error {
  override readonly name = 'ParseError';

  constructor(
    /** The document's name as given by the caller (usually its file name). */
    readonly document: string,
    /** 1-based line in the original text; 0 when the problem is the document as a whole. */
    readonly line: number,
    /** The field or table column concerned (`職能基準代碼`, `行為指標`, `encoding`, …). */
    readonly field: string,
    /** What was expected, in words a person importing the document can act on. */
    readonly expected: string,
  ) {
    super(`${document}${line > 0 ? `:${line}` : ''} [${field}] ${expected}`);
  }
}
