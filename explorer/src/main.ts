// The explorer's entry: the three views (explore, compare, learning path) and the address-bar
// routing between them.
import './styles.css';
import { isAbort, type GraphQLRequest } from './api.js';
import { loadHubGroup, loadNextPage, type Facet, type HubGroup } from './catalogue-queries.js';
import { CompareView } from './compare.js';
import { DETAIL_PAGE, renderDetail, renderDetailMessage } from './detail.js';
import { byId, h } from './dom.js';
import { copyRequests, download, downloadJson, stamp } from './export.js';
import { GraphView } from './graph.js';
import { HubSummaryView } from './hub-summary.js';
import { LearningPathView } from './learning-path.js';
import { keyOfId, typeLabel } from './model.js';
import { OverviewView } from './overview.js';
import { loadEntity, loadNeighbourhood } from './queries.js';
import { exploreHref, navigate, parseRoute, type ViewName } from './routes.js';
import { SearchBox } from './search.js';

const FACETS: readonly Facet[] = ['KIND', 'CLUSTER', 'LEVEL', 'OCCUPATION'];

/** The group of neighbours the address names (`facet=CLUSTER&key=B`), if any. */
function groupOfParams(params: URLSearchParams): HubGroup | null {
  const facet = params.get('facet') as Facet | null;
  const key = params.get('key');
  if (!facet || !FACETS.includes(facet) || !key) return null;
  const caption = facet === 'KIND' ? typeLabel(key) : facet === 'LEVEL' ? `級別 ${key}` : key;
  return { facet, key, caption };
}

function sameGroup(a: HubGroup | null, b: HubGroup | null): boolean {
  return a?.facet === b?.facet && a?.key === b?.key;
}

/** Search, overview, detail panel, hub summary and graph. */
class ExploreView {
  private readonly panel = byId('detail-panel');
  private readonly graph: GraphView;
  private readonly search: SearchBox;
  private readonly overview = new OverviewView(byId('overview-pane'));
  private readonly hub: HubSummaryView;
  private detailRequest: GraphQLRequest | null = null;
  private detailAbort: AbortController | null = null;
  private centre: { id: string; depth: number; group: HubGroup | null } | null = null;

  constructor(
    private readonly compare: CompareView,
    private readonly path: LearningPathView,
  ) {
    this.search = new SearchBox({
      input: byId<HTMLInputElement>('search-input'),
      results: byId('search-results'),
      status: byId('search-status'),
      scope: 'all',
      resultTestId: 'search-result',
      first: 30,
      onPick: (hit) => navigate(exploreHref(hit.id, this.centre?.depth)),
    });
    this.hub = new HubSummaryView(byId('hub-summary'), (group) => {
      if (this.centre) navigate(exploreHref(this.centre.id, 1, group));
    });
    const container = byId('graph-canvas');
    this.graph = new GraphView({
      container,
      toolbar: byId('graph-toolbar'),
      legend: byId('graph-legend'),
      edgeLegend: byId('graph-edge-legend'),
      status: byId('graph-status'),
      fetchNeighbourhood: loadNeighbourhood,
      fetchGroup: loadHubGroup,
      onSelect: (id) => {
        this.graph.select(id);
        void this.showDetail(id, false);
      },
      onCentre: (id, depth, group) => {
        this.centre = { id, depth, group };
        this.hub.markActive(group);
        navigate(exploreHref(id, depth, group), true);
      },
    });
    new ResizeObserver(() => this.graph.resize()).observe(container);
    const toolbar = byId('graph-toolbar');
    toolbar.append(
      h('span', { class: 'toolbar-gap' }),
      h('button', { type: 'button', id: 'export-png', title: 'Save the graph as a PNG image', onclick: () => void this.exportPng() }, 'PNG'),
      h('button', { type: 'button', id: 'export-json', title: 'Save the graph (nodes, edges, positions, queries) as JSON', onclick: () => this.exportJson() }, 'JSON'),
      h('button', { type: 'button', id: 'copy-query', title: 'Copy the GraphQL queries behind this view', onclick: () => void this.copyQuery() }, 'Copy query'),
    );
  }

