// The 可能包括 list of a 職能單元 note, split into the examples a careful reader would list.
//
//   `業務需求可能包括：對於客戶和組織顯著影響的核心功能、組織所決定優先的功能及法規所要求的功能。`
//   -> 對於客戶和組織顯著影響的核心功能 / 組織所決定優先的功能 / 法規所要求的功能
//
// Rules, checked against the notes of the seed unit:
// - The list is the text after `可能包括：` (also 可能包含, 包括, 包含), without its final `。`.
// - Items are separated by `，` when the list has one (its items then may contain `、` of their own:
//   `沒有達到法令、法規、法律或組織要求`), otherwise by `、`.
// - The last item is split once more at its final `及` / `以及`, the conjunction Chinese puts before
//   the last item of an enumeration; `及` inside a word (`涉及`, `及時`) is not a conjunction.
// - Without `及`, the last item is split at a final `與` only when both sides are full noun phrases
//   with `的` (`客戶聯繫的回應與組織一般提供的服務和產品`): `與` is just as often a preposition
//   (`在危機時期與各階層的所有人有效溝通`) and `和` mostly joins the parts of one item
//   (`科技和數據的修復`), so neither is split otherwise.
// - A final `等` ("and so on") is not part of the last item.

const LIST_INTRO = /(?:可能)?(?:包括|包含)\s*[：:]/;

/** Characters that make `及` part of a word when they come before it (`涉及`, `普及`) or after it (`及時`). */
const WORD_BEFORE_JI = new Set([...'涉普危觸顧不提論波遍企']);
const WORD_AFTER_JI = new Set([...'時格早']);
/** Words ending in 等 that do not mean "and so on". */
const WORD_BEFORE_DENG = new Set([...'平相同對均高中初上次優劣特何']);

/** The subject the note explains, written before its list: `影響` in `影響可能包括：…`. */
export function noteSubject(text: string): string | undefined {
  const intro = LIST_INTRO.exec(text);
  const subject = intro ? text.slice(0, intro.index).trim() : '';
  return subject === '' ? undefined : subject;
}

function splitAtFinalConjunction(item: string): string[] {
  for (let i = item.length - 2; i >= 1; i -= 1) {
    if (item[i] !== '及') continue;
    if (WORD_AFTER_JI.has(item[i + 1]!)) continue;
    const isYiJi = item[i - 1] === '以';
    if (!isYiJi && WORD_BEFORE_JI.has(item[i - 1]!)) continue;
    const left = item.slice(0, isYiJi ? i - 1 : i).trim();
    const right = item.slice(i + 1).trim();
    if (left !== '' && right !== '') return [left, right];
  }
  const yu = item.lastIndexOf('與');
  if (yu > 0) {
    const left = item.slice(0, yu).trim();
    const right = item.slice(yu + 1).trim();
    if (left.includes('的') && right.includes('的')) return [left, right];
  }
  return [item];
}

export function noteExamples(text: string): string[] {
  const intro = LIST_INTRO.exec(text);
  if (!intro) return [];
  let list = text
    .slice(intro.index + intro[0].length)
    .trim()
    .replace(/[。．.；;\s]+$/, '');
  if (list.endsWith('等') && list.length > 1 && !WORD_BEFORE_DENG.has(list[list.length - 2]!)) {
    list = list.slice(0, -1).trimEnd();
  }
  const separator = /[，,]/.test(list) ? /[，,]/ : /、/;
  const items = list.split(separator).map((item) => item.trim()).filter((item) => item !== '');
  const last = items.pop();
  if (last !== undefined) items.push(...splitAtFinalConjunction(last));
  return items;
}
