// Splitting a table cell of a standard into its coded items: `K01創新商業模式  K02組織商業政策及作業流程`,
// `P1.2.1評估….  P1.2.2以現有業務….`. Item text may contain spaces, commas and full-width punctuation,
// so a cell is split on its codes, never on white space.

import { normaliseCode, takeExpectedNumber } from './codes.js';

/** How the codes of one column look: `K01` (a letter and one number) or `P1.2.3` (a letter and three). */
export interface CodeFormat {
  letter: 'K' | 'S' | 'O' | 'P';
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
    // Stray spaces inside a code (`K 01`, `P1. 2.3`) are tolerated; a local K/S code has at most two
    // digits, so a name that starts with a digit (`S013D列印技術`) is not swallowed by the code.
    const source =
      format.parts === 1
        ? `${format.letter}\\s*(\\d{1,2})`
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

function candidateAt(match: RegExpExecArray, format: CodeFormat, previous: Candidate | undefined): Candidate {
  if (format.parts === 1) {
    const digits = match[1]!;
    return { index: match.index, end: match.index + match[0].length, numbers: [Number(digits)], digits };
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
  while (end > 0 && /[\s、，,]/.test(text[end - 1]!)) end -= 1;
  return text.slice(0, end);
}

export function splitCodedItems(text: string, format: CodeFormat): SplitCell {
  const pattern = patternFor(format);
  pattern.lastIndex = 0;
  const accepted: Candidate[] = [];
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const previous = accepted[accepted.length - 1];
    const candidate = candidateAt(match, format, previous);
    const before = match.index === 0 ? '' : text[match.index - 1]!;
    const atBoundary = before === '' || /\s/.test(before);
    const glued = !atBoundary && !/[A-Za-z0-9]/.test(before) && continuesSequence(previous, candidate, format);
    if (atBoundary || glued) {
      accepted.push(candidate);
      pattern.lastIndex = candidate.end;
    } else {
      pattern.lastIndex = match.index + 1;
    }
  }

  const items = accepted.map((candidate, i): CodedItem => {
    const next = accepted[i + 1];
    const body = text.slice(candidate.end, next ? next.index : text.length);
    return {
      code:
        format.parts === 1
          ? normaliseCode(`${format.letter}${candidate.digits}`)
          : `${format.letter}${candidate.numbers.join('.')}`,
      numbers: candidate.numbers,
      // A separator written after the code (`K01：`, `P1.1.1. `) or between items (`K01創新、K02…`)
      // is not part of the item's text.
      text: trimSeparatorsAtEnd(body.replace(/^\s*(?:[:：、]|[.．](?=\s))?\s*/, '')),
      offset: candidate.index,
    };
  });
  return { leading: text.slice(0, accepted[0]?.index ?? text.length).trim(), items };
}

/** Whether a text starts with a code of the given format (a continuation that starts a new item). */
export function startsWithCode(text: string, format: CodeFormat): boolean {
  const split = splitCodedItems(text, format);
  return split.items.length > 0 && split.leading === '';
}
