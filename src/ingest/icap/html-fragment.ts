// The HTML fragments a 職能單元's values are written in (`<p>`, `<ol>`, `<li>`, `<u>`, `<b>`).
//
// The parser does not build a DOM: block-level tags only mark where one block of text ends and the
// next begins, and inline tags are kept inside a block until its plain text is taken, because an
// underline (`<u>主要影響</u>【註1】`) tells which term a note explains.

const BLOCK_TAG = /<\s*(\/?)\s*(p|li|ol|ul|div|br|h[1-6]|blockquote|table|thead|tbody|tr|td|th)\b[^<>]*>/gi;
const ANY_TAG = /<\/?[A-Za-z][^<>]*>/g;
/** A note marker: 【註1】 (also written 【注1】). */
export const NOTE_MARKER = /【\s*[註注]\s*(\d+)\s*】/g;

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** A run of text between block-level tags, still holding its inline tags. */
export interface Block {
  html: string;
  /** Offset of the block in the fragment. */
  offset: number;
  /** Whether the block is the content of an `<li>` (an item even without a written number). */
  listItem: boolean;
}

export function splitBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  let start = 0;
  let listItem = false;
  const push = (end: number): void => {
    const raw = html.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text !== '') blocks.push({ html: text, offset: start + lead, listItem });
  };
  BLOCK_TAG.lastIndex = 0;
  for (let tag = BLOCK_TAG.exec(html); tag !== null; tag = BLOCK_TAG.exec(html)) {
    push(tag.index);
    start = tag.index + tag[0].length;
    listItem = tag[1] === '' && tag[2]!.toLowerCase() === 'li';
  }
  push(html.length);
  return blocks;
}

/**
 * The text of a fragment: block-level tags become a space (they separate blocks), inline tags are
 * removed without one (they sit inside words: `與其<u>主要影響</u>`), entities are decoded and white
 * space is collapsed as HTML renders it.
 */
export function htmlText(html: string): string {
  BLOCK_TAG.lastIndex = 0;
  const text = html.replace(BLOCK_TAG, ' ').replace(ANY_TAG, '');
  return decodeEntities(text).replace(/\s+/g, ' ').trim();
}

/**
 * Plain text of an item: its text without note markers. A marker goes with the white space around it
 * (`<u>分析技能</u> 【註9】`), except that a marker between two spaces leaves one of them.
 */
export function plainText(html: string): string {
  const collapsed = html.replace(/\s+/g, ' ');
  return htmlText(collapsed.replace(/( ?)【 ?[註注] ?\d+ ?】( ?)/g, (_, before: string, after: string) => (before && after ? ' ' : '')));
}

/** A note marker in an item, with the underlined term it follows (when there is one). */
export interface MarkerRef {
  note: number;
  term: string | undefined;
  offset: number;
}

const TERM_WINDOW = 400;

/** The underlined term that ends right before `end` (only white space and closing inline tags between). */
function underlinedTermBefore(html: string, end: number): string | undefined {
  let i = end;
  for (;;) {
    while (i > 0 && /\s/.test(html[i - 1]!)) i -= 1;
    if (html.slice(Math.max(0, i - 4), i).toLowerCase() === '</u>') break;
    // Skip other closing inline tags (`</b>`, `</span>`) between the underline and the marker.
    const closing = /<\/(?:b|strong|i|em|span|font)\s*>$/i.exec(html.slice(Math.max(0, i - 10), i));
    if (!closing) return undefined;
    i -= closing[0].length;
  }
  const close = i - 4;
  // A term is a few words: look for its opening tag only in the text just before it.
  const before = html.slice(Math.max(0, close - TERM_WINDOW), close);
  let openEnd = -1;
  for (const open of before.matchAll(/<u(?:\s[^<>]*)?>/gi)) openEnd = open.index + open[0].length;
  if (openEnd < 0) return undefined;
  const term = plainText(before.slice(openEnd));
  return term === '' ? undefined : term;
}

export function noteMarkers(html: string): MarkerRef[] {
  const markers: MarkerRef[] = [];
  NOTE_MARKER.lastIndex = 0;
  for (let match = NOTE_MARKER.exec(html); match !== null; match = NOTE_MARKER.exec(html)) {
    markers.push({ note: Number(match[1]), term: underlinedTermBefore(html, match.index), offset: match.index });
  }
  return markers;
}
