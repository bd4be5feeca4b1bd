// Getting things out of the page: file downloads and the clipboard.
import { requestAsText, type GraphQLRequest } from './api.js';
import { toast } from './dom.js';

/** Saves a blob under a file name through the browser's download. */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves a value as pretty-printed JSON. */
export function downloadJson(value: unknown, fileName: string): void {
  download(new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' }), fileName);
}

/** Copies text; falls back to a hidden text area where the Clipboard API is unavailable. */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // Not a secure context or permission refused: the legacy path below still works on a click.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  const copied = document.execCommand('copy');
  area.remove();
  if (!copied) throw new Error('the browser refused to copy');
}

/** Copies the GraphQL behind a view (operations and variables, ready for GraphiQL) and says so. */
export async function copyRequests(requests: GraphQLRequest[], what: string): Promise<void> {
  if (requests.length === 0) {
    toast(`Nothing to copy yet: ${what} is empty.`);
    return;
  }
  const text = requests.map(requestAsText).join('\n');
  try {
    await copyText(text);
    toast(`Copied the GraphQL query of ${what}.`);
  } catch (error) {
    toast(`Could not copy: ${(error as Error).message}`);
  }
}

/** A file-name-safe stamp: 2026-11-23T10-15-00 */
export function stamp(): string {
  return new Date().toISOString().slice(0, 19).replace(/:/g, '-');
}
