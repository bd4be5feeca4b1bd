import { ParseError } from '../parse-error.js';
import type { ParseWarning, ParseWarningKind } from '../parse-warning.js';

/** One line of the normalised input with its 1-based number in the original text. */
export interface SourceLine {
  number: number;
  text: string;
}

/**
 * The document being parsed: its lines, the one way a parser reports that it does not fit, and the
 * warnings about forms it normalised on the way.
 */
export class SourceDocument {
  readonly lines: readonly SourceLine[];
  readonly warnings: ParseWarning[] = [];
  private readonly warned = new Set<string>();

  constructor(
    readonly name: string,
    text: string,
  ) {
    this.lines = text.split('\n').map((line, index) => ({ number: index + 1, text: line }));
  }

  fail(line: number, field: string, expected: string): never {
    throw new ParseError(this.name, line, field, expected);
  }

  warn(kind: ParseWarningKind, line: number, field: string, message: string): void {
    this.warnings.push({ kind, line, field, message });
  }

  /**
   * Warns about a form once per field (and `about`, when given): a document that writes every item
   * that way gets one warning (at its first occurrence), not one per item.
   */
  warnOnce(kind: ParseWarningKind, line: number, field: string, message: string, about = ''): void {
    const key = `${kind}\u0000${field}\u0000${about}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.warn(kind, line, field, message);
  }
}

interface Piece {
  /** Offset in the assembled text where this piece starts. */
  start: number;
  line: number;
}

/**
 * Text assembled from one or more source lines (a table cell continued after a page break), which
 * remembers the line every piece came from so that an error about an item can name its line.
 */
export class SourcedText {
  private constructor(
    readonly text: string,
    private readonly pieces: readonly Piece[],
  ) {}

  static of(text: string, line: number): SourcedText {
    return new SourcedText(text, [{ start: 0, line }]);
  }

  /** The line the text starts on. */
  get line(): number {
    return this.pieces[0]?.line ?? 0;
  }

  lineAt(offset: number): number {
    let line = this.line;
    for (const piece of this.pieces) {
      if (piece.start > offset) break;
      line = piece.line;
    }
    return line;
  }

  append(separator: string, next: SourcedText): SourcedText {
    if (next.text === '') return this;
    if (this.text === '') return next;
    const shift = this.text.length + separator.length;
    return new SourcedText(this.text + separator + next.text, [
      ...this.pieces,
      ...next.pieces.map((piece) => ({ start: piece.start + shift, line: piece.line })),
    ]);
  }

  slice(start: number, end = this.text.length): SourcedText {
    const pieces: Piece[] = [];
    for (const piece of this.pieces) {
      if (piece.start >= end && pieces.length > 0) break;
      const shifted = { start: Math.max(0, piece.start - start), line: piece.line };
      // A piece that starts before the slice still covers its beginning; keep only the last such one.
      if (shifted.start === 0 && pieces.length > 0 && pieces[pieces.length - 1]!.start === 0) pieces.pop();
      pieces.push(shifted);
    }
    return new SourcedText(this.text.slice(start, end), pieces);
  }
}
