// Search as you type (or on Enter): documents, tasks, competencies and taxonomy entries, each with
// its type and code. Used by the explore view and, limited to documents, by the pickers.
import { isAbort } from './api.js';
import { debounce, h, replaceChildren } from './dom.js';
import { typeLabel, typeStyle } from './model.js';
import { searchEntities, type SearchHit, type SearchScope } from './queries.js';

export interface SearchBoxOptions {
  input: HTMLInputElement;
  results: HTMLElement;
  status: HTMLElement;
  scope: SearchScope;
  /** `data-testid` of each result button. */
  resultTestId: string;
  /** How many hits to ask for. */
  first: number;
  onPick(hit: SearchHit): void;
}

/** A search field wired to a result list. */
export class SearchBox {
  private abort: AbortController | null = null;
  private lastText = '';
  private readonly schedule = debounce((text: string) => void this.run(text), 250);

  constructor(private readonly options: SearchBoxOptions) {
    const { input, results } = options;
    input.addEventListener('input', () => this.schedule(input.value));
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        this.schedule.flush(input.value);
      } else if (event.key === 'ArrowDown') {
        event.preventDefault();
        results.querySelector<HTMLButtonElement>('button')?.focus();
      } else if (event.key === 'Escape') {
        this.clear();
      }
    });
    results.addEventListener('keydown', (event) => this.moveFocus(event));
  }

  /** Searches now, whatever the debounce is waiting for. */
  search(text: string): Promise<void> {
    this.options.input.value = text;
    this.schedule.cancel();
    return this.run(text);
  }

  clear(): void {
    this.schedule.cancel();
    this.abort?.abort();
    this.options.input.value = '';
    this.lastText = '';
    replaceChildren(this.options.results);
    this.options.status.textContent = '';
  }

  private async run(raw: string): Promise<void> {
    const text = raw.trim();
    const { results, status } = this.options;
    if (text === this.lastText && results.childElementCount > 0) return;
    this.lastText = text;
    this.abort?.abort();
    if (!text) {
      replaceChildren(results);
      status.textContent = '';
      return;
    }
    const abort = new AbortController();
    this.abort = abort;
    status.textContent = 'Searching…';
    results.setAttribute('aria-busy', 'true');
    try {
      const page = await searchEntities(text, this.options.scope, this.options.first, abort.signal);
      if (abort.signal.aborted) return;
      replaceChildren(results, page.hits.map((hit) => this.renderHit(hit)));
      const more = page.totalCount !== null && page.totalCount > page.hits.length ? ` of ${page.totalCount}` : '';
      status.textContent = page.hits.length === 0 ? `Nothing found for “${text}”.` : `${page.hits.length}${more} results for “${text}”.`;
    } catch (error) {
      if (isAbort(error)) return;
      replaceChildren(results);
      status.textContent = `Search failed: ${(error as Error).message}`;
      this.lastText = '';
    } finally {
      if (this.abort === abort) results.removeAttribute('aria-busy');
    }
  }

  private renderHit(hit: SearchHit): HTMLElement {
    const style = typeStyle(hit.type);
    return h(
      'li',
      {},
      h(
        'button',
        {
          type: 'button',
          class: 'search-result',
          'data-testid': this.options.resultTestId,
          'data-id': hit.id,
          'data-type': hit.type,
          onclick: () => this.options.onPick(hit),
        },
        h('span', { class: 'badge', style: `--type-color:${style.color}` }, typeLabel(hit.type)),
        hit.code ? h('span', { class: 'code' }, hit.code) : null,
        h('span', { class: 'name' }, sameText(hit) ? highlighted(hit) : hit.name),
        sameText(hit) ? null : h('span', { class: 'snippet' }, highlighted(hit)),
      ),
    );
  }

  /** Up and down move between results; Up from the first goes back to the field. */
  private moveFocus(event: KeyboardEvent): void {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = [...this.options.results.querySelectorAll<HTMLButtonElement>('button')];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0) return;
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? buttons[index + 1] : index === 0 ? this.options.input : buttons[index - 1];
    next?.focus();
  }
}

/** True when the match is in the name itself, which is then shown highlighted. */
function sameText(hit: SearchHit): boolean {
  const plain = hit.snippet.map((part) => part.text).join('');
  return !plain || plain === hit.name;
}

/** The matched text with the matches highlighted. */
function highlighted(hit: SearchHit): Array<Node | string> {
  if (hit.snippet.length === 0) return [hit.name];
  return hit.snippet.map((part) => (part.marked ? h('mark', {}, part.text) : part.text));
}
