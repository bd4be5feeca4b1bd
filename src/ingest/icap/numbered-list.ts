// Numbered lists in the values of a 職能單元: items numbered with Chinese numerals (一、 二、 … 十一、),
// and in nested lists sub-items numbered 1. 2. 3. under each of them. The same list may be written
// as HTML (`<p>一、…</p><ol><li>1. …</li></ol>`) or as inline text (`一、… 1. … 2. … 二、…`).
//
// Items are split on their numbers, never on white space. A number counts as an item number only at
// the start of a block, or after white space or a tag where the sequence expects it: `五、相關組織、
// 法令、法規` is one item, and a list item's text may itself contain `、` and digits. A number at the
// start of a block that breaks the sequence is an error rather than text.

import { splitBlocks } from './html-fragment.js';
import { NUMERAL_CHARS, parseChineseNumeral, toChineseNumeral } from './numerals.js';

export interface NumberedChild {
  number: number;
  html: string;
  offset: number;
}

export interface NumberedItem {
  number: number;
  /** The item's text; in a nested list, the heading before its sub-items. */
  html: string;
  offset: number;
  children: NumberedChild[];
}

interface Candidate {
  kind: 'top' | 'sub';
  number: number;
  index: number;
  end: number;
}

// A numeral of an item number has at most four characters (九十九, 一百零五); bounding it keeps the
// scan linear on text that is a long run of numeral characters.
const TOP_MARKER = new RegExp(`(?<![${NUMERAL_CHARS}])([${NUMERAL_CHARS}]{1,4})\\s*、`, 'g');
const SUB_MARKER = /(\d{1,3})\s*[.．、](?!\d)/g;
const ARABIC_TOP_MARKER = /(?<!\d)(\d{1,3})\s*[.．、](?!\d)/g;
const LEADING_ARABIC_NUMBER = /^(?:\s*<[^<>]*>)*\s*\d{1,3}\s*[.．、](?!\d)/;

/** Whether a flat list is numbered 1. 2. … instead of 一、 二、 … (its first item says). */
export function isArabicNumbered(html: string): boolean {
  return LEADING_ARABIC_NUMBER.test(html);
}
const LEADING_TAGS = /^(?:\s*<[^<>]*>)*\s*/;

function candidates(html: string, nested: boolean, arabic: boolean): Candidate[] {
  const found: Candidate[] = [];
  if (arabic) {
    ARABIC_TOP_MARKER.lastIndex = 0;
    for (let m = ARABIC_TOP_MARKER.exec(html); m !== null; m = ARABIC_TOP_MARKER.exec(html)) {
      found.push({ kind: 'top', number: Number(m[1]), index: m.index, end: m.index + m[0].length });
    }
    return found;
  }
  TOP_MARKER.lastIndex = 0;
  for (let m = TOP_MARKER.exec(html); m !== null; m = TOP_MARKER.exec(html)) {
    const number = parseChineseNumeral(m[1]!);
    if (number !== undefined) found.push({ kind: 'top', number, index: m.index, end: m.index + m[0].length });
  }
  if (nested) {
    SUB_MARKER.lastIndex = 0;
    for (let m = SUB_MARKER.exec(html); m !== null; m = SUB_MARKER.exec(html)) {
      found.push({ kind: 'sub', number: Number(m[1]), index: m.index, end: m.index + m[0].length });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}


function followsBoundary(html: string, candidate: Candidate): boolean {
  const before = html[candidate.index - 1];
  if (before === undefined || /\s/.test(before) || before === '>') return true;
  // Sub-items of inline text are also written straight after the end of a sentence: `…計畫。2. 證明…`.
  return candidate.kind === 'sub' && /[。；;：:，,]/.test(before);
}

export interface ListOptions {
  /** Whether items have numbered sub-items (tasks and their indicators; the assessment sections). */
  nested: boolean;
  /** A flat list numbered 1. 2. … (some copies of K and S lists) rather than 一、 二、 …. Default: false. */
  arabic?: boolean;
}

export function parseNumberedList(
  html: string,
  options: ListOptions,
  fail: (offset: number, expected: string) => never,
): NumberedItem[] {
  const items: NumberedItem[] = [];
  let expectedTop = 1;
  let expectedSub = 1;
  type Target = NumberedItem | NumberedChild;

  const append = (target: Target | undefined, text: string, offset: number): void => {
    if (text.replace(LEADING_TAGS, '').trim() === '') return;
    if (!target) fail(offset, `the first item numbered 一、; found "${text.slice(0, 20)}"`);
    target.html = target.html === '' ? text.trim() : `${target.html} ${text.trim()}`;
  };
  const newTop = (number: number, offset: number): NumberedItem => {
    const item: NumberedItem = { number, html: '', offset, children: [] };
    items.push(item);
    expectedTop = number + 1;
    expectedSub = 1;
    return item;
  };
  const newSub = (number: number, offset: number): NumberedChild => {
    const parent = items[items.length - 1];
    if (!parent) fail(offset, `an item numbered 一、 before sub-item ${number}.`);
    const child: NumberedChild = { number, html: '', offset };
    parent.children.push(child);
    expectedSub = number + 1;
    return child;
  };
  const lastTarget = (): Target | undefined => {
    const item = items[items.length - 1];
    return item?.children[item.children.length - 1] ?? item;
  };

  for (const block of splitBlocks(html)) {
    const found = candidates(block.html, options.nested, (options.arabic ?? false) && !options.nested);
    const first = found[0];
    // Only tags and white space before a number: it starts its block.
    const blockStart = LEADING_TAGS.exec(block.html)?.[0].length ?? 0;
    const startsBlock = (index: number): boolean => index <= blockStart;
    let target: Target | undefined;
    if (!first || !startsBlock(first.index)) {
      // A block without a number of its own: an `<li>` numbered by the list itself, or more text
      // of the item before it.
      if (block.listItem && !options.nested) target = newTop(expectedTop, block.offset);
      else if (block.listItem && items.length > 0) target = newSub(expectedSub, block.offset);
      else target = lastTarget();
    }
    let segment = 0;
    for (const candidate of found) {
      if (candidate.index < segment) continue;
      const strong = startsBlock(candidate.index);
      const expected = candidate.kind === 'top' ? expectedTop : expectedSub;
      if (candidate.number !== expected || (candidate.kind === 'sub' && items.length === 0)) {
        if (!strong) continue;
        const wanted = candidate.kind === 'top' ? `${toChineseNumeral(expectedTop)}、` : `${expectedSub}.`;
        const found = candidate.kind === 'top' ? `${toChineseNumeral(candidate.number)}、` : `${candidate.number}.`;
        fail(block.offset + candidate.index, items.length === 0 ? `the first item numbered 一、; found ${found}` : `the next item numbered ${wanted}; found ${found}`);
      }
      if (!strong && !followsBoundary(block.html, candidate)) continue;
      append(target, block.html.slice(segment, candidate.index), block.offset + segment);
      const offset = block.offset + candidate.index;
      target = candidate.kind === 'top' ? newTop(candidate.number, offset) : newSub(candidate.number, offset);
      segment = candidate.end;
    }
    append(target, block.html.slice(segment), block.offset + segment);
  }
  return items;
}
