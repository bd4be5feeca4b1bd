// The landing view: the catalogue at a glance. Documents per career cluster, split by level; the
// competencies the most documents require (equivalent wordings as one); the most similar pairs of
// standards. Every item leads on: a cluster to its entry (or a heat map of its documents), a
// competency to its hub view, a pair to the comparison of the two.
import { isAbort, type GraphQLRequest } from './api.js';
import { loadCategoryDocumentCodes, loadOverview, type Overview } from './catalogue-queries.js';
import { h, replaceChildren } from './dom.js';
import { typeStyle } from './model.js';
import { exploreHref, navigate, routeHref } from './routes.js';

/** Colours of the levels 1–6 in the stacked bars, light to dark. */
const LEVEL_COLOURS = ['#dbeafe', '#bfdbfe', '#93c5fd', '#3b82f6', '#1d4ed8', '#1e3a8a'];
const NO_LEVEL_COLOUR = '#e2e8f0';

/** Most documents a heat map compares. */
const HEAT_MAP_DOCUMENTS = 50;

export class OverviewView {
  private loaded = false;
  private request: GraphQLRequest | null = null;

  constructor(private readonly element: HTMLElement) {}

  /** Shows the overview; it is read once per page load. */
  async show(): Promise<void> {
    this.element.hidden = false;
    if (this.loaded) return;
    this.loaded = true;
    this.element.dataset.state = 'loading';
    replaceChildren(this.element, h('p', { class: 'muted' }, 'Loading the catalogue overview…'));
    try {
      const { overview, request } = await loadOverview();
      this.request = request;
      this.render(overview);
      this.element.dataset.state = 'ready';
    } catch (error) {
      this.loaded = false;
      if (isAbort(error)) return;
      this.element.dataset.state = 'error';
      replaceChildren(this.element, h('p', { class: 'muted' }, `Could not load the overview: ${(error as Error).message}`));
    }
  }

  hide(): void {
    this.element.hidden = true;
  }

  /** The request behind the overview (to copy into GraphiQL). */
  currentRequest(): GraphQLRequest | null {
    return this.request;
  }

  private render(overview: Overview): void {
    replaceChildren(
      this.element,
      h('h2', {}, '職能目錄總覽 Catalogue overview'),
      h('p', { class: 'muted' }, `${overview.standardCount} current standards 職能基準 and ${overview.unitCount} units 職能單元. Search on the left, or start from an item below.`),
      h('div', { class: 'overview-grid' }, this.clusters(overview), this.competencies(overview), this.pairs(overview)),
    );
  }

  private clusters(overview: Overview): HTMLElement {
    const largest = Math.max(1, ...overview.clusters.map((cluster) => cluster.count));
    const levels = [...new Set(overview.clusters.flatMap((cluster) => cluster.levels.map((entry) => entry.level)))].sort((a, b) => (a ?? 99) - (b ?? 99));
    const colour = (level: number | null) => (level === null ? NO_LEVEL_COLOUR : (LEVEL_COLOURS[level - 1] ?? NO_LEVEL_COLOUR));
    return h(
      'section',
      { class: 'overview-card overview-clusters', 'data-testid': 'overview-clusters' },
      h('h3', {}, 'Documents per career cluster and level 各職群文件數'),
      h(
        'p',
        { class: 'level-key muted small' },
        'Level 級別: ',
        levels.map((level) => h('span', { class: 'level-key-item' }, h('span', { class: 'swatch', style: `background:${colour(level)}` }), level === null ? '—' : String(level))),
      ),
      h(
        'ol',
        { class: 'cluster-bars' },
        overview.clusters.map((cluster) =>
          h(
            'li',
            { 'data-testid': 'overview-cluster', 'data-code': cluster.code ?? '-', 'data-count': cluster.count },
            cluster.id
              ? h('a', { href: exploreHref(cluster.id), class: 'cluster-name', title: `Open ${cluster.code} ${cluster.name ?? ''}` }, h('span', { class: 'code' }, cluster.code), cluster.name ?? '')
              : h('span', { class: 'cluster-name muted' }, 'No category 未分類'),
            h(
              'span',
              { class: 'stacked', style: `width:${Math.max(2, (cluster.count / largest) * 100)}%` },
              cluster.levels.map((entry) =>
                h('span', {
                  class: 'stack',
                  'data-level': entry.level ?? '-',
                  title: `級別 ${entry.level ?? '—'}: ${entry.count}`,
                  style: `flex:${entry.count};background:${colour(entry.level)}`,
                }),
              ),
            ),
            h('span', { class: 'count' }, String(cluster.count)),
            cluster.id
              ? h(
                  'button',
                  { type: 'button', class: 'link-button', 'data-testid': 'cluster-heat-map', title: `Heat map of the overlap of up to ${HEAT_MAP_DOCUMENTS} documents of this cluster`, onclick: () => void this.heatMap(cluster.id!) },
                  'heat map',
                )
              : null,
          ),
        ),
      ),
    );
  }

  private competencies(overview: Overview): HTMLElement {
    return h(
      'section',
      { class: 'overview-card', 'data-testid': 'overview-competencies' },
      h('h3', {}, 'Most required competencies 最常要求的職能'),
      h('p', { class: 'muted small' }, 'Equivalent wordings count as one; the number is of documents requiring any of them.'),
      h(
        'ol',
        { class: 'ranked' },
        overview.competencies.map((group) => {
          const [lead, ...others] = group.members;
          if (!lead) return null;
          return h(
            'li',
            { 'data-testid': 'overview-competency', 'data-count': group.documentCount },
            h('a', { href: exploreHref(lead.id), class: 'entity-link', 'data-id': lead.id }, h('span', { class: 'dot', style: `background:${typeStyle(lead.kind === 'KNOWLEDGE' ? 'Knowledge' : lead.kind === 'ATTITUDE' ? 'Attitude' : 'Skill').color}` }), h('span', { class: 'name' }, lead.name)),
            h('span', { class: 'count' }, ` ${group.documentCount}`),
            others.length ? h('div', { class: 'muted small' }, `≈ ${others.map((member) => member.name).join(' / ')}`) : null,
          );
        }),
      ),
    );
  }

  private pairs(overview: Overview): HTMLElement {
    return h(
      'section',
      { class: 'overview-card', 'data-testid': 'overview-pairs' },
      h('h3', {}, 'Most similar standards 最相似的職能基準'),
      overview.pairs.length === 0
        ? h('p', { class: 'muted' }, 'None yet: similarity is computed when the catalogue is aligned.')
        : h(
            'ol',
            { class: 'ranked' },
            overview.pairs.map((pair) =>
              h(
                'li',
                { 'data-testid': 'overview-pair' },
                h('a', { href: routeHref('compare', { codes: `${pair.a.code},${pair.b.code}` }), title: 'Compare the two' }, `${Math.round(pair.similarity * 100)}%`),
                ' ',
                h('a', { href: exploreHref(pair.a.id), class: 'entity-link' }, h('span', { class: 'code' }, pair.a.code), pair.a.name),
                ' · ',
                h('a', { href: exploreHref(pair.b.id), class: 'entity-link' }, h('span', { class: 'code' }, pair.b.code), pair.b.name),
              ),
            ),
          ),
    );
  }

  /** Opens Compare with the documents of a cluster (up to the heat map's limit). */
  private async heatMap(categoryId: string): Promise<void> {
    const codes = await loadCategoryDocumentCodes(categoryId, HEAT_MAP_DOCUMENTS);
    navigate(routeHref('compare', { codes: codes.join(',') }));
  }
}
