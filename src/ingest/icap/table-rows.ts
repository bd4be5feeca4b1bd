// Rows and labels of the tab-separated text both formats are copied as.

/** A line of a table: its 1-based line number and its cells. */
export interface Row {
  line: number;
  cells: string[];
}

/** The tab-separated cells of a line, each trimmed. */
export function cellsOf(text: string): string[] {
  return text.split('\t').map((cell) => cell.trim());
}

/**
 * A label as compared by the parsers: NFKC and without white space, so that `所屬 類別` and `所屬類別`,
 * `職能 級別` and `職能級別`, `( K=knowledge 知識 )` and `(K=knowledge知識)` are the same label.
 */
export function labelKey(cell: string): string {
  return cell.normalize('NFKC').replace(/\s+/g, '');
}

/** An empty line, or the `--\t---` rule a Markdown table leaves behind: neither carries content. */
export function isFiller(text: string): boolean {
  return /^[\s\-|:]*$/.test(text);
}

/** The text of a Markdown heading (`#### 說明與補充事項` -> `說明與補充事項`), or undefined. */
export function headingText(text: string): string | undefined {
  const marks = /^\s*#{1,6}/.exec(text);
  if (!marks) return undefined;
  // A closing run of #s is decoration too (`## 標題 ##`).
  let heading = text.slice(marks[0].length).trim();
  while (heading.endsWith('#')) heading = heading.slice(0, -1);
  return heading.trim();
}

/** The text of a Markdown list item (`- A01…`, `  - 高中職…`) with its indentation, or undefined. */
export function listItem(text: string): { indent: number; text: string } | undefined {
  const match = /^(\s*)[-*•]\s+(.*)$/.exec(text);
  if (!match) return undefined;
  const indent = match[1]!.replace(/\t/g, '    ').length;
  return { indent, text: match[2]!.trim() };
}

/** The number of cells up to the last non-empty one: trailing empty cells are padding, not content. */
export function usedCellCount(cells: readonly string[]): number {
  let count = cells.length;
  while (count > 0 && cells[count - 1] === '') count -= 1;
  return count;
}
