// The compare view: 2–50 documents and the skills and knowledge they share at a chosen minimum
// similarity. Up to six: a matrix (one row per shared competency, one column per document) with a
// Venn-like count of which documents share what; hovering or focusing a cell shows the evidence.
// Three or more: an overlap heat map of every pair, ordered so that clusters show.
import { isAbort, type GraphQLRequest } from './api.js';
import { loadOverlap, type OverlapResult } from './catalogue-queries.js';
import { renderHeatMap } from './heat-map.js';
import { debounce, h, replaceChildren } from './dom.js';
import { copyRequests, downloadJson, stamp } from './export.js';
import { Picker, type Picked } from './picker.js';
import { loadSharedCompetencies, type CompetencyKind, type SharedGroup, type SharedOccurrence } from './queries.js';
import { listParam, navigate, routeHref } from './routes.js';
import { Tooltip } from './tooltip.js';

/** Most documents in the matrix of shared competencies; more are compared in the heat map only. */
const MATRIX_DOCUMENTS = 6;
/** Most documents the heat map takes (the `overlap` query's limit). */
const MAX_DOCUMENTS = 50;

const KIND_LABELS: Record<string, string> = { SKILL: '技能 Skill', KNOWLEDGE: '知識 Knowledge', ATTITUDE: '態度 Attitude' };

/** True when an occurrence belongs to the document a column names (by full or base code). */
function inDocument(occurrence: SharedOccurrence, code: string): boolean {
  return occurrence.document.code === code || occurrence.document.baseCode === code;
}

function percent(score: number): string {
  return `${Math.round(score * 100)}%`;
}

/** The compare view, mounted into `#view-compare`. */
export class CompareView {
  private readonly picker: Picker;
  private readonly kindBoxes: Record<CompetencyKind, HTMLInputElement>;
  private readonly minScore: HTMLInputElement;
  private readonly minScoreOutput: HTMLOutputElement;
  private readonly runButton: HTMLButtonElement;
  private readonly results: HTMLElement;
  private readonly status: HTMLElement;
  private readonly tooltip = new Tooltip();
  private request: GraphQLRequest | null = null;
  private lastResult: { codes: string[]; groups: SharedGroup[]; overlap: OverlapResult | null } | null = null;
  private generation = 0;
  private readonly rerun = debounce(() => this.pushRoute(), 300);

