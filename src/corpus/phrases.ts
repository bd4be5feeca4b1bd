// Phrases of generated documents: task names, indicators, descriptions, note texts. An indicator is
// built as segments so that a unit can underline one of its objects and attach a note to it.

import type { Domain } from './lexicon.js';
import { ASPECTS, GOALS, OUTPUT_KINDS, PARTIES, REFERENCES, TASK_SUFFIXES, TASK_VERBS } from './lexicon.js';
import type { Random } from './random.js';
import type { Vocabulary, WorkObject } from './vocabulary.js';

/** Text, or a work object the sentence is about (which a unit may underline and annotate). */
export type Segment = string | { object: WorkObject };

/** The work objects a document in these domains talks about (general management objects as filler). */
export function objectPool(vocabulary: Vocabulary, domains: readonly Domain[]): WorkObject[] {
  const pool: WorkObject[] = [];
  for (const domain of domains) {
    for (const object of vocabulary.objects[domain]) {
      if (!pool.some((o) => o.name === object.name)) pool.push(object);
    }
  }
  if (pool.length < 10) {
    for (const object of vocabulary.objects.management.slice(0, 12 - pool.length)) {
      if (!pool.some((o) => o.name === object.name)) pool.push(object);
    }
  }
  return pool;
}

/** Verbs that go with an aspect (`評估…的可行性`) or with checking how something went. */
const REVIEW_VERBS = ['評估', '分析', '檢視', '確認', '審查', '監控', '追蹤'] as const;

/** `評估營運計畫的執行成效`. */
export function taskName(random: Random, object: WorkObject): string {
  return `${random.pick(TASK_VERBS)}${object.name}${random.pick(TASK_SUFFIXES)}`;
}

export function outputName(random: Random, object: WorkObject): string {
  return `${object.name}${random.pick(OUTPUT_KINDS)}`;
}

/** One behaviour indicator about `object` (and sometimes a second object). */
export function indicatorSegments(random: Random, object: WorkObject, other: WorkObject): Segment[] {
  const verb = random.pick(TASK_VERBS);
  const verb2 = random.pick(TASK_VERBS.filter((v) => v !== verb));
  const review = random.pick(REVIEW_VERBS);
  const o = { object };
  switch (random.int(0, 6)) {
    case 0:
      return ['能依據', random.pick(REFERENCES), '，', verb, o, '，以', random.pick(GOALS), '。'];
    case 1:
      return [review, o, '的', random.pick(ASPECTS), '，並', random.pick(['彙整', '記錄', '更新', '提供']), '相關資料。'];
    case 2:
      return ['依據', random.pick(REFERENCES), '，', verb, o, '並', verb2, { object: other }, '。'];
    case 3:
      return ['確認', o, '符合', random.pick(REFERENCES), '，並適時提出改善建議。'];
    case 4:
      return ['定期', review, o, '的執行情形，並記錄於', outputName(random, other), '。'];
    case 5:
      return ['與', random.pick(PARTIES), '溝通', o, '的需求，以', random.pick(GOALS), '。'];
    default:
      return ['針對', o, '，', review, '其', random.pick(ASPECTS), '，以', random.pick(GOALS), '。'];
  }
}

/** The plain text of segments. */
export function segmentText(segments: readonly Segment[]): string {
  return segments.map((s) => (typeof s === 'string' ? s : s.object.name)).join('');
}

/** 工作描述 of a standard: `規劃營運計畫，評估營運資源，並監控績效指標的執行成效。` */
export function description(random: Random, objects: readonly WorkObject[]): string {
  const [a, b, c] = random.sample(objects, 3);
  const parts = [a, b, c].filter((o): o is WorkObject => o !== undefined);
  const phrases = parts.map((o) => `${random.pick(TASK_VERBS)}${o.name}`);
  const last = phrases.pop() ?? '';
  return phrases.length > 0 ? `${phrases.join('，')}，並${last}${random.pick(TASK_SUFFIXES)}。` : `${last}。`;
}

/**
 * A 可能包括 list: `a、b及c` or `a、b、c`. The items hold no 、 及 與 ， of their own, so a reader (and
 * the parser) splits the list back into exactly these items.
 */
export function exampleList(random: Random, examples: readonly string[]): string {
  if (examples.length === 1) return examples[0]!;
  const head = examples.slice(0, -1).join('、');
  const last = examples[examples.length - 1]!;
  // 及 before 時 reads as the word 及時 (in time), not as `and`: list such an item with 、.
  const conjunction = random.chance(0.6) && !/^[時格早]/.test(last) && !/[涉普危觸顧不提論波遍企]$/.test(head) ? '及' : '、';
  return `${head}${conjunction}${last}`;
}

/** Activities that illustrate a competency in a unit's note: `評估營運計畫`. */
export function activityExamples(random: Random, objects: readonly WorkObject[], count: number): string[] {
  const chosen = random.sample(objects, count);
  const verbs = random.sample(TASK_VERBS, chosen.length);
  return chosen.map((o, i) => `${verbs[i]}${o.name}`);
}
