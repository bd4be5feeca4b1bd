// The neighbourhood graph: Cytoscape.js on a canvas, nodes coloured by type, edges labelled with
// their relationship. Double-click expands a node; the toolbar fits, zooms, filters by type, sets
// the depth and exports what is shown.
import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import type { GraphQLRequest } from './api.js';
import { h, replaceChildren } from './dom.js';
import { KNOWN_TYPES, keyOfId, typeLabel, typeStyle } from './model.js';

export interface SubgraphNode {
  id: string;
  label: string;
  name: string | null;
}

export interface SubgraphEdge {
  source: string;
  target: string;
  type: string;
  /** The document-local code of a REQUIRES relationship (`S04`). */
  code?: string | null;
}

export interface Subgraph {
  nodes: SubgraphNode[];
  edges: SubgraphEdge[];
  /** More nodes were within reach than the request allowed. */
  truncated?: boolean;
}

export type FetchNeighbourhood = (id: string, depth: number, signal: AbortSignal) => Promise<{ subgraph: Subgraph; request: GraphQLRequest }>;

/** Fitting never zooms in further than this, so labels keep a readable size. */
const MAX_FIT_ZOOM = 1.3;

const FONT = '"Noto Sans CJK TC", "Noto Sans TC", "PingFang TC", "Microsoft JhengHei", "Noto Sans CJK SC", sans-serif';

/** Shortens a long name for a node label; the full name is in the detail panel. */
function shortName(node: SubgraphNode): string {
  if (node.label === 'CompetencyLevel') return `級別 ${node.name ?? keyOfId(node.id)}`;
  const name = node.name?.trim() || keyOfId(node.id);
  return name.length > 18 ? `${name.slice(0, 17)}…` : name;
}

function nodeElement(node: SubgraphNode): ElementDefinition {
  const style = typeStyle(node.label);
  return {
    group: 'nodes',
    data: { id: node.id, type: node.label, name: node.name ?? '', display: shortName(node), color: style.color, shape: style.shape },
  };
}

function edgeId(edge: SubgraphEdge): string {
  return `${edge.source}|${edge.type}|${edge.target}`;
}

function edgeElement(edge: SubgraphEdge): ElementDefinition {
  return {
    group: 'edges',
    data: { id: edgeId(edge), source: edge.source, target: edge.target, type: edge.type, code: edge.code ?? null, display: edge.code ? `${edge.type} ${edge.code}` : edge.type },
  };
}

const STYLE: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(color)',
      shape: 'data(shape)' as never,
      label: 'data(display)',
      'font-family': FONT,
      'font-size': 11,
      color: '#0f172a',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'min-zoomed-font-size': 5,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.8,
      'text-background-padding': '1px',
      width: 26,
      height: 26,
      'border-width': 0,
    },
  },
  { selector: 'node.center', style: { width: 40, height: 40, 'border-width': 4, 'border-color': '#facc15', 'font-weight': 'bold', 'font-size': 13 } },
  { selector: 'node.expanded', style: { 'border-width': 2, 'border-color': '#0f172a', 'border-style': 'dashed' } },
  { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#f43f5e', 'border-style': 'solid' } },
  {
    selector: 'edge',
    style: {
      width: 1.5,
      'line-color': '#94a3b8',
      'target-arrow-color': '#94a3b8',
      'target-arrow-shape': 'triangle',
      'curve-style': 'bezier',
      label: 'data(display)',
      'font-family': FONT,
      'font-size': 8,
      'min-zoomed-font-size': 6,
      color: '#475569',
      'text-rotation': 'autorotate',
      'text-background-color': '#f8fafc',
      'text-background-opacity': 0.9,
      'text-background-padding': '1px',
    },
  },
  // Competency relations: equivalent solid, narrower (pointing at the broader one) dashed, related dotted.
  { selector: 'edge[type = "EQUIVALENT_TO"]', style: { 'line-color': '#e11d48', 'target-arrow-shape': 'none' } },
  { selector: 'edge[type = "NARROWER_THAN"]', style: { 'line-style': 'dashed', 'line-color': '#7c3aed', 'target-arrow-color': '#7c3aed' } },
  { selector: 'edge[type = "RELATED_TO"]', style: { 'line-style': 'dotted', 'line-color': '#94a3b8', 'target-arrow-shape': 'none' } },
  { selector: '.filtered', style: { display: 'none' } },
];

