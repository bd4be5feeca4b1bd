// 職能級別: competency levels run from 1 to 6 (see TAXONOMY.md); anything else is a malformed document.

/** A 職能級別 / 基準級別 / 職能單元級別 cell: a whole number from 1 to 6 (`4`, also `4級`). */
export function parseLevel(text: string): number | undefined {
  const match = /^(\d+)(?:\s*級)?$/.exec(text.trim());
  const level = match ? Number(match[1]) : NaN;
  return level >= 1 && level <= 6 ? level : undefined;
}
