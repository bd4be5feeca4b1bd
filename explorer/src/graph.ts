// The neighbourhood graph: Cytoscape.js on a canvas, nodes coloured by type and labelled (the
// full name on hover), edges coloured by relationship with a legend. A drawing never holds more
// nodes than it can label; the status line says what was left out. Double-click expands a node;
// the toolbar fits, zooms, filters by type, sets the depth and exports what is shown.
import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import type { GraphQLRequest } from './api.js';
import type { GroupDrawing, HubGroup } from './catalogue-queries.js';
import { h, replaceChildren } from './dom.js';
import { ringLayout } from './layout.js';
import type { Subgraph, SubgraphEdge, SubgraphNode } from './model.js';
import { COMPETENCY_RELATIONS, edgeStyle, KNOWN_EDGE_TYPES, KNOWN_TYPES, keyOfId, typeLabel, typeStyle } from './model.js';

export type FetchNeighbourhood = (id: string, depth: number, signal: AbortSignal, limit?: number) => Promise<{ subgraph: Subgraph; request: GraphQLRequest }>;

/** Most nodes one expansion (double-click) reads, the expanded node included. */
const EXPAND_LIMIT = 21;

/** One group of an entity's neighbours (a bar of its summary), or a sample of every kind. */
export type FetchGroup = (id: string, group: HubGroup | null, signal: AbortSignal) => Promise<GroupDrawing>;

/** Longest node label; longer names are shortened and shown whole on hover. */
export const LABEL_CHARS = 8;

/** Edges are labelled with their type only when this few are drawn; the colours and legend say the rest. */
const EDGE_LABEL_LIMIT = 30;

/** Kinds in the order they go around the centre: competency wordings first, then documents, then parts. */
const KIND_ORDER = ['Skill', 'Knowledge', 'Attitude', 'Standard', 'Unit', 'Responsibility', 'Task', 'Indicator', 'Output', 'Note', 'Occupation', 'Industry', 'Category', 'CompetencyLevel'];

/** Fitting never zooms in further than this, so labels keep a readable size. */
const MAX_FIT_ZOOM = 1.2;

const FONT = '"Noto Sans CJK TC", "Noto Sans TC", "PingFang TC", "Microsoft JhengHei", "Noto Sans CJK SC", sans-serif';

/** The whole name of a node, as the hover card shows it. */
function fullName(node: SubgraphNode): string {
  if (node.label === 'CompetencyLevel') return `級別 ${node.name ?? keyOfId(node.id)}`;
  return node.name?.trim() || keyOfId(node.id);
}

/** Shortens a long name for a node label; the full name shows on hover and in the detail panel. */
export function shortName(name: string): string {
  const characters = [...name];
  return characters.length > LABEL_CHARS ? `${characters.slice(0, LABEL_CHARS - 1).join('')}…` : name;
}

function nodeElement(node: SubgraphNode): ElementDefinition {
  const style = typeStyle(node.label);
  const full = fullName(node);
  return {
    group: 'nodes',
    data: { id: node.id, type: node.label, name: node.name ?? '', full, display: shortName(full), color: style.color, shape: style.shape },
  };
}

function edgeId(edge: SubgraphEdge): string {
  return `${edge.source}|${edge.type}|${edge.target}`;
}

function edgeElement(edge: SubgraphEdge): ElementDefinition {
  const style = edgeStyle(edge.type);
  return {
    group: 'edges',
    data: {
      id: edgeId(edge),
      source: edge.source,
      target: edge.target,
      type: edge.type,
      code: edge.code ?? null,
      display: edge.code ? `${edge.type} ${edge.code}` : edge.type,
      color: style.color,
      line: style.line,
      width: style.width,
      arrow: style.arrow ? 'triangle' : 'none',
    },
    classes: COMPETENCY_RELATIONS.includes(edge.type) ? 'relation' : '',
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
      'text-margin-y': 3,
      // Every drawn node keeps its label: the drawing is kept small enough to read instead.
      'min-zoomed-font-size': 0,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
      width: 22,
      height: 22,
      'border-width': 0,
    },
  },
  { selector: 'node.center', style: { width: 40, height: 40, 'border-width': 4, 'border-color': '#facc15', 'font-weight': 'bold', 'font-size': 13 } },
  { selector: 'node.expanded', style: { 'border-width': 2, 'border-color': '#0f172a', 'border-style': 'dashed' } },
  { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#f43f5e', 'border-style': 'solid' } },
  {
    selector: 'edge',
    style: {
      width: 'data(width)' as never,
      'line-color': 'data(color)',
      'line-style': 'data(line)' as never,
      'target-arrow-color': 'data(color)',
      'target-arrow-shape': 'data(arrow)' as never,
      'arrow-scale': 0.8,
      'curve-style': 'bezier',
      opacity: 0.75,
      'font-family': FONT,
      'font-size': 8,
      color: '#475569',
      'text-rotation': 'autorotate',
      'text-background-color': '#f8fafc',
      'text-background-opacity': 0.9,
      'text-background-padding': '1px',
    },
  },
  { selector: 'edge.labelled', style: { label: 'data(display)' } },
  // Relations between competencies stay on top of the structure and fully opaque.
  { selector: 'edge.relation', style: { opacity: 1, 'z-index': 10 } },
  { selector: '.filtered', style: { display: 'none' } },
];