export interface GraphViewOptions {
  container: HTMLElement;
  toolbar: HTMLElement;
  legend: HTMLElement;
  status: HTMLElement;
  fetchNeighbourhood: FetchNeighbourhood;
  /** A node was selected on the canvas. */
  onSelect(id: string): void;
  /** The graph was redrawn around a new centre or depth (for the address bar). */
  onCentre?(id: string, depth: number): void;
}

/** The interactive graph of the explorer's main view. */
export class GraphView {
  readonly cy: Core;
  private centre: string | null = null;
  private depth = 1;
  private hiddenTypes = new Set<string>();
  /** The requests behind what is drawn: the centre's neighbourhood and each expansion. */
  private requests: GraphQLRequest[] = [];
  private abort: AbortController | null = null;
  private readonly depthSelect: HTMLSelectElement;

  constructor(private readonly options: GraphViewOptions) {
    this.cy = cytoscape({
      container: options.container,
      style: STYLE,
      minZoom: 0.1,
      maxZoom: 4,
      boxSelectionEnabled: false,
    });
    this.cy.on('tap', 'node', (event) => options.onSelect((event.target as NodeSingular).id()));
    this.cy.on('dbltap', 'node', (event) => void this.expand((event.target as NodeSingular).id()));
    this.depthSelect = h(
      'select',
      { id: 'graph-depth', 'aria-label': 'Depth', title: 'How many relationships away from the centre to draw' },
      [1, 2, 3].map((d) => h('option', { value: d }, `${d}`)),
    );
    this.depthSelect.addEventListener('change', () => {
      if (this.centre) void this.show(this.centre, Number(this.depthSelect.value));
    });
    this.renderToolbar();
    this.renderLegend();
    this.publishCounts('empty');
    options.container.addEventListener('keydown', (event) => this.onKey(event));
  }

  /** Draws the neighbourhood of `id` at `depth`, replacing what was shown. */
  async show(id: string, depth = this.depth): Promise<void> {
    this.depth = depth;
    this.depthSelect.value = String(depth);
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.publishCounts('loading');
    this.setStatus('Loading the neighbourhood…');
    try {
      const { subgraph, request } = await this.options.fetchNeighbourhood(id, depth, abort.signal);
      if (abort.signal.aborted) return;
      this.centre = id;
      this.requests = [request];
      this.cy.elements().remove();
      this.cy.add([...subgraph.nodes.map(nodeElement), ...this.knownEdges(subgraph)]);
      this.cy.getElementById(id).addClass('center');
      this.applyFilter();
      this.layout();
      this.renderLegend();
      this.setStatus(this.summary(subgraph.truncated === true));
      this.publishCounts('ready');
      this.options.onCentre?.(id, depth);
    } catch (error) {
      if (abort.signal.aborted) return;
      this.publishCounts('error');
      this.setStatus(`Could not load the neighbourhood: ${(error as Error).message}`);
    }
  }

