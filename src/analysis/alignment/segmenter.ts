// Word segmentation of Traditional Chinese competency text.
//
// The segmenter's bundled dictionary is Simplified Chinese and cuts Traditional text into single
// characters. Each character is therefore mapped to its Simplified form (one to one, so positions
// are kept) only to find the word boundaries; the words returned are slices of the original text.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import type { CharacterMap } from './resources.js';

/** Cuts a text into words; the words concatenated give the text back. */
export type Segmenter = (text: string) => string[];

let jieba: Jieba | undefined;

function sharedJieba(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/** Maps each character to its Simplified form, keeping the length. */
export function createSimplifier(t2s: CharacterMap): (text: string) => string {
  const map = new Map<string, string>();
  const to = [...t2s.simplified];
  [...t2s.traditional].forEach((ch, i) => map.set(ch, to[i] ?? ch));
  return (text) => {
    let out = '';
    for (const ch of text) out += map.get(ch) ?? ch;
    return out;
  };
}

/** A segmenter for Traditional Chinese built on the bundled Simplified dictionary. */
export function createSegmenter(t2s: CharacterMap): Segmenter {
  const simplify = createSimplifier(t2s);
  const engine = sharedJieba();
  return (text: string): string[] => {
    if (text.length === 0) return [];
    const chars = [...text];
    const words = engine.cut(simplify(text), false);
    // Give back the original characters word by word; fall back to characters if lengths disagree.
    const out: string[] = [];
    let at = 0;
    for (const word of words) {
      const n = [...word].length;
      out.push(chars.slice(at, at + n).join(''));
      at += n;
    }
    return at === chars.length ? out : chars;
  };
}
