// Splitting a table cell of a standard into its coded items: `K01創新商業模式  K02組織商業政策及作業流程`,
// `P1.2.1評估….  P1.2.2以現有業務….`. Item text may contain spaces, commas and full-width punctuation,
// so a cell is split on its codes, never on white space.

import { takeExpectedNumber } from './codes.js';

/** How the codes of one column look: `K01` (a letter and one number) or `P1.2.3` (a letter and three). */
export interface CodeFormat {
  letter: 'K' | 'S' | 'A' | 'O' | 'P';
  parts: 1 | 3;
}

export interface CodedItem {
  /** Normalised code: `K01`, `P1.2.3`. */
  code: string;
  /** The numbers of the code: [1] for K01, [1, 2, 3] for P1.2.3. */
  numbers: number[];
  /** The item's text after the code, trimmed; empty when the cell only refers to the code. */
  text: string;
  /** Offset of the code in the cell, to find its source line. */
  offset: number;
}

export interface SplitCell {
  /** Text before the first code: empty in a well-formed cell. */
  leading: string;
  items: CodedItem[];
  /** Whether items were separated by `；` (which is not part of their text). */
  semicolons: boolean;
  /** K/S codes written with fewer digits than the numbering's width (`K1` for `K01`). */
  unpadded: string[];
  /** K/S codes whose digit run went on into the item's text (`K053D…` is K05 `3D…`), as written. */
  cutRuns: Array<{ run: string; code: string }>;
}

/**
 * How many digits a document's K or S codes have. Codes are numbered 1, 2, … and written with two
 * digits (`K01`, sometimes `K1`), or with three (`K004`, `K301`) in some documents, and past 99 a
 * two-digit numbering goes on with `K100`. A name may itself start with a digit (`K053D動畫軟體`), so
 * how much of a run of digits is the code depends on the document: see `numberingOf`.
 */
export interface CodeNumbering {
  /** The width codes are written in after normalisation: `K01` (2) or `K004` (3). */
  width: 2 | 3;
  /** How many digits of a run of digits after the letter belong to the code. */
  digits(run: string): number;
}

/** Two-digit numbering, where a third digit starts the name (`S013D列印技術` is S01 `3D列印技術`). */
export const TWO_DIGIT_CODES: CodeNumbering = { width: 2, digits: (run) => Math.min(run.length, 2) };

/**
 * The numbering of a column's K or S codes, from the runs of digits after its codes:
 * - no code with one or two digits: a three-digit numbering (`K004 K301 K327`);
 * - otherwise two digits, but a three-digit run is a code where it follows on from the highest
 *   two-digit code (`K99` … `K100`) or where its third digit is 0 (no name starts with 0); anything
 *   else (`K053D` in a list that ends at K12) is a two-digit code and a name that starts with a digit.
 */
export function numberingOf(cells: readonly string[], letter: 'K' | 'S'): CodeNumbering {
  const runs: string[] = [];
  const pattern = new RegExp(`(?:^|[\\s；;])${letter}\\s*(\\d+)`, 'gi');
  for (const cell of cells) for (const match of cell.matchAll(pattern)) runs.push(match[1]!);
  const short = runs.filter((run) => run.length <= 2).map(Number);
  if (runs.length > 0 && short.length === 0) return { width: 3, digits: (run) => Math.min(run.length, 3) };
  const highest = Math.max(0, ...short);
  return {
    width: 2,
    digits: (run) => {
      if (run.length <= 2) return run.length;
      const three = Number(run.slice(0, 3));
      // No name starts with 0, so `K100…` is K100 even where the numbering has not reached 99.
      const continues = three > highest && three <= highest + 10;
      return three >= 100 && (continues || run[2] === '0') ? 3 : 2;
    },
  };
}

interface Candidate {
  index: number;
  end: number;
  numbers: number[];
  digits: string;
}

const patterns = new Map<string, RegExp>();

function patternFor(format: CodeFormat): RegExp {
  const key = `${format.letter}${format.parts}`;
  let pattern = patterns.get(key);
  if (!pattern) {
    // Stray spaces inside a code (`K 01`, `P1. 2.3`) are tolerated; how many digits of a K/S code's run
    // are the code is the numbering's decision (a name may start with a digit: `S013D列印技術`).
    const source =
      format.parts === 1
        ? `${format.letter}\\s*(\\d+)`
        : `${format.letter}\\s*(\\d+)\\s*[.．]\\s*(\\d+)\\s*[.．]\\s*(\\d+)`;
    pattern = new RegExp(source, 'gi');
    patterns.set(key, pattern);
  }
  return pattern;
}