  constructor(root: HTMLElement) {
    this.picker = new Picker({
      id: 'compare-docs',
      label: `Documents 文件 (2–${MAX_DOCUMENTS}; matrix up to ${MATRIX_DOCUMENTS})`,
      placeholder: '搜尋職能基準或職能單元，例如 BLM2421-007v4',
      scope: 'documents',
      max: MAX_DOCUMENTS,
      onChange: () => this.updateButton(),
    });
    this.kindBoxes = {
      SKILL: h('input', { type: 'checkbox', id: 'compare-kind-skill', checked: true, onchange: () => this.rerunIfShown() }),
      KNOWLEDGE: h('input', { type: 'checkbox', id: 'compare-kind-knowledge', checked: true, onchange: () => this.rerunIfShown() }),
    };
    this.minScore = h('input', { type: 'range', id: 'compare-min-score', 'data-testid': 'compare-min-score', min: 0.3, max: 1, step: 0.05, value: 0.6 });
    this.minScoreOutput = h('output', { for: 'compare-min-score' });
    this.minScore.addEventListener('input', () => {
      this.minScoreOutput.textContent = percent(Number(this.minScore.value));
      this.rerunIfShown();
    });
    this.minScoreOutput.textContent = percent(Number(this.minScore.value));
    this.runButton = h('button', { type: 'submit', class: 'primary', 'data-testid': 'compare-run' }, 'Compare 比較');
    this.status = h('p', { class: 'muted', 'aria-live': 'polite', id: 'compare-status' });
    this.results = h('div', { class: 'compare-results', 'data-testid': 'compare-results' });
    const form = h(
      'form',
      { class: 'view-form', 'aria-label': 'Compare documents' },
      this.picker.element,
      h(
        'fieldset',
        { class: 'inline-fieldset' },
        h('legend', {}, 'Competencies 職能內涵'),
        h('label', { class: 'inline' }, this.kindBoxes.SKILL, ' 技能 Skills'),
        h('label', { class: 'inline' }, this.kindBoxes.KNOWLEDGE, ' 知識 Knowledge'),
      ),
      h('label', { for: 'compare-min-score' }, 'Minimum similarity 最低相似度 ', this.minScoreOutput),
      this.minScore,
      h('p', { class: 'muted small' }, '100% = the same competency; lower values also match differently worded ones.'),
      h(
        'div',
        { class: 'form-actions' },
        this.runButton,
        h('button', { type: 'button', onclick: () => void copyRequests(this.request ? [this.request] : [], 'the comparison') }, 'Copy query'),
        h('button', { type: 'button', onclick: () => this.exportJson() }, 'Export JSON'),
      ),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.pushRoute();
    });
    replaceChildren(root, h('div', { class: 'side-form' }, h('h2', {}, 'Compare documents 比較'), form), h('section', { class: 'view-results', 'aria-label': 'Shared competencies' }, this.status, this.results));
    this.updateButton();
  }

  /** Shows the comparison the address asks for: `#/compare?codes=A,B&min=0.6&kinds=SKILL,KNOWLEDGE`. */
  async route(params: URLSearchParams): Promise<void> {
    // The bare view (`#/compare`) keeps what was chosen before.
    if (!params.has('codes')) return;
    const codes = listParam(params, 'codes');
    const current = this.picker.value().map((item) => item.code);
    if (codes.join(',') !== current.join(',')) {
      const known = new Map(this.picker.value().map((item) => [item.code, item]));
      this.picker.set(codes.map((code): Picked => known.get(code) ?? { id: `Document:${code}`, type: 'Document', code, name: '' }));
    }
    const min = Number(params.get('min'));
    if (params.has('min') && Number.isFinite(min)) {
      this.minScore.value = String(min);
      this.minScoreOutput.textContent = percent(min);
    }
    const kinds = listParam(params, 'kinds');
    if (kinds.length) for (const [kind, box] of Object.entries(this.kindBoxes)) box.checked = kinds.includes(kind);
    this.updateButton();
    if (codes.length >= 2) await this.run(codes);
  }

  /** Starts a comparison with one document already chosen (from the detail panel). */
  preset(code: string): void {
    navigate(routeHref('compare', { codes: code }));
  }

  /** Chips restored from the address know only codes: the answer names their documents. */
  private nameChips(groups: SharedGroup[]): void {
    const documents = new Map<string, SharedOccurrence['document']>();
    for (const occurrence of groups.flatMap((group) => group.occurrences)) {
      documents.set(occurrence.document.code, occurrence.document);
      documents.set(occurrence.document.baseCode, occurrence.document);
    }
    const picked = this.picker.value();
    if (picked.every((item) => item.name || !documents.has(item.code))) return;
    this.picker.set(
      picked.map((item) => {
        const document = documents.get(item.code);
        return document && !item.name ? { ...item, id: document.id, type: document.id.split(':')[0] ?? item.type, name: document.name } : item;
      }),
    );
  }

  private kinds(): CompetencyKind[] {
    return (Object.entries(this.kindBoxes) as Array<[CompetencyKind, HTMLInputElement]>).filter(([, box]) => box.checked).map(([kind]) => kind);
  }

  private updateButton(): void {
    const count = this.picker.value().length;
    this.runButton.disabled = count < 2 || count > MAX_DOCUMENTS;
    this.runButton.title = count < 2 ? 'Choose at least two documents' : '';
  }

  private rerunIfShown(): void {
    if (this.lastResult) this.rerun();
  }

  private pushRoute(): void {
    const codes = this.picker.value().map((item) => item.code);
    if (codes.length < 2) {
      this.status.textContent = 'Choose at least two documents.';
      return;
    }
    navigate(routeHref('compare', { codes: codes.join(','), min: this.minScore.value, kinds: this.kinds().join(',') }), this.lastResult !== null);
  }

  private async run(codes: string[]): Promise<void> {
    const generation = ++this.generation;
    const kinds = this.kinds();
    const minScore = Number(this.minScore.value);
    this.status.textContent = 'Comparing…';
    this.results.setAttribute('aria-busy', 'true');
    try {
      const [shared, overlap] = await Promise.all([
        codes.length <= MATRIX_DOCUMENTS ? loadSharedCompetencies(codes, kinds, minScore) : null,
        codes.length >= 3 ? loadOverlap(codes, kinds, minScore) : null,
      ]);
      if (generation !== this.generation) return;
      this.request = shared?.request ?? overlap?.request ?? null;
      const groups = shared?.groups ?? [];
      this.lastResult = { codes, groups, overlap: overlap?.overlap ?? null };
      if (shared) this.nameChips(groups);
      else if (overlap) this.nameChipsFromDocuments(overlap.overlap.documents);
      const heatMap = overlap ? renderHeatMap(overlap.overlap, { kinds, minScore }, this.tooltip) : null;
      if (shared) this.render(codes, groups, minScore, heatMap);
      else {
        this.status.textContent = `${codes.length} documents: the matrix of shared competencies takes up to ${MATRIX_DOCUMENTS}; the heat map shows how much each pair shares.`;
        replaceChildren(this.results, heatMap);
      }
    } catch (error) {
      if (isAbort(error) || generation !== this.generation) return;
      this.status.textContent = `Comparison failed: ${(error as Error).message}`;
      replaceChildren(this.results);
    } finally {
      if (generation === this.generation) this.results.removeAttribute('aria-busy');
    }
  }

  /** Chips restored from the address know only codes: the heat map's documents name them. */
  private nameChipsFromDocuments(documents: OverlapResult['documents']): void {
    const byCode = new Map(documents.flatMap((document) => [[document.code, document] as const, [document.baseCode, document] as const]));
    const picked = this.picker.value();
    if (picked.every((item) => item.name || !byCode.has(item.code))) return;
    this.picker.set(
      picked.map((item) => {
        const document = byCode.get(item.code);
        return document && !item.name ? { ...item, id: document.id, type: document.id.split(':')[0] ?? item.type, name: document.name } : item;
      }),
    );
  }

  private render(codes: string[], groups: SharedGroup[], minScore: number, heatMap: HTMLElement | null): void {
    const byKind = new Map<string, number>();
    for (const group of groups) byKind.set(group.kind, (byKind.get(group.kind) ?? 0) + 1);
    this.status.textContent =
      groups.length === 0
        ? `These documents share no skills or knowledge at ${percent(minScore)} or more.`
        : `${groups.length} shared at ${percent(minScore)} or more: ${[...byKind].map(([kind, n]) => `${n} ${KIND_LABELS[kind] ?? kind}`).join(', ')}.`;
    if (groups.length === 0) {
      replaceChildren(this.results, heatMap);
      return;
    }
    replaceChildren(this.results, heatMap, this.renderVenn(codes, groups), this.renderMatrix(codes, groups));
  }

  /** How many shared competencies each combination of documents has in common. */
  private renderVenn(codes: string[], groups: SharedGroup[]): HTMLElement {
    const regions = new Map<string, { codes: string[]; count: number }>();
    for (const group of groups) {
      const present = codes.filter((code) => group.occurrences.some((occurrence) => inDocument(occurrence, code)));
      const key = present.join(' ∩ ');
      const region = regions.get(key) ?? { codes: present, count: 0 };
      region.count += 1;
      regions.set(key, region);
    }
    const largest = Math.max(...[...regions.values()].map((region) => region.count));
    return h(
      'figure',
      { class: 'venn' },
      h('figcaption', {}, 'Shared by 共同擁有'),
      h(
        'ul',
        {},
        [...regions.entries()]
          .sort((a, b) => b[1].codes.length - a[1].codes.length || b[1].count - a[1].count)
          .map(([key, region]) =>
            h(
              'li',
              {},
              h('span', { class: 'venn-label' }, region.codes.length === codes.length ? `all ${codes.length}: ${key}` : key),
              h('span', { class: 'venn-bar', style: `width:${Math.max(4, (region.count / largest) * 100)}%` }),
              h('span', { class: 'venn-count' }, String(region.count)),
            ),
          ),
      ),
    );
  }

  private renderMatrix(codes: string[], groups: SharedGroup[]): HTMLElement {
    const sorted = [...groups].sort((a, b) => a.kind.localeCompare(b.kind) || b.occurrences.length - a.occurrences.length || b.score - a.score);
    return h(
      'div',
      { class: 'matrix-scroll' },
      h(
        'table',
        { class: 'matrix', 'data-testid': 'compare-matrix' },
        h('caption', {}, 'Each row is one competency (or a group of similar ones); each cell is how a document words it.'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Competency 職能內涵'), h('th', { scope: 'col' }, 'Similarity'), codes.map((code) => h('th', { scope: 'col', class: 'code' }, code)))),
        h(
          'tbody',
          {},
          sorted.map((group) =>
            h(
              'tr',
              { 'data-testid': 'shared-row', 'data-kind': group.kind },
              h('th', { scope: 'row' }, h('span', { class: `kind kind-${group.kind.toLowerCase()}` }, KIND_LABELS[group.kind] ?? group.kind), ' ', group.competencies.map((c) => c.name).join(' / ')),
              h('td', { class: 'score' }, percent(group.score)),
              codes.map((code) => this.renderCell(group, code)),
            ),
          ),
        ),
      ),
    );
  }

  private renderCell(group: SharedGroup, code: string): HTMLElement {
    const occurrences = group.occurrences.filter((occurrence) => inDocument(occurrence, code));
    if (occurrences.length === 0) return h('td', { class: 'empty', 'aria-label': `${code}: not required` }, '—');
    const cell = h(
      'td',
      { class: 'hit', tabindex: '0' },
      occurrences.map((occurrence) => h('div', {}, h('span', { class: 'code' }, occurrence.localCode), ' ', occurrence.competency.name)),
    );
    this.tooltip.attach(cell, () => this.evidence(group, code, occurrences));
    return cell;
  }

  /** What the hover card says: how similar, why, and where the document needs it. */
  private evidence(group: SharedGroup, code: string, occurrences: SharedOccurrence[]): HTMLElement {
    return h(
      'div',
      {},
      h('strong', {}, `${code} · ${group.score >= 1 ? 'shared verbatim' : `${percent(group.score)} similar`}`),
      group.competencies.length > 1 ? h('p', {}, `Matched: ${group.competencies.map((c) => c.name).join(' ≈ ')}`) : null,
      group.evidence.length
        ? h(
            'ul',
            {},
            group.evidence.map((link) =>
              h('li', {}, `${link.from} ≈ ${link.to}: ${percent(link.score)}${link.method ? ` (${link.method})` : ''}`, link.evidence ? h('div', { class: 'evidence' }, link.evidence) : null),
            ),
          )
        : group.score >= 1
          ? h('p', {}, 'The same competency, listed verbatim.')
          : null,
      occurrences.map((occurrence) =>
        occurrence.tasks.length
          ? h('p', {}, `${occurrence.localCode} is needed by: `, occurrence.tasks.map((task) => `${task.code} ${task.name}`).join('; '))
          : h('p', {}, `${occurrence.localCode} is required by the document as a whole.`),
      ),
    );
  }

  private exportJson(): void {
    if (!this.lastResult) return;
    downloadJson({ ...this.lastResult, minScore: Number(this.minScore.value), kinds: this.kinds(), query: this.request }, `compare-${stamp()}.json`);
  }
}

