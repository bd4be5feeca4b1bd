// How a standard writes a classification field that lists several entries: the names in one cell and
// the codes in another, separated by `；` or `、`. A separator is only used where a reader can tell the
// entries apart again: `；` when no name contains one; `、` when no name is itself a list, or, for
// `parent / name` entries, when no parent after the first contains a `、` (the separator before an
// entry is then the last `、` before its slash).

import type { ClassifiedRef } from './classification.js';
import type { Random } from './random.js';

export interface ClassificationField {
  names: string;
  codes: string;
  /** The entries as written (some may be dropped when no separator keeps them apart). */
  refs: ClassifiedRef[];
}

export function refLabel(ref: ClassifiedRef, slash = ' / '): string {
  return ref.parentName ? `${ref.parentName}${slash}${ref.name}` : ref.name;
}

function semicolonSafe(refs: readonly ClassifiedRef[]): boolean {
  return refs.every((ref) => !/[；;]/.test(refLabel(ref)));
}

function commaSafe(refs: readonly ClassifiedRef[]): boolean {
  const labels = refs.map((ref) => refLabel(ref));
  if (labels.some((label) => /[；;]/.test(label))) return false;
  if (refs.every((ref) => !ref.parentName)) return labels.every((label) => !/[、，,/／]/.test(label));
  return refs.every(
    (ref, i) => ref.parentName !== undefined && !/[/／]/.test(ref.name + ref.parentName) && (i === 0 || !/[、，,]/.test(ref.parentName)),
  );
}

export function classificationField(refs: readonly ClassifiedRef[], random: Random): ClassificationField {
  let entries = refs.slice();
  let separator = '；';
  if (entries.length > 1) {
    const comma = commaSafe(entries);
    const semicolon = semicolonSafe(entries);
    if (comma && (!semicolon || random.chance(0.35))) separator = '、';
    else if (!semicolon) entries = entries.slice(0, 1);
  }
  return {
    names: entries.map((ref) => refLabel(ref)).join(separator),
    codes: entries.map((ref) => ref.code).join(separator),
    refs: entries,
  };
}