  /** `#/explore?id=Skill:溝通協調能力&facet=CLUSTER&key=B`, `#/explore?id=Standard:BLM2421-007v4&depth=2`; no id: the overview. */
  async route(params: URLSearchParams): Promise<void> {
    const id = params.get('id');
    const depth = Math.min(3, Math.max(1, Number(params.get('depth')) || 1));
    const group = depth === 1 ? groupOfParams(params) : null;
    const text = params.get('q');
    if (text && byId<HTMLInputElement>('search-input').value !== text) void this.search.search(text);
    byId('graph-pane').hidden = !id;
    if (!id) {
      this.centre = null;
      this.panel.hidden = true;
      this.hub.hide();
      await this.overview.show();
      return;
    }
    this.overview.hide();
    if (this.centre?.id === id && this.centre.depth === depth && sameGroup(this.centre.group, group)) return;
    const sameCentre = this.centre?.id === id;
    this.centre = { id, depth, group };
    // The detail, the summary and the drawing are read side by side: the first view waits for the slowest.
    await Promise.all([
      sameCentre ? null : this.showDetail(id, true),
      sameCentre ? this.hub.markActive(group) : this.hub.show(id, group),
      this.graph.show(id, depth, group),
    ]);
  }

  private async showDetail(id: string, focus: boolean): Promise<void> {
    this.detailAbort?.abort();
    const abort = new AbortController();
    this.detailAbort = abort;
    this.panel.hidden = false;
    this.panel.setAttribute('aria-busy', 'true');
    renderDetailMessage(this.panel, `Loading ${keyOfId(id)}…`);
    try {
      const { entity, warnings, request } = await loadEntity(id, abort.signal);
      if (abort.signal.aborted) return;
      this.detailRequest = request;
      if (!entity) {
        renderDetailMessage(this.panel, `${id} is not in the graph.`);
        return;
      }
      renderDetail(this.panel, entity, warnings, {
        compare: (code) => this.compare.preset(code),
        learningPathTo: (code) => this.path.preset(code),
        nextPage: (field, after) => loadNextPage(id, field, after, DETAIL_PAGE),
      });
      if (focus) byId('detail-title').focus({ preventScroll: true });
    } catch (error) {
      if (isAbort(error)) return;
      renderDetailMessage(this.panel, `Could not load ${id}: ${(error as Error).message}`);
    } finally {
      if (this.detailAbort === abort) this.panel.removeAttribute('aria-busy');
    }
  }

  private async exportPng(): Promise<void> {
    if (this.graph.cy.nodes().empty()) return;
    download(await this.graph.toPng(), `graph-${stamp()}.png`);
  }

  private exportJson(): void {
    if (this.graph.cy.nodes().empty()) return;
    downloadJson(this.graph.toJSON(), `graph-${stamp()}.json`);
  }

  private copyQuery(): Promise<void> {
    return copyRequests([...this.graph.currentRequests(), ...(this.detailRequest ? [this.detailRequest] : [])], 'the graph and detail panel');
  }
}

function showView(view: ViewName): void {
  for (const name of ['explore', 'compare', 'path'] as const) {
    byId(`view-${name}`).hidden = name !== view;
    const link = document.querySelector<HTMLAnchorElement>(`nav a[data-view="${name}"]`);
    if (link) {
      if (name === view) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
  }
}

function start(): void {
  const compare = new CompareView(byId('view-compare'));
  const path = new LearningPathView(byId('view-path'));
  const explore = new ExploreView(compare, path);
  const route = () => {
    const { view, params } = parseRoute();
    showView(view);
    // Coming back to a view through the navigation shows it as it was left.
    const link = document.querySelector<HTMLAnchorElement>(`nav a[data-view="${view}"]`);
    if (link && params.toString()) link.setAttribute('href', window.location.hash);
    if (view === 'explore') void explore.route(params);
    else if (view === 'compare') void compare.route(params);
    else void path.route(params);
  };
  window.addEventListener('hashchange', route);
  route();
  if (parseRoute().view === 'explore' && !parseRoute().params.get('id')) byId('search-input').focus();
}

start();