/**
 * A code is recognised at the start of the cell or after white space. Without white space before it
 * (`…市場變化。P1.1.2分析…`) it is recognised only where the sequence expects the next item, so that
 * text such as `使用S3儲存` inside an item is not taken for a code.
 */
function continuesSequence(previous: Candidate | undefined, next: Candidate, format: CodeFormat): boolean {
  if (!previous) return false;
  if (format.parts === 1) {
    return next.digits.length === previous.digits.length && next.numbers[0]! > previous.numbers[0]!;
  }
  return (
    next.numbers[0] === previous.numbers[0] &&
    next.numbers[1] === previous.numbers[1] &&
    next.numbers[2] === previous.numbers[2]! + 1
  );
}

function candidateAt(match: RegExpExecArray, format: CodeFormat, previous: Candidate | undefined, numbering: CodeNumbering): Candidate {
  if (format.parts === 1) {
    const run = match[1]!;
    const digits = run.slice(0, numbering.digits(run));
    const end = match.index + match[0].length - (run.length - digits.length);
    return { index: match.index, end, numbers: [Number(digits)], digits };
  }
  const first = Number(match[1]);
  const second = Number(match[2]);
  const sameParent = previous && previous.numbers[0] === first && previous.numbers[1] === second;
  const expected = sameParent ? previous.numbers[2]! + 1 : 1;
  const run = match[3]!;
  const taken = takeExpectedNumber(run, expected);
  return {
    index: match.index,
    end: match.index + match[0].length - (run.length - taken.length),
    numbers: [first, second, Number(taken)],
    digits: taken,
  };
}

function trimSeparatorsAtEnd(text: string): string {
  let end = text.length;
  while (end > 0 && /[\s、，,；;]/.test(text[end - 1]!)) end -= 1;
  return text.slice(0, end);
}

export function splitCodedItems(text: string, format: CodeFormat, numbering: CodeNumbering = TWO_DIGIT_CODES): SplitCell {
  const pattern = patternFor(format);
  pattern.lastIndex = 0;
  const accepted: Candidate[] = [];
  const runs = new Map<Candidate, string>();
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const previous = accepted[accepted.length - 1];
    const candidate = candidateAt(match, format, previous, numbering);
    const before = match.index === 0 ? '' : text[match.index - 1]!;
    // `；` separates items like white space does (`K01創新；K02組織`).
    const atBoundary = before === '' || /[\s；;]/.test(before);
    const glued = !atBoundary && !/[A-Za-z0-9]/.test(before) && continuesSequence(previous, candidate, format);
    if (atBoundary || glued) {
      accepted.push(candidate);
      if (format.parts === 1) runs.set(candidate, match[1]!);
      pattern.lastIndex = candidate.end;
    } else {
      pattern.lastIndex = match.index + 1;
    }
  }

  const split: SplitCell = { leading: text.slice(0, accepted[0]?.index ?? text.length).trim(), items: [], semicolons: false, unpadded: [], cutRuns: [] };
  split.items = accepted.map((candidate, i): CodedItem => {
    const next = accepted[i + 1];
    const body = text.slice(candidate.end, next ? next.index : text.length);
    if (/[；;]\s*$/.test(body) && next) split.semicolons = true;
    const code =
      format.parts === 1
        ? `${format.letter}${String(candidate.numbers[0]).padStart(numbering.width, '0')}`
        : `${format.letter}${candidate.numbers.join('.')}`;
    const run = runs.get(candidate);
    if (run !== undefined && candidate.digits.length < numbering.width && run.length === candidate.digits.length) {
      split.unpadded.push(`${format.letter}${run}`);
    }
    if (run !== undefined && run.length > candidate.digits.length) split.cutRuns.push({ run: `${format.letter}${run}`, code });
    return {
      code,
      numbers: candidate.numbers,
      // A separator written after the code (`K01：`, `P1.1.1. `) or between items (`K01創新、K02…`)
      // is not part of the item's text.
      text: trimSeparatorsAtEnd(body.replace(/^\s*(?:[:：、]|[.．](?=\s))?\s*/, '')),
      offset: candidate.index,
    };
  });
  return split;
}

/** Whether a text starts with a code of the given format (a continuation that starts a new item). */
export function startsWithCode(text: string, format: CodeFormat): boolean {
  const split = splitCodedItems(text, format);
  return split.items.length > 0 && split.leading === '';
}
