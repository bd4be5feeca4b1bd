// What a parser assumed: a form it accepted because its meaning is unambiguous, but which it had to
// normalise (an industry range expanded, a missing name taken from the taxonomy, …). The document
// imports; the warning tells the person importing it what was read into it.

/** The kinds of normalisation a parser reports, one per accepted variant form. */
export const PARSE_WARNING_KINDS = [
  'INDUSTRY_RANGE',
  'HYPHENATED_CODE',
  'SHARED_NAME',
  'NAME_FROM_TAXONOMY',
  'NO_VERSION_TABLE',
  'CODE_WIDTH',
  'CODE_DIGITS',
  'ITEM_SEPARATOR',
  'LEVEL_INHERITED',
  'ATTITUDE_COLUMNS',
  'ATTITUDES_ON_ONE_LINE',
  'ARABIC_NUMBERING',
  'NOTE_MARKER_FORM',
] as const;

export type ParseWarningKind = (typeof PARSE_WARNING_KINDS)[number];

export interface ParseWarning {
  kind: ParseWarningKind;
  /** What was found and how it was read, in words a person importing the document can check. */
  message: string;
  /** 1-based line in the original text; 0 when the warning concerns the document as a whole. */
  line: number;
  /** The field or table column concerned (`行業別`, `職能內涵(K)`, …). */
  field: string;
}
