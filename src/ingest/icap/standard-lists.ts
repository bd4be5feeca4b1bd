// The two Markdown-like lists after a standard's main table: 職能內涵 (A=attitude 態度) and
// 說明與補充事項. A line that is not a list item continues the item above (a page break or a wrapped
// line), joined like any text cut by a page break.

import type { Attitude, GlossaryEntry } from '../document.js';
import { splitCodedItems } from './coded-items.js';
import { continuePlain } from './page-breaks.js';
import { isPlaceholder } from './placeholder.js';
import { SourcedText, type SourceDocument, type SourceLine } from './source.js';
import { listItem } from './table-rows.js';

interface Item {
  indent: number;
  text: SourcedText;
}

const ATTITUDE_CODE = /^A\s*(\d{1,2})\s*(?:[:：、]|[.．](?=\s))?\s*/i;

/**
 * Groups lines into list items, joining continuation lines to the item they continue. A first line
 * without a bullet is an item too: some copies lose the bullets.
 */
function listItems(lines: readonly SourceLine[], startsItem: (text: string) => boolean): Item[] {
  const items: Item[] = [];
  for (const line of lines) {
    const bullet = listItem(line.text);
    const text = (bullet?.text ?? line.text).trim();
    const previous = items[items.length - 1];
    if (bullet || startsItem(text) || !previous) {
      items.push({ indent: bullet?.indent ?? 0, text: SourcedText.of(text, line.number) });
      continue;
    }
    previous.text = continuePlain(previous.text, SourcedText.of(text, line.number), () => false);
  }
  return items;
}

/** `term：text` -> [term, text]; the first colon separates them (full-width or ASCII). */
function splitAtColon(text: string): [string, string] | undefined {
  const match = /^([^：:]*)[：:](.*)$/s.exec(text);
  return match ? [match[1]!.trim(), match[2]!.trim()] : undefined;
}

const ATTITUDE_FORMAT = { letter: 'A', parts: 1 } as const;

/**
 * An attitude's text after its code: `name：description`, or the two as table columns
 * (`A01<TAB>name<TAB>description`, as copied from a table).
 */
function nameAndDescription(text: string, line: number, doc: SourceDocument, field: string): [string, string] {
  const columns = text.split('\t').map((cell) => cell.trim()).filter((cell) => cell !== '');
  if (columns.length > 1) {
    doc.warnOnce('ATTITUDE_COLUMNS', line, field, 'attitudes written as columns (code, name, description); the first column after the code read as the name');
    return [columns[0]!, columns.slice(1).join(' ')];
  }
  return splitAtColon(text) ?? [text.trim(), ''];
}

export function parseAttitudes(lines: readonly SourceLine[], doc: SourceDocument): Attitude[] {
  const field = '職能內涵(A)';
  const seen = new Map<string, number>();
  return listItems(lines, (text) => ATTITUDE_CODE.test(text)).flatMap((item): Attitude[] => {
    const line = item.text.line;
    const text = item.text.text;
    const split = splitCodedItems(text, ATTITUDE_FORMAT);
    if (split.leading !== '' || split.items.length === 0) {
      doc.fail(line, field, `an attitude that starts with its code (A01 …); found "${text}"`);
    }
    const consecutive = split.items.every((a, i) => i === 0 || a.numbers[0] === split.items[i - 1]!.numbers[0]! + 1);
    if (!consecutive) {
      // Codes out of sequence are text that mentions a code (`…達到 A3 等級`), not attitudes of their own.
      const [first, second] = split.items;
      split.items = [{ ...first!, text: `${first!.text} ${text.slice(second!.offset)}`.trim() }];
    }
    if (split.items.length > 1) {
      // A copy that lost its line breaks: the codes, numbered in sequence, still separate the attitudes.
      doc.warn('ATTITUDES_ON_ONE_LINE', line, field, `${split.items.map((a) => a.code).join(', ')} on one line, read as ${split.items.length} attitudes`);
    }
    if (split.unpadded.length > 0) doc.warnOnce('CODE_WIDTH', line, field, `${split.unpadded[0]} read as A${split.unpadded[0]!.slice(1).padStart(2, '0')}`);
    return split.items.map((attitude): Attitude => {
      const { code } = attitude;
      if (seen.has(code)) doc.fail(line, field, `each attitude once; ${code} is also on line ${seen.get(code)}`);
      seen.set(code, line);
      const [name, description] = nameAndDescription(attitude.text, line, doc, field);
      if (name === '') doc.fail(line, field, `a name after ${code}`);
      return { code, name, description };
    });
  });
}

export interface Supplement {
  requirements: string[];
  glossary: GlossaryEntry[];
  otherNotes: string[];
}

/** A glossary entry is `term：definition` with a short term that is not itself a sentence. */
const GLOSSARY_TERM = /^[^，。、；,;]{1,20}$/;

type Group = 'requirements' | 'other' | 'unlabelled';

function groupOf(label: string): Group {
  if (/建議擔任/.test(label) || /(?:學歷|經歷|能力條件)/.test(label)) return 'requirements';
  if (/其他補充說明|補充說明/.test(label)) return 'other';
  return 'unlabelled';
}

/**
 * 說明與補充事項: top-level items are group labels (`建議擔任此職類/職業之學歷/經歷/或能力條件：`,
 * `其他補充說明：`) whose entries are the nested items below them, or follow the colon on the same line.
 * An entry of 其他補充說明 of the form `term：definition` is a glossary entry, anything else an other note.
 */
export function parseSupplement(lines: readonly SourceLine[]): Supplement {
  const supplement: Supplement = { requirements: [], glossary: [], otherNotes: [] };
  const add = (group: Group, entry: string): void => {
    if (entry === '' || isPlaceholder(entry)) return;
    if (group === 'requirements') {
      supplement.requirements.push(entry);
      return;
    }
    const pair = group === 'other' ? splitAtColon(entry) : undefined;
    if (pair && GLOSSARY_TERM.test(pair[0]) && pair[1] !== '') {
      supplement.glossary.push({ term: pair[0], definition: pair[1] });
    } else {
      supplement.otherNotes.push(entry);
    }
  };

  const items = listItems(lines, () => false);
  const topIndent = Math.min(...items.map((item) => item.indent));
  let group: Group = 'unlabelled';
  for (const item of items) {
    const text = item.text.text.trim();
    if (item.indent > topIndent) {
      add(group, text);
      continue;
    }
    const labelled = splitAtColon(text);
    const labelGroup = labelled ? groupOf(labelled[0]) : 'unlabelled';
    if (labelled && labelGroup !== 'unlabelled') {
      group = labelGroup;
      add(group, labelled[1]);
    } else {
      group = 'unlabelled';
      // A label with nothing after its colon only heads the entries nested under it.
      if (!labelled || labelled[1] !== '') add(group, text);
    }
  }
  return supplement;
}
