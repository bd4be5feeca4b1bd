// The identity of a competency node. Two documents that name a competency with the same key share
// one node; anything that differs in wording beyond the key is linked by similarity instead.
//
// The key is conservative on purpose: it removes only what carries no meaning (character width,
// letter case, white space, punctuation). It never drops words, so 溝通協調能力 and 溝通協調技能 stay
// two nodes that alignment links, while `溝通協調 能力` and `溝通協調能力` are one.

/** The three kinds of competency a document lists (K, S, A). */
export type CompetencyKind = 'knowledge' | 'skill' | 'attitude';

export const COMPETENCY_KINDS: readonly CompetencyKind[] = ['knowledge', 'skill', 'attitude'];

// Punctuation is removed except `#` and `+` (C#, C++), and a `.` between two letters or digits
// (ASP.NET, 2.0), which would otherwise merge different names.
const DOT_INSIDE_TOKEN = /(?<=[\p{L}\p{N}])\.(?=[\p{L}\p{N}])/gu;
const PLACEHOLDER = '\u0000';
const NOISE = /[\p{P}\p{Z}\p{Cc}\p{Cf}\s]/u;
const KEPT_PUNCTUATION = /[#+\u0000]/;

/**
 * Width, case, white space and punctuation folded away: `溝通協調 能力`, `溝通協調能力` and
 * `溝通協調能力 ` give the same text; `Ｃ＋＋` becomes `c++`.
 */
export function foldSurface(text: string): string {
  const nfkc = text.normalize('NFKC').toLowerCase().replace(DOT_INSIDE_TOKEN, PLACEHOLDER);
  let out = '';
  for (const ch of nfkc) {
    if (KEPT_PUNCTUATION.test(ch) || !NOISE.test(ch)) out += ch;
  }
  return out.replaceAll(PLACEHOLDER, '.');
}

/**
 * The normalised identity of a competency name within its kind; the graph node id is
 * `${kind}:${competencyKey(kind, name)}` (e.g. `skill:溝通協調能力`). A name made only of
 * punctuation keeps its trimmed text so that it still has a non-empty key.
 */
export function competencyKey(kind: CompetencyKind, name: string): string {
  void kind;
  const folded = foldSurface(name);
  return folded.length > 0 ? folded : name.normalize('NFKC').trim();
}

/** The graph node id of a competency: `${kind}:${key}`. */
export function competencyId(kind: CompetencyKind, name: string): string {
  return `${kind}:${competencyKey(kind, name)}`;
}
