// The summary above the graph of an entity with many neighbours: how many of each kind, and the
// documents around it by career cluster, level and occupation, as bars. A bar draws its group.
import { isAbort } from './api.js';
import { LABEL_BUDGET, loadHubSummary, type FacetCount, type HubGroup, type HubSummary } from './catalogue-queries.js';
import { h, replaceChildren } from './dom.js';
import { typeLabel, typeStyle } from './model.js';

/** Bars shown per breakdown; the rest are counted in one line. */
const BARS = 5;

/** Entities with more neighbours than this get a summary (a few neighbours are read from the drawing). */
export const HUB_THRESHOLD = 20;

function caption(bar: FacetCount): string {
  if (bar.key === '-') return bar.facet === 'LEVEL' ? 'no level 無級別' : 'none 未分類';
  if (bar.facet === 'KIND') return typeLabel(bar.key);
  if (bar.facet === 'LEVEL') return `級別 ${bar.key}`;
  return bar.name ? `${bar.key} ${bar.name}` : bar.key;
}

export class HubSummaryView {
  private abort: AbortController | null = null;

  constructor(
    private readonly element: HTMLElement,
    /** Draws one group of the centre's neighbours. */
    private readonly draw: (group: HubGroup | null) => void,
  ) {}

  /** Loads and shows the summary of `id`; hides itself for an entity with few neighbours. */
  async show(id: string, active: HubGroup | null): Promise<void> {
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.element.dataset.state = 'loading';
    try {
      const { summary } = await loadHubSummary(id, abort.signal);
      if (abort.signal.aborted) return;
      if (!summary || summary.neighbourCount <= HUB_THRESHOLD) {
        this.element.hidden = true;
        replaceChildren(this.element);
      } else {
        this.element.hidden = false;
        this.render(summary, active);
      }
      this.element.dataset.state = 'ready';
    } catch (error) {
      if (isAbort(error)) return;
      this.element.hidden = false;
      this.element.dataset.state = 'error';
      replaceChildren(this.element, h('p', { class: 'muted' }, `Could not summarise the neighbourhood: ${(error as Error).message}`));
    }
  }

  hide(): void {
    this.abort?.abort();
    this.element.hidden = true;
  }

  /** Marks the bar of the group being drawn. */
  markActive(active: HubGroup | null): void {
    for (const bar of this.element.querySelectorAll<HTMLButtonElement>('button.facet-bar')) {
      bar.setAttribute('aria-pressed', String(active !== null && bar.dataset.facet === active.facet && bar.dataset.key === active.key));
    }
  }

  private render(summary: HubSummary, active: HubGroup | null): void {
    replaceChildren(
      this.element,
      h(
        'div',
        { class: 'hub-head' },
        h('strong', {}, `${summary.neighbourCount} neighbours 鄰接節點`),
        summary.documentCount ? h('span', { class: 'muted' }, ` · ${summary.documentCount} documents around it`) : null,
        h('span', { class: 'muted small' }, ` · at most ${LABEL_BUDGET} are drawn at once; choose a bar to draw that group.`),
        h('button', { type: 'button', class: 'link-button', 'data-testid': 'hub-sample', onclick: () => this.draw(null) }, 'Sample of every kind 各類抽樣'),
      ),
      h(
        'div',
        { class: 'hub-facets' },
        this.facet('By kind 類型', summary.byKind),
        this.facet('Career cluster 職群', summary.byCluster),
        this.facet('Level 級別', summary.byLevel),
        this.facet('Occupation 職業', summary.byOccupation),
      ),
    );
    this.markActive(active);
  }

  private facet(title: string, bars: FacetCount[]): HTMLElement | null {
    if (bars.length === 0) return null;
    const largest = Math.max(...bars.map((bar) => bar.count));
    const shown = bars.slice(0, BARS);
    const rest = bars.slice(BARS);
    return h(
      'figure',
      { class: 'facet', 'data-facet': bars[0]!.facet },
      h('figcaption', {}, title),
      shown.map((bar) =>
        h(
          'button',
          {
            type: 'button',
            class: 'facet-bar',
            'data-testid': 'facet-bar',
            'data-facet': bar.facet,
            'data-key': bar.key,
            'data-count': bar.count,
            title: `Draw ${caption(bar)} (${bar.count})`,
            onclick: () => this.draw({ facet: bar.facet, key: bar.key, caption: caption(bar) }),
          },
          h('span', { class: 'facet-label' }, caption(bar)),
          h('span', { class: 'facet-track' }, h('span', { class: 'facet-fill', style: `width:${Math.max(3, (bar.count / largest) * 100)}%;${bar.facet === 'KIND' ? `background:${typeStyle(bar.key).color}` : ''}` })),
          h('span', { class: 'facet-count' }, String(bar.count)),
        ),
      ),
      rest.length ? h('p', { class: 'muted small facet-rest' }, `+ ${rest.length} more (${rest.reduce((sum, bar) => sum + bar.count, 0)})`) : null,
    );
  }
}
