// The learning-path view: what the learner already holds (documents or single competencies) and
// a target document; shows coverage of the target before and after, and the documents to study
// in order, each expandable to the gaps it closes.
import { isAbort, type GraphQLRequest } from './api.js';
import { debounce, h, replaceChildren } from './dom.js';
import { entityLink } from './detail.js';
import { copyRequests, downloadJson, stamp } from './export.js';
import { isDocumentType } from './model.js';
import { Picker, type Picked } from './picker.js';
import { loadLearningPath, type LearningPathResult, type PathClosedGap, type PathCompetency, type PathGap } from './queries.js';
import { listParam, navigate, routeHref } from './routes.js';

function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

const KIND_ZH: Record<string, string> = { SKILL: '技能', KNOWLEDGE: '知識', ATTITUDE: '態度' };

/** Competency kinds are GraphQL enum values; links take the GraphQL type name. */
const KIND_TYPE: Record<string, string> = { SKILL: 'Skill', KNOWLEDGE: 'Knowledge', ATTITUDE: 'Attitude' };

function kindBadge(kind: string): HTMLElement {
  return h('span', { class: `kind kind-${kind.toLowerCase()}` }, KIND_ZH[kind] ?? kind);
}

function competencyLink(competency: PathCompetency | { id: string; name: string }, kind?: string): HTMLElement {
  return entityLink({ id: competency.id, __typename: KIND_TYPE[kind ?? ('kind' in competency ? competency.kind : '')] ?? '', name: competency.name });
}

/** `S04 [技能] 溝通協調能力 · closest held: 溝通技巧 (45%)` */
function gapItem(gap: PathGap): HTMLElement {
  return h(
    'li',
    { 'data-testid': 'path-gap' },
    h('span', { class: 'code' }, gap.code),
    kindBadge(gap.competency.kind),
    ' ',
    competencyLink(gap.competency),
    gap.closest
      ? h('span', { class: 'muted small' }, ` · closest held: ${gap.closest.name}${gap.closest.score !== null ? ` (${percent(gap.closest.score)})` : ''}`)
      : null,
  );
}

/** `S01 [技能] 分析技能 ← 分析資訊與數據能力 (76%)` */
function closedItem(closed: PathClosedGap): HTMLElement {
  return h(
    'li',
    {},
    h('span', { class: 'code' }, closed.code),
    kindBadge(closed.requirement.kind),
    ' ',
    competencyLink(closed.requirement),
    closed.by.id === closed.requirement.id
      ? h('span', { class: 'muted small' }, ' · the same competency')
      : h('span', { class: 'muted small' }, ' ← ', competencyLink(closed.by, closed.requirement.kind), ` (${percent(closed.score)})`),
  );
}

/** The learning-path view, mounted into `#view-path`. */
export class LearningPathView {
  private readonly have: Picker;
  private readonly target: Picker;
  private readonly minScore: HTMLInputElement;
  private readonly minScoreOutput: HTMLOutputElement;
  private readonly runButton: HTMLButtonElement;
  private readonly status: HTMLElement;
  private readonly results: HTMLElement;
  private request: GraphQLRequest | null = null;
  private lastResult: LearningPathResult | null = null;
  private generation = 0;
  private readonly rerun = debounce(() => this.pushRoute(), 300);

