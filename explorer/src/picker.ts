// Choosing a few entities by searching for them: the chosen ones show as removable chips.
import { h, replaceChildren } from './dom.js';
import { typeStyle } from './model.js';
import { SearchBox } from './search.js';
import type { SearchHit, SearchScope } from './queries.js';

export interface Picked {
  id: string;
  type: string;
  code: string;
  name: string;
}

export interface PickerOptions {
  /** Prefix of the element ids, e.g. `compare-docs`. */
  id: string;
  label: string;
  placeholder: string;
  scope: SearchScope;
  max: number;
  onChange(picked: Picked[]): void;
}

/** A search field and the chips of what was picked from it. */
export class Picker {
  readonly element: HTMLElement;
  private picked: Picked[] = [];
  private readonly chips: HTMLElement;
  private readonly input: HTMLInputElement;
  private readonly search: SearchBox;

  constructor(private readonly options: PickerOptions) {
    this.input = h('input', {
      id: `${options.id}-input`,
      'data-testid': `${options.id}-input`,
      type: 'search',
      placeholder: options.placeholder,
      autocomplete: 'off',
      'aria-describedby': `${options.id}-status`,
    });
    this.chips = h('ul', { class: 'chips', 'aria-label': `${options.label}: chosen` });
    const results = h('ol', { class: 'search-results picker-results', 'aria-label': `${options.label}: results` });
    const status = h('p', { id: `${options.id}-status`, class: 'muted small', 'aria-live': 'polite' });
    this.search = new SearchBox({
      input: this.input,
      results,
      status,
      scope: options.scope,
      resultTestId: `${options.id}-result`,
      first: 8,
      onPick: (hit) => this.add(hit),
    });
    this.element = h('div', { class: 'picker' }, h('label', { for: this.input.id }, options.label), this.chips, this.input, status, results);
    this.renderChips();
  }

  value(): Picked[] {
    return [...this.picked];
  }

  /** Replaces the chosen entities (from the address bar). */
  set(picked: Picked[]): void {
    this.picked = picked.slice(0, this.options.max);
    this.renderChips();
  }

  private add(hit: SearchHit): void {
    if (!this.picked.some((item) => item.id === hit.id)) {
      if (this.options.max === 1) this.picked = [];
      if (this.picked.length >= this.options.max) return;
      this.picked.push({ id: hit.id, type: hit.type, code: hit.code ?? hit.id, name: hit.name });
    }
    this.search.clear();
    this.renderChips();
    this.input.focus();
    this.options.onChange(this.value());
  }

  private remove(id: string): void {
    this.picked = this.picked.filter((item) => item.id !== id);
    this.renderChips();
    this.input.focus();
    this.options.onChange(this.value());
  }

  private renderChips(): void {
    replaceChildren(
      this.chips,
      this.picked.map((item) =>
        h(
          'li',
          { class: 'chip', 'data-code': item.code },
          h('span', { class: 'dot', style: `background:${typeStyle(item.type).color}` }),
          h('span', { class: 'code' }, item.code),
          item.name && item.name !== item.code ? h('span', { class: 'name' }, item.name) : null,
          h('button', { type: 'button', class: 'chip-remove', 'aria-label': `Remove ${item.code}`, onclick: () => this.remove(item.id) }, '×'),
        ),
      ),
    );
    this.input.disabled = this.options.max > 1 && this.picked.length >= this.options.max;
  }
}