export interface GraphViewOptions {
  container: HTMLElement;
  toolbar: HTMLElement;
  legend: HTMLElement;
  status: HTMLElement;
  /** Neighbourhoods deeper than one relationship, and expansions. */
  fetchNeighbourhood: FetchNeighbourhood;
  /** Depth one: the entity's neighbours, a group at a time. */
  fetchGroup: FetchGroup;
  /** Where the edge legend goes. */
  edgeLegend: HTMLElement;
  /** A node was selected on the canvas. */
  onSelect(id: string): void;
  /** The graph was redrawn around a new centre, depth or group (for the address bar). */
  onCentre?(id: string, depth: number, group: HubGroup | null): void;
}

/** The interactive graph of the explorer's main view. */
export class GraphView {
  readonly cy: Core;
  private centre: string | null = null;
  private depth = 1;
  private group: HubGroup | null = null;
  private readonly hover: HTMLElement;
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
    this.hover = h('div', { class: 'graph-hover', 'data-testid': 'graph-hover', role: 'tooltip', hidden: true });
    options.container.append(this.hover);
    this.cy.on('mouseover', 'node', (event) => this.showHover(event.target as NodeSingular));
    this.cy.on('mouseout', 'node', () => (this.hover.hidden = true));
    this.cy.on('pan zoom', () => (this.hover.hidden = true));
    this.depthSelect = h(
      'select',
      { id: 'graph-depth', 'aria-label': 'Depth', title: 'How many relationships away from the centre to draw' },
      [1, 2, 3].map((d) => h('option', { value: d }, `${d}`)),
    );
    this.depthSelect.addEventListener('change', () => {
      if (this.centre) void this.show(this.centre, Number(this.depthSelect.value), null);
    });
    this.renderToolbar();
    this.renderLegend();
    this.publishCounts('empty');
    options.container.addEventListener('keydown', (event) => this.onKey(event));
  }

  /**
   * Draws the neighbourhood of `id`, replacing what was shown: at depth one a group of its
   * neighbours (`group`, or a sample of every kind), deeper the nearest nodes within `depth`.
   */
  async show(id: string, depth = this.depth, group: HubGroup | null = null): Promise<void> {
    this.depth = depth;
    this.depthSelect.value = String(depth);
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.publishCounts('loading');
    this.setStatus('Loading the neighbourhood…');
    try {
      let subgraph: Subgraph;
      let request: GraphQLRequest;
      let note: string;
      if (depth === 1) {
        const drawing = await this.options.fetchGroup(id, group, abort.signal);
        ({ subgraph, request } = drawing);
        note = this.groupNote(drawing, group);
      } else {
        ({ subgraph, request } = await this.options.fetchNeighbourhood(id, depth, abort.signal));
        note = subgraph.truncated ? 'More nodes are within reach than can be labelled: draw one group from the summary at depth 1, or double-click a node to expand it.' : '';
      }
      if (abort.signal.aborted) return;
      this.centre = id;
      this.group = depth === 1 ? group : null;
      this.requests = [request];
      this.cy.elements().remove();
      this.cy.add([...subgraph.nodes.map(nodeElement), ...this.knownEdges(subgraph)]);
      this.cy.getElementById(id).addClass('center');
      this.applyFilter();
      this.layout();
      this.renderLegend();
      this.setStatus(`${this.summary()}${note ? ` ${note}` : ''}`);
      this.publishCounts('ready');
      this.options.onCentre?.(id, depth, this.group);
    } catch (error) {
      if (abort.signal.aborted) return;
      this.publishCounts('error');
      this.setStatus(`Could not load the neighbourhood: ${(error as Error).message}`);
    }
  }

  /** What a group drawing shows and leaves out, in words. */
  private groupNote(drawing: GroupDrawing, group: HubGroup | null): string {
    const drawn = drawing.subgraph.nodes.length - 1;
    const what = group ? `${group.caption}: ` : '';
    if (drawing.leftOut.length === 0) return `${what}all ${drawing.total} neighbours drawn.`;
    const left = drawing.leftOut.map((entry) => `${entry.count} ${typeLabel(entry.key)}`).join(', ');
    return `${what}${drawn} of ${drawing.total} neighbours drawn; left out: ${left}. Choose a bar of the summary to draw one group.`;
  }

  /** The group drawn at depth one, if any. */
  currentGroup(): HubGroup | null {
    return this.group;
  }

  /** Adds the neighbours of one node to the drawing (double-click). */
  async expand(id: string): Promise<void> {
    const abort = new AbortController();
    this.setStatus(`Expanding ${keyOfId(id)}…`);
    try {
      const { subgraph, request } = await this.options.fetchNeighbourhood(id, 1, abort.signal, EXPAND_LIMIT);
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
      const more = subgraph.truncated ? `; it has more neighbours than one expansion draws: open it for its summary` : '';
      this.setStatus(`${this.summary()} · added ${fresh.length} around ${keyOfId(id)}${more}`);
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

  /** Cytoscape measures its container once; call after the container changes size (the drawing is fitted again). */
  resize(): void {
    this.cy.resize();
    if (this.cy.nodes().nonempty()) this.fit();
  }

  private knownEdges(subgraph: Subgraph): ElementDefinition[] {
    const ids = new Set(this.cy.nodes().map((node) => node.id()));
    for (const node of subgraph.nodes) ids.add(node.id);
    return subgraph.edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target)).map(edgeElement);
  }

  /**
   * Bands around the centre, one per distance from it, each kind in its own sector of a band, so
   * that distance in the drawing is distance in the graph and same-kind neighbours sit together.
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
    const positions = ringLayout(
      this.cy.nodes().map((node) => ({ id: node.id(), distance: distance.get(node.id()) ?? farthest + 1, kind: node.data('type') as string })),
      KIND_ORDER,
    );
    this.cy.batch(() => {
      this.cy.nodes().forEach((node) => {
        const position = positions.get(node.id());
        if (position) node.position(position);
      });
      const labelled = this.cy.edges().length <= EDGE_LABEL_LIMIT;
      this.cy.edges().forEach((edge) => {
        edge.toggleClass('labelled', labelled);
      });
    });
    this.fit();
  }

  /** The full name of a hovered node, beside it. */
  private showHover(node: NodeSingular): void {
    const position = node.renderedPosition();
    replaceChildren(this.hover, h('strong', {}, node.data('full') as string), h('div', { class: 'muted' }, `${typeLabel(node.data('type') as string)} · ${node.id()}`));
    this.hover.hidden = false;
    this.hover.style.left = `${Math.round(position.x + 14)}px`;
    this.hover.style.top = `${Math.round(position.y + 14)}px`;
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
    this.renderEdgeLegend();
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

  private summary(): string {
    return `${this.cy.nodes().length} nodes, ${this.cy.edges().length} edges, depth ${this.depth}. Double-click a node to expand it.`;
  }

  /** One swatch per relationship type drawn, in the colour and line of its edges. */
  private renderEdgeLegend(): void {
    const present = new Map<string, number>();
    this.cy.edges().forEach((edge) => {
      const type = edge.data('type') as string;
      present.set(type, (present.get(type) ?? 0) + 1);
    });
    const types = [...KNOWN_EDGE_TYPES.filter((type) => present.has(type)), ...[...present.keys()].filter((type) => !KNOWN_EDGE_TYPES.includes(type))];
    replaceChildren(
      this.options.edgeLegend,
      types.map((type) => {
        const style = edgeStyle(type);
        return h(
          'span',
          { class: 'legend-item edge-legend-item', 'data-edge-type': type, title: type },
          h('span', { class: 'edge-swatch', style: `border-top:${Math.max(2, style.width)}px ${style.line} ${style.color}` }),
          `${style.caption || type} (${present.get(type)})`,
        );
      }),
    );
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