  constructor(root: HTMLElement) {
    this.have = new Picker({
      id: 'path-have',
      label: 'The learner holds 已具備 (documents or competencies)',
      placeholder: '搜尋文件或技能、知識',
      scope: 'holdings',
      max: 12,
      onChange: () => this.updateButton(),
    });
    this.target = new Picker({
      id: 'path-target',
      label: 'Target 目標 (one document)',
      placeholder: '搜尋目標職能基準或職能單元',
      scope: 'documents',
      max: 1,
      onChange: () => this.updateButton(),
    });
    this.minScore = h('input', { type: 'range', id: 'path-min-score', min: 0.3, max: 1, step: 0.05, value: 0.6 });
    this.minScoreOutput = h('output', { for: 'path-min-score' }, percent(0.6));
    this.minScore.addEventListener('input', () => {
      this.minScoreOutput.textContent = percent(Number(this.minScore.value));
      if (this.lastResult) this.rerun();
    });
    this.runButton = h('button', { type: 'submit', class: 'primary', 'data-testid': 'path-run' }, 'Plan 規劃');
    this.status = h('p', { class: 'muted', 'aria-live': 'polite' });
    this.results = h('div', { class: 'path-results', 'data-testid': 'path-results' });
    const form = h(
      'form',
      { class: 'view-form', 'aria-label': 'Plan a learning path' },
      this.have.element,
      this.target.element,
      h('label', { for: 'path-min-score' }, 'Counts as covered from 相似度 ', this.minScoreOutput),
      this.minScore,
      h(
        'div',
        { class: 'form-actions' },
        this.runButton,
        h('button', { type: 'button', onclick: () => void copyRequests(this.request ? [this.request] : [], 'the learning path') }, 'Copy query'),
        h('button', { type: 'button', onclick: () => this.lastResult && downloadJson({ ...this.lastResult, query: this.request }, `learning-path-${stamp()}.json`) }, 'Export JSON'),
      ),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.pushRoute();
    });
    replaceChildren(root, h('div', { class: 'side-form' }, h('h2', {}, 'Learning path 學習路徑'), form), h('section', { class: 'view-results', 'aria-label': 'Learning path' }, this.status, this.results));
    this.updateButton();
  }

  /** Shows the plan the address asks for: `#/path?from=A&have=Skill:x&to=B&min=0.6`. */
  async route(params: URLSearchParams): Promise<void> {
    // The bare view (`#/path`) keeps what was chosen before.
    if (![...params.keys()].length) return;
    const from = listParam(params, 'from');
    const have = listParam(params, 'have');
    const to = params.get('to') ?? '';
    const known = new Map([...this.have.value(), ...this.target.value()].map((item) => [item.code, item]));
    const asPicked = (code: string, type: string): Picked => known.get(code) ?? { id: type === 'Document' ? `Document:${code}` : code, type, code, name: '' };
    this.have.set([...from.map((code) => asPicked(code, 'Document')), ...have.map((id) => known.get(id) ?? { id, type: id.split(':')[0] ?? '', code: id, name: '' })]);
    this.target.set(to ? [asPicked(to, 'Document')] : []);
    const min = Number(params.get('min'));
    if (params.has('min') && Number.isFinite(min)) {
      this.minScore.value = String(min);
      this.minScoreOutput.textContent = percent(min);
    }
    this.updateButton();
    if (to) await this.run({ from, have, to, minScore: Number(this.minScore.value) });
  }

  /** Starts a plan towards a document (from the detail panel). */
  preset(targetCode: string): void {
    navigate(routeHref('path', { to: targetCode }));
  }

  private updateButton(): void {
    this.runButton.disabled = this.target.value().length !== 1;
  }

  private pushRoute(): void {
    const held = this.have.value();
    const from = held.filter((item) => isDocumentType(item.type) || item.type === 'Document').map((item) => item.code);
    const have = held.filter((item) => !(isDocumentType(item.type) || item.type === 'Document')).map((item) => item.id);
    const [target] = this.target.value();
    if (!target) {
      this.status.textContent = 'Choose a target document.';
      return;
    }
    navigate(routeHref('path', { from: from.join(','), have: have.join(','), to: target.code, min: this.minScore.value }), this.lastResult !== null);
  }

  private async run(input: { from: string[]; have: string[]; to: string; minScore: number }): Promise<void> {
    const generation = ++this.generation;
    this.status.textContent = 'Planning…';
    this.results.setAttribute('aria-busy', 'true');
    try {
      const { path, request } = await loadLearningPath(input);
      if (generation !== this.generation) return;
      this.request = request;
      this.lastResult = path;
      if (!path) {
        this.status.textContent = `${input.to} is not in the graph.`;
        replaceChildren(this.results);
        return;
      }
      const [target] = this.target.value();
      if (target && !target.name) this.target.set([{ ...target, id: path.target.id, type: path.target.id.split(':')[0] ?? target.type, name: path.target.name }]);
      this.render(path);
    } catch (error) {
      if (isAbort(error) || generation !== this.generation) return;
      this.status.textContent = `Planning failed: ${(error as Error).message}`;
      replaceChildren(this.results);
    } finally {
      if (generation === this.generation) this.results.removeAttribute('aria-busy');
    }
  }

  private render(path: LearningPathResult): void {
    this.status.textContent = `${path.steps.length} step${path.steps.length === 1 ? '' : 's'} towards ${path.target.code} ${path.target.name}, counting a requirement as met from ${percent(path.minScore)} similarity.`;
    const bar = (label: string, value: number, testId: string) =>
      h(
        'div',
        { class: 'coverage', 'data-testid': testId },
        h('span', { class: 'coverage-label' }, label),
        h('span', { class: 'coverage-track', role: 'img', 'aria-label': `${label}: ${percent(value)}` }, h('span', { class: 'coverage-fill', style: `width:${percent(value)}` })),
        h('span', { class: 'coverage-value' }, percent(value)),
      );
    replaceChildren(
      this.results,
      h('h3', {}, 'Coverage of ', entityLink({ id: path.target.id, __typename: path.target.id.split(':')[0] ?? '', code: path.target.code, name: path.target.name }), ' 目標涵蓋率'),
      h('div', { class: 'coverage-pair' }, bar('Before 學習前', path.coverageBefore, 'coverage-before'), bar('After 學習後', path.coverageAfter, 'coverage-after')),
      h('h3', {}, 'Steps 學習步驟'),
      path.steps.length
        ? h(
            'ol',
            { class: 'steps' },
            path.steps.map((step, index) =>
              h(
                'li',
                { 'data-testid': 'path-step', 'data-code': step.document.code },
                h(
                  'details',
                  { open: index === 0 },
                  h(
                    'summary',
                    {},
                    h('span', { class: 'code' }, step.document.code),
                    ` ${step.document.name}`,
                    step.level !== null ? h('span', { class: 'muted' }, ` · 級別 ${step.level}`) : null,
                    h('span', { class: 'step-coverage' }, ` → ${percent(step.coverage)}`),
                    h('span', { class: 'muted small' }, ` (closes ${step.closes.length})`),
                  ),
                  h('ul', { class: 'competency-list' }, step.closes.map(closedItem)),
                  h('p', { class: 'small' }, entityLink({ id: step.document.id, __typename: step.document.id.split(':')[0] ?? '', code: step.document.code, name: 'Open in the explorer 在圖譜中開啟' })),
                ),
              ),
            ),
          )
        : h('p', { class: 'muted' }, path.gaps.length ? 'No document in the graph closes the remaining gaps.' : 'Nothing to study: the learner already meets the target.'),
      h('h3', {}, `Gaps 缺口 (${path.gaps.length})`),
      path.gaps.length ? h('ul', { class: 'competency-list' }, path.gaps.map(gapItem)) : h('p', { class: 'muted' }, 'None.'),
      path.uncovered.length ? [h('h3', {}, `Not taught by any document 無文件可補足 (${path.uncovered.length})`), h('ul', { class: 'competency-list' }, path.uncovered.map(gapItem))] : null,
    );
  }
}
