// The overlap heat map of Compare: one row and one column per document (up to 50), each cell the
// similarity of two documents' competencies, rows ordered so that clusters show as blocks along
// the diagonal. Hovering or focusing a cell lists what the two share.
import { loadPairShared, type OverlapResult } from './catalogue-queries.js';
import { clusterOrder } from './cluster-order.js';
import { h } from './dom.js';
import { Tooltip } from './tooltip.js';

/** Colour stops from no overlap to the most overlap in the map. */
const STOPS: Array<[number, [number, number, number]]> = [
  [0, [248, 250, 252]],
  [0.33, [253, 230, 138]],
  [0.66, [249, 115, 22]],
  [1, [185, 28, 28]],
];

function colour(share: number): string {
  const t = Math.min(1, Math.max(0, share));
  for (let i = 1; i < STOPS.length; i += 1) {
    const [end, to] = STOPS[i]!;
    const [start, from] = STOPS[i - 1]!;
    if (t <= end) {
      const f = (t - start) / (end - start);
      return `rgb(${from.map((c, k) => Math.round(c + (to[k]! - c) * f)).join(',')})`;
    }
  }
  return 'rgb(185,28,28)';
}

function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

export interface HeatMapOptions {
  kinds: string[];
  minScore: number;
}

/** Renders the heat map; what a cell shares is read on first hover and kept. */
export function renderHeatMap(overlap: OverlapResult, options: HeatMapOptions, tooltip: Tooltip): HTMLElement {
  const { documents, matrix } = overlap;
  const order = clusterOrder(matrix);
  let strongest = 0;
  for (let i = 0; i < matrix.length; i += 1) for (let j = 0; j < matrix.length; j += 1) if (i !== j) strongest = Math.max(strongest, matrix[i]![j]!);
  const shared = new Map<string, Promise<HTMLElement>>();
  const cell = (i: number, j: number): HTMLElement => {
    const a = documents[i]!;
    const b = documents[j]!;
    if (i === j) return h('td', { class: 'self', 'aria-label': `${a.code}` });
    const similarity = matrix[i]![j]!;
    const count = overlap.shared.get(`${Math.min(i, j)},${Math.max(i, j)}`) ?? 0;
    const td = h('td', {
      tabindex: '0',
      'data-testid': 'heat-cell',
      'data-a': a.code,
      'data-b': b.code,
      'data-similarity': similarity.toFixed(4),
      'data-shared': count,
      'aria-label': `${a.code} × ${b.code}: ${percent(similarity)}, ${count} shared`,
      style: `background:${colour(strongest > 0 ? similarity / strongest : 0)}`,
    });
    tooltip.attach(td, () => {
      const card = h('div', {}, h('strong', {}, `${a.code} × ${b.code}`), h('p', {}, `${a.name} · ${b.name}`), h('p', {}, `Similarity ${percent(similarity)} · ${count} shared`));
      if (count === 0) return card;
      const key = [a.code, b.code].sort().join('|');
      const list = h('ul', { class: 'heat-shared', 'data-testid': 'heat-shared' }, h('li', {}, 'Loading…'));
      card.append(list);
      let pending = shared.get(key);
      if (!pending) {
        pending = loadPairShared([a.code, b.code], options.kinds, options.minScore)
          .then((groups) => h('ul', { class: 'heat-shared', 'data-testid': 'heat-shared' }, groups.map((group) => h('li', {}, group.names.join(' ≈ ')))))
          .catch((error: Error) => h('ul', {}, h('li', {}, `Could not load: ${error.message}`)));
        shared.set(key, pending);
      }
      void pending.then((filled) => list.replaceWith(filled.cloneNode(true)));
      return card;
    });
    return td;
  };
  return h(
    'figure',
    { class: 'heat-map-figure', 'data-testid': 'heat-map', 'data-order': order.map((i) => documents[i]!.code).join(',') },
    h(
      'div',
      { class: 'heat-legend' },
      h('span', {}, '0%'),
      h('span', { class: 'heat-gradient' }),
      h('span', {}, `${percent(strongest)} (the most alike pair)`),
    ),
    h(
      'div',
      { class: 'heat-map-scroll' },
      h(
        'table',
        { class: 'heat-map' },
        h('caption', {}, `Overlap of ${documents.length} documents: share of competencies in common (exact and equivalent wording). Rows are ordered so that similar documents sit together; hover a cell for what two documents share.`),
        h('thead', {}, h('tr', {}, h('th', {}), order.map((i) => h('th', { scope: 'col', title: documents[i]!.name }, documents[i]!.code)))),
        h(
          'tbody',
          {},
          order.map((i) => h('tr', {}, h('th', { scope: 'row', title: documents[i]!.name }, `${documents[i]!.code} ${documents[i]!.name}`), order.map((j) => cell(i, j)))),
        ),
      ),
    ),
  );
}
