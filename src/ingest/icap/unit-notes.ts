// 說明與補充事項 of a 職能單元: the notes the 【註N】 markers in the body point at.
//
//   <p>【註1】影響可能包括：設施損壞、…</p> <p><b>【註3】</b> 災後復原程序可能包括：…</p>
//
// A note starts at a marker that begins a block or follows white space; a marker inside a sentence
// (`…（見【註3】）`) is a reference, not the start of a note.

import { htmlText, NOTE_MARKER } from './html-fragment.js';
import { isPlaceholder } from './placeholder.js';

export interface NoteText {
  number: number;
  /** The note's text without HTML and without its own marker. */
  text: string;
  offset: number;
}

function startsNote(html: string, index: number): boolean {
  let i = index;
  for (;;) {
    if (i === 0) return true;
    const before = html[i - 1]!;
    if (/\s/.test(before)) return true;
    if (before !== '>') return false;
    // An inline tag right before the marker (`<b>【註3】`): look at what precedes the tag.
    const open = html.lastIndexOf('<', i - 1);
    if (open < 0) return false;
    if (/^<\/?(?:b|strong|i|em|span|font|u)\b/i.test(html.slice(open, i))) {
      i = open;
      continue;
    }
    return true; // a block tag
  }
}

export function parseNoteTexts(html: string, fail: (offset: number, expected: string) => never): NoteText[] {
  const starts: { number: number; index: number; end: number }[] = [];
  NOTE_MARKER.lastIndex = 0;
  for (let m = NOTE_MARKER.exec(html); m !== null; m = NOTE_MARKER.exec(html)) {
    if (startsNote(html, m.index)) starts.push({ number: Number(m[1]), index: m.index, end: m.index + m[0].length });
  }
  const leading = htmlText(html.slice(0, starts[0]?.index ?? html.length));
  if (leading !== '' && !isPlaceholder(leading)) {
    fail(0, `notes that each start with their marker (【註1】 …); found "${leading.slice(0, 30)}"`);
  }
  const seen = new Set<number>();
  return starts.map((start, i) => {
    if (seen.has(start.number)) fail(start.index, `each note once; 【註${start.number}】 repeats`);
    seen.add(start.number);
    const text = htmlText(html.slice(start.end, starts[i + 1]?.index ?? html.length));
    if (text === '') fail(start.index, `a text after 【註${start.number}】`);
    return { number: start.number, text, offset: start.index };
  });
}
