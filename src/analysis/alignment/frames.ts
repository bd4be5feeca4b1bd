// Generic frames of competency names, measured on the corpus being aligned.
//
// Chinese competency names are head-final: the last words say what kind of competency it is (操作,
// 標準作業流程, 注意事項, 管理), the words before say what it applies to (凹版印刷, 打包機, 顧客關係).
// A tail that ends many names is a frame; what stands before it is the object. Two names in one
// frame with different objects are different competencies (凹版印刷標準作業流程 / 平版印刷標準作業流程),
// however much text they share. Which tails are frames is read from the corpus (how many names end
// with them), so it follows the catalogue's own language instead of a list written in advance.
import type { AnalysedName, MatchUnit } from './normalise.js';

/** The words of an analysed name, as text (lexicon substitutions read as their canonical term). */
export function wordsOf(name: AnalysedName): string[] {
  const words: string[] = [];
  let word = '';
  name.units.forEach((u: MatchUnit, i) => {
    word += u.text;
    if (i === name.units.length - 1 || name.wordBreak[i]) {
      words.push(word);
      word = '';
    }
  });
  return words;
}

/** A name cut into its object and its frame (the frame may be absent). */
export interface FramedName {
  object: string;
  frame: string | null;
}

/** Tails (the last one or two words of a name) and how many names of the corpus end with each. */
export class FrameTable {
  private readonly tailCounts = new Map<string, number>();

  /**
   * @param names the analysed names of one kind
   * @param minNames how many distinct names must end with a tail for it to be a frame
   */
  constructor(
    names: Iterable<AnalysedName>,
    private readonly minNames: number,
  ) {
    this.add(names);
  }

  /** Counts the tails of more names. */
  add(names: Iterable<AnalysedName>): void {
    for (const name of names) {
      for (const tail of new Set(tailsOf(name))) this.tailCounts.set(tail, (this.tailCounts.get(tail) ?? 0) + 1);
    }
  }

  /** How many names end with `tail`. */
  count(tail: string): number {
    return this.tailCounts.get(tail) ?? 0;
  }

  isFrame(tail: string): boolean {
    return [...tail].length >= 2 && this.count(tail) >= this.minNames;
  }

  /** The longest frame the name ends with, leaving a non-empty object. */
  split(name: AnalysedName): FramedName {
    for (const tail of tailsOf(name)) {
      if (tail.length < name.core.length && this.isFrame(tail)) return { object: name.core.slice(0, name.core.length - tail.length), frame: tail };
    }
    return { object: name.core, frame: null };
  }
}

/** The last two words and the last word of a name, longest first. */
function tailsOf(name: AnalysedName): string[] {
  const words = wordsOf(name);
  const tails: string[] = [];
  if (words.length >= 3) tails.push(words.slice(-2).join(''));
  if (words.length >= 2) tails.push(words[words.length - 1] as string);
  return tails;
}