  /** Adds the neighbours of one node to the drawing (double-click). */
  async expand(id: string): Promise<void> {
    const abort = new AbortController();
    this.setStatus(`Expanding ${keyOfId(id)}…`);
    try {
      const { subgraph, request } = await this.options.fetchNeighbourhood(id, 1, abort.signal);
      this.requests.push(request);
      const fresh = subgraph.nodes.filter((node) => this.cy.getElementById(node.id).empty());
      const anchor = this.cy.getElementById(id);
      const origin = anchor.nonempty() ? anchor.position() : { x: 0, y: 0 };
      this.cy.add(fresh.map((node) => ({ ...nodeElement(node), position: { ...origin } })));
      this.cy.add(this.knownEdges(subgraph).filter((edge) => this.cy.getElementById(edge.data.id as string).empty()));
      anchor.addClass('expanded');
      this.applyFilter();
      this.layout();
      this.renderLegend();
      this.setStatus(`${this.summary(false)} · added ${fresh.length} around ${keyOfId(id)}`);
      this.publishCounts('ready');
    } catch (error) {
      this.setStatus(`Could not expand ${keyOfId(id)}: ${(error as Error).message}`);
    }
  }

  /** Marks a node as selected without moving the view. */
  select(id: string): void {
    this.cy.$(':selected').unselect();
    this.cy.getElementById(id).select();
  }

  /** The GraphQL that produced the drawing (the neighbourhood and each expansion). */
  currentRequests(): GraphQLRequest[] {
    return this.requests;
  }

  /** The drawing as plain data: what is visible, with positions, and the queries behind it. */
  toJSON(): unknown {
    const visible = this.cy.elements().not('.filtered');
    return {
      centre: this.centre,
      depth: this.depth,
      hiddenTypes: [...this.hiddenTypes],
      nodes: visible.nodes().map((node) => ({ id: node.id(), label: node.data('type') as string, name: node.data('name') as string, position: node.position() })),
      edges: visible.edges().map((edge) => ({ source: edge.source().id(), target: edge.target().id(), type: edge.data('type') as string, code: edge.data('code') as string | null })),
      queries: this.requests,
    };
  }

  /** The drawing as a PNG image at twice the screen resolution, on white. */
  toPng(): Promise<Blob> {
    return this.cy.png({ output: 'blob-promise', full: true, scale: 2, bg: '#ffffff' });
  }

  fit(): void {
    this.cy.fit(this.cy.elements().not('.filtered'), 30);
    if (this.cy.zoom() > MAX_FIT_ZOOM) {
      this.cy.zoom(MAX_FIT_ZOOM);
      this.cy.center(this.cy.elements().not('.filtered'));
    }
  }

  zoomBy(factor: number): void {
    const extent = this.cy.extent();
    this.cy.zoom({ level: this.cy.zoom() * factor, position: { x: (extent.x1 + extent.x2) / 2, y: (extent.y1 + extent.y2) / 2 } });
  }

  /** Cytoscape measures its container once; call after the container changes size. */
  resize(): void {
    this.cy.resize();
  }

