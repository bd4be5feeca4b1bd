// Where a page break may cut a text, and the two halves it leaves.
//
// The documents are copies of paginated pages: a table row or value that does not fit on a page
// continues on the next one. Chinese text wraps between any two characters, so a cut may fall inside a
// word; codes, numbers, HTML tags and note markers are never cut. A cut inside an HTML block closes the
// block before the break and opens it again after it (`…服</p>` + `<p>務的提供…`), as the copies do.

/** CJK ideographs, CJK punctuation and full-width forms: characters Chinese text may wrap between. */
export function isWide(char: string | undefined): boolean {
  return char !== undefined && char.charCodeAt(0) >= 0x2e80;
}

function isSentenceEnd(char: string): boolean {
  return char === '。' || char === '！' || char === '？';
}

/** Whether a cut at `i` leaves wide characters on both sides and does not fall right after a sentence end. */
function canCutAt(text: string, i: number): boolean {
  return i > 0 && i < text.length && isWide(text[i - 1]) && isWide(text[i]) && !isSentenceEnd(text[i - 1]!);
}

/** Offsets in `text` between `from` and the end where Chinese text may be cut (see canCutAt). */
export function midTextOffsets(text: string, from = 1): number[] {
  const offsets: number[] = [];
  for (let i = Math.max(1, from); i < text.length; i += 1) if (canCutAt(text, i)) offsets.push(i);
  return offsets;
}

/** The largest offset in [from, to] of `text` where Chinese text may be cut, or -1. */
export function lastTextOffset(text: string, from: number, to: number): number {
  for (let i = Math.min(to, text.length - 1); i >= Math.max(1, from); i -= 1) if (canCutAt(text, i)) return i;
  return -1;
}

/** A place where an HTML value may be cut. */
export interface CutPoint {
  /** Offset in the value's HTML. */
  offset: number;
  /** Visible characters (text without tags) before the cut, to measure how much fits on a page. */
  visible: number;
  /** Tags that close the open blocks before the break (`</p>`), and open them again after it. */
  close: string;
  open: string;
  /** Whether the cut falls between two items rather than inside a text. */
  boundary: boolean;
  /** When set, the rest after the break is written this way instead (the copy changed format). */
  rest?: string;
}

/** A run of text a page break may cut, with the tags that re-wrap its halves. */
interface TextRun {
  offset: number;
  visible: number;
  text: string;
  close: string;
  open: string;
}

/**
 * An HTML (or plain) value assembled piece by piece, remembering where it may be cut: inside text
 * runs, and at the boundaries between items.
 */
export class FragmentBuilder {
  private html = '';
  private visibleLength = 0;
  private readonly runs: TextRun[] = [];
  private readonly boundaries: CutPoint[] = [];

  /** Markup that takes no room on the page. */
  tag(markup: string): this {
    this.html += markup;
    return this;
  }

  /** Visible text that is never cut (item numbers, note markers, underlined terms). */
  atom(text: string): this {
    this.html += text;
    this.visibleLength += text.length;
    return this;
  }

  /** Text a page break may cut anywhere between two Chinese characters; `close`/`open` re-wrap the halves. */
  text(text: string, close = '', open = ''): this {
    this.runs.push({ offset: this.html.length, visible: this.visibleLength, text, close, open });
    this.html += text;
    this.visibleLength += text.length;
    return this;
  }

  /** A cut between two items: the next item starts the continuation. */
  boundary(rest?: string): this {
    this.boundaries.push({
      offset: this.html.length,
      visible: this.visibleLength,
      close: '',
      open: '',
      boundary: true,
      ...(rest !== undefined ? { rest } : {}),
    });
    return this;
  }

  /** The last boundary whose visible position is in [min, max]. */
  lastBoundary(min: number, max: number): CutPoint | undefined {
    for (let i = this.boundaries.length - 1; i >= 0; i -= 1) {
      const cut = this.boundaries[i]!;
      if (cut.visible <= max) return cut.visible >= min ? cut : undefined;
    }
    return undefined;
  }

  /** The last cut point of any kind whose visible position is in [min, max]. */
  lastCut(min: number, max: number): CutPoint | undefined {
    let mid: CutPoint | undefined;
    for (let i = this.runs.length - 1; i >= 0 && !mid; i -= 1) {
      const run = this.runs[i]!;
      if (run.visible > max) continue;
      if (run.visible + run.text.length < min) break;
      const at = lastTextOffset(run.text, min - run.visible, max - run.visible);
      if (at >= 0) mid = { offset: run.offset + at, visible: run.visible + at, close: run.close, open: run.open, boundary: false };
    }
    const boundary = this.lastBoundary(min, max);
    return boundary && (!mid || boundary.visible >= mid.visible) ? boundary : mid;
  }

  get visible(): number {
    return this.visibleLength;
  }

  toString(): string {
    return this.html;
  }
}

/** Splits an HTML value at the given cut points (in increasing order); a cut with `rest` ends the list. */
export function splitAtCuts(html: string, cuts: readonly CutPoint[]): string[] {
  const pieces: string[] = [];
  let start = 0;
  let open = '';
  for (const cut of cuts) {
    pieces.push(open + html.slice(start, cut.offset).trim() + cut.close);
    if (cut.rest !== undefined) {
      pieces.push(cut.rest);
      return pieces;
    }
    start = cut.offset;
    open = cut.open;
  }
  pieces.push(open + html.slice(start).trim());
  return pieces;
}
