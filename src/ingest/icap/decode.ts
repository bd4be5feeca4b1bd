// Bytes -> text. Documents arrive as UTF-8 (with or without a byte-order mark), but copies saved on
// Taiwanese Windows systems are often Big5, and "Unicode" text files from Windows are UTF-16.
//
// Order of detection: a byte-order mark decides; otherwise zero bytes in every other position mean
// UTF-16 (every tab, newline, digit and code letter of a document has one); otherwise strict UTF-8;
// otherwise strict Big5. Text that is none of these is refused with a ParseError on the field
// `encoding` that names what was found.

import { ParseError } from '../parse-error.js';

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'big5' | 'gb18030';

const NAMES: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  big5: 'Big5',
  gb18030: 'GB18030/GBK',
};

/** The decoded text, `undefined` when the bytes are not valid in the encoding, `null` when this runtime cannot decode it. */
function strictDecode(encoding: Encoding, bytes: Uint8Array): string | undefined | null {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  } catch {
    return null; // Node built without full ICU knows only UTF-8 and UTF-16LE.
  }
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** UTF-16 without a byte-order mark: many zero bytes, almost all on one side of each pair. */
function guessUtf16(bytes: Uint8Array): Encoding | undefined {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return undefined;
  const sample = Math.min(bytes.length, 8192);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i += 1) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) evenZeros += 1;
      else oddZeros += 1;
    }
  }
  const pairs = sample / 2;
  if (oddZeros >= pairs * 0.05 && evenZeros * 10 <= oddZeros) return 'utf-16le';
  if (evenZeros >= pairs * 0.05 && oddZeros * 10 <= evenZeros) return 'utf-16be';
  return undefined;
}

/** Whether a decoding produced an iCAP document (its code label, in either script). */
function looksLikeDocument(text: string): boolean {
  return /職能(?:基準|單元)代碼|职能(?:基准|单元)代码/.test(text);
}

export function decodeDocument(input: string | Uint8Array, documentName: string): string {
  if (typeof input === 'string') return input;
  const refuse = (expected: string): never => {
    throw new ParseError(documentName, 0, 'encoding', expected);
  };
  const decodeAs = (encoding: Encoding, bytes: Uint8Array, how: string): string => {
    const text = strictDecode(encoding, bytes);
    if (text === null) {
      return refuse(`found ${NAMES[encoding]} (${how}), which this runtime cannot decode; convert the document to UTF-8`);
    }
    return text ?? refuse(`found ${NAMES[encoding]} (${how}), but the bytes are not valid ${NAMES[encoding]}`);
  };

  const [b0, b1, b2] = input;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return decodeAs('utf-8', input.subarray(3), 'byte-order mark');
  if (b0 === 0xff && b1 === 0xfe) return decodeAs('utf-16le', input.subarray(2), 'byte-order mark');
  if (b0 === 0xfe && b1 === 0xff) return decodeAs('utf-16be', input.subarray(2), 'byte-order mark');
  const utf16 = guessUtf16(input);
  if (utf16) return decodeAs(utf16, input, 'zero bytes in every other position');

  const utf8 = strictDecode('utf-8', input);
  if (typeof utf8 === 'string') return utf8;

  const big5 = strictDecode('big5', input);
  if (typeof big5 === 'string' && looksLikeDocument(big5)) return big5;
  // Simplified-Chinese encodings overlap Big5's byte ranges; name them rather than return mojibake.
  const gb = strictDecode('gb18030', input);
  if (typeof gb === 'string' && looksLikeDocument(gb)) {
    return refuse('found GB18030/GBK (simplified Chinese); expected UTF-8, Big5 or UTF-16: convert the document to UTF-8');
  }
  if (typeof big5 === 'string') return big5;
  if (big5 === null) {
    return refuse('found bytes that are not UTF-8 (probably Big5), which this runtime cannot decode; convert the document to UTF-8');
  }
  return refuse('text in UTF-8, Big5 or UTF-16; the bytes are valid in none of them');
}
