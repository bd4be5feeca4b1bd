// Input normalisation, applied once to the whole decoded text before either parser sees it.
//
// The rule: remove only differences that carry no meaning, and keep the text of items as written.
// - A leading byte-order mark and zero-width characters (copy-and-paste artefacts) are dropped.
// - CRLF and a lone CR become LF; each still ends exactly one line, so line numbers in errors count
//   the lines of the original text.
// - Full-width ASCII letters and digits (`Ｋ０１`, `３年`) become ASCII, and the ideographic space and
//   the no-break space become a plain space: documents typed with Chinese input methods mix both
//   widths, and codes and numbers must compare equal whichever width was typed.
// - Chinese full-width punctuation (`，` `：` `（` `）` `、` `；` `。` `【` `】` `／`) is NOT touched. It is
//   part of the item text, and NFKC would turn it into ASCII punctuation the document never used.
//   Where such a character is structural (the `／` between a parent and a name, `．` after a number),
//   the parsers accept both widths; codes are NFKC-normalised on their own (see codes.ts).

const FULL_WIDTH_ALNUM = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g;
const WIDE_SPACES = /[\u3000\u00A0]/g;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;
const LINE_BREAK = /\r\n?/g;

export function normaliseInput(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .replace(LINE_BREAK, '\n')
    .replace(FULL_WIDTH_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(WIDE_SPACES, ' ');
}