  private knownEdges(subgraph: Subgraph): ElementDefinition[] {
    const ids = new Set(this.cy.nodes().map((node) => node.id()));
    for (const node of subgraph.nodes) ids.add(node.id);
    return subgraph.edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target)).map(edgeElement);
  }

  /**
   * Rings around the centre: its neighbours on the first ring, theirs on the next, and so on, so
   * that distance in the drawing is distance in the graph.
   */
  private layout(): void {
    this.cy.resize();
    const centre = this.centre ? this.cy.getElementById(this.centre) : this.cy.collection();
    const distance = new Map<string, number>();
    if (centre.nonempty()) {
      this.cy.elements().bfs({
        roots: centre,
        directed: false,
        visit: (node, _edge, _previous, _index, depth) => {
          distance.set(node.id(), depth);
        },
      });
    }
    const farthest = Math.max(0, ...distance.values());
    const ringSizes = new Map<number, number>();
    for (const d of distance.values()) ringSizes.set(d, (ringSizes.get(d) ?? 0) + 1);
    const fullestRing = Math.max(1, ...[...ringSizes.entries()].filter(([d]) => d > 0).map(([, n]) => n));
    // Few neighbours get room for their labels; many sit closer so that the ring still fits.
    const spacing = Math.max(14, 110 - 2.5 * fullestRing);
    this.cy
      .layout({
        name: 'concentric',
        animate: false,
        fit: true,
        padding: 30,
        minNodeSpacing: spacing,
        avoidOverlap: true,
        startAngle: (3 / 2) * Math.PI,
        concentric: (node: NodeSingular) => farthest + 1 - (distance.get(node.id()) ?? farthest + 1),
        levelWidth: () => 1,
      } as cytoscape.LayoutOptions)
      .run();
    // A handful of nodes would otherwise be blown up to fill the canvas.
    if (this.cy.zoom() > MAX_FIT_ZOOM) {
      this.cy.zoom(MAX_FIT_ZOOM);
      this.cy.center();
    }
  }

  private applyFilter(): void {
    this.cy.batch(() => {
      this.cy.nodes().forEach((node) => {
        const hidden = this.hiddenTypes.has(node.data('type') as string) && !node.hasClass('center');
        node.toggleClass('filtered', hidden);
      });
    });
  }

  private renderToolbar(): void {
    const button = (label: string, title: string, action: () => void, id?: string) =>
      h('button', { type: 'button', title, 'aria-label': title, id, onclick: action }, label);
    replaceChildren(
      this.options.toolbar,
      h('label', { class: 'inline' }, 'Depth 深度 ', this.depthSelect),
      button('Fit', 'Fit the graph to the view', () => this.fit(), 'graph-fit'),
      button('＋', 'Zoom in', () => this.zoomBy(1.25)),
      button('－', 'Zoom out', () => this.zoomBy(0.8)),
    );
  }

  private renderLegend(): void {
    const present = new Map<string, number>();
    this.cy.nodes().forEach((node) => {
      const type = node.data('type') as string;
      present.set(type, (present.get(type) ?? 0) + 1);
    });
    const types = [...KNOWN_TYPES.filter((type) => present.has(type)), ...[...present.keys()].filter((type) => !KNOWN_TYPES.includes(type))];
    replaceChildren(
      this.options.legend,
      types.length === 0
        ? h('span', { class: 'muted' }, 'Node types appear here; untick one to hide it.')
        : types.map((type) =>
            h(
              'label',
              { class: 'legend-item', title: `Show or hide ${typeLabel(type)} nodes` },
              h('input', {
                type: 'checkbox',
                checked: !this.hiddenTypes.has(type),
                'data-type': type,
                onchange: (event: Event) => {
                  if ((event.target as HTMLInputElement).checked) this.hiddenTypes.delete(type);
                  else this.hiddenTypes.add(type);
                  this.applyFilter();
                },
              }),
              h('span', { class: 'swatch', style: `background:${typeStyle(type).color}` }),
              `${typeLabel(type)} (${present.get(type)})`,
            ),
          ),
    );
  }

  private summary(truncated: boolean): string {
    const text = `${this.cy.nodes().length} nodes, ${this.cy.edges().length} edges, depth ${this.depth}. Double-click a node to expand it.`;
    return truncated ? `${text} More nodes are within reach than are drawn: expand or lower the depth.` : text;
  }

  private setStatus(text: string): void {
    this.options.status.textContent = text;
  }

  private publishCounts(state: 'empty' | 'loading' | 'ready' | 'error'): void {
    const container = this.options.container;
    container.dataset.state = state;
    container.dataset.nodeCount = String(this.cy.nodes().length);
    container.dataset.edgeCount = String(this.cy.edges().length);
  }

  /** Keyboard control of the canvas: arrows pan, + and - zoom, f or 0 fits. */
  private onKey(event: KeyboardEvent): void {
    const step = 60;
    const moves: Record<string, [number, number]> = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    const move = moves[event.key];
    if (move) this.cy.panBy({ x: move[0], y: move[1] });
    else if (event.key === '+' || event.key === '=') this.zoomBy(1.25);
    else if (event.key === '-') this.zoomBy(0.8);
    else if (event.key === 'f' || event.key === '0') this.fit();
    else return;
    event.preventDefault();
  }
}
