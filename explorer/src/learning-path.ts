// The learning-path view: what the learner already holds (documents or single competencies) and
// a target document; shows readiness (tasks the learner can perform) and coverage before and after,
// the target's tasks with what is missing, partly held and held, the steps in order with the reason
// for each, what no step closes (and where the target needs it), and the attitudes to develop.
import { isAbort, type GraphQLRequest } from './api.js';
import { debounce, h, replaceChildren } from './dom.js';
import { entityLink } from './detail.js';
import { copyRequests, downloadJson, stamp } from './export.js';
import { isDocumentType } from './model.js';
import { Picker, type Picked } from './picker.js';
import { loadLearningPath, type LearningPathResult, type PathClosedGap, type PathCompetency, type PathGap, type PathTaskGaps } from './queries.js';
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

const RELATION_ZH: Record<string, string> = { EQUIVALENT: 'equivalent', NARROWER: 'narrower', BROADER: 'broader', RELATED: 'related' };

const REASON_TEXT: Record<string, string> = {
  NOT_TAUGHT: 'no other document teaches it',
  NO_RELEVANT_STEP: 'only documents not relevant enough (or above the target level) teach it',
  BEYOND_PLAN: 'a relevant document teaches it, beyond this short plan',
};

/** `S04 [技能] 溝通協調能力 · partly held through 溝通技巧 (broader, 45%) · needed by T1.1, T3.2` */
function gapItem(gap: PathGap): HTMLElement {
  return h(
    'li',
    { 'data-testid': 'path-gap', 'data-status': gap.status },
    h('span', { class: 'code' }, gap.code),
    kindBadge(gap.competency.kind),
    ' ',
    competencyLink(gap.competency),
    gap.closest
      ? h(
          'span',
          { class: 'muted small' },
          ` · partly held through ${gap.closest.name} (${[gap.closest.relation ? RELATION_ZH[gap.closest.relation] : null, gap.closest.score !== null ? percent(gap.closest.score) : null].filter(Boolean).join(', ')})`,
        )
      : null,
    gap.tasks.length ? h('span', { class: 'muted small' }, ` · needed by ${gap.tasks.map((t) => t.code).join(', ')}`) : null,
    gap.uncoveredReason ? h('span', { class: 'muted small', 'data-testid': 'uncovered-reason' }, ` · ${REASON_TEXT[gap.uncoveredReason] ?? gap.uncoveredReason}`) : null,
  );
}

/** `S01 [技能] 分析技能 ← 分析資訊與數據能力 (equivalent, 76%)` */
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
      : h(
          'span',
          { class: 'muted small' },
          ' ← ',
          competencyLink(closed.by, closed.requirement.kind),
          ` (${closed.relation ? `${RELATION_ZH[closed.relation]}, ` : ''}${percent(closed.score)})`,
        ),
    closed.tasks.length ? h('span', { class: 'muted small' }, ` · needed by ${closed.tasks.map((t) => t.code).join(', ')}`) : null,
  );
}

/** One task of the target the learner cannot yet perform: missing, partly held, held. */
function taskItem(task: PathTaskGaps): HTMLElement {
  const names = (items: Array<{ code: string; competency?: PathCompetency; requirement?: PathCompetency }>) =>
    items.map((i) => `${i.code} ${(i.competency ?? i.requirement)?.name ?? ''}`).join('、');
  return h(
    'li',
    { 'data-testid': 'path-task', 'data-code': task.task.code },
    h('span', { class: 'code' }, task.task.code),
    ` ${task.task.name}`,
    h(
      'ul',
      { class: 'competency-list' },
      task.missing.length ? h('li', {}, h('strong', {}, 'Missing 缺少: '), names(task.missing)) : null,
      task.partlyHeld.length ? h('li', {}, h('strong', {}, 'Partly held 部分具備: '), task.partlyHeld.map((g) => `${g.code} ${g.competency.name}${g.closest ? ` (≈ ${g.closest.name})` : ''}`).join('、')) : null,
      task.held.length ? h('li', { class: 'muted' }, h('strong', {}, 'Held 已具備: '), names(task.held)) : null,
    ),
  );
}

/** The learning-path view, mounted into `#view-path`. */
export class LearningPathView {
  private readonly have: Picker;
  private readonly target: Picker;
  private readonly minScore: HTMLInputElement;
  private readonly minScoreOutput: HTMLOutputElement;
  private readonly minRelevance: HTMLInputElement;
  private readonly minRelevanceOutput: HTMLOutputElement;
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
    this.minRelevance = h('input', { type: 'range', id: 'path-min-relevance', min: 0, max: 1, step: 0.05, value: 0.3 });
    this.minRelevanceOutput = h('output', { for: 'path-min-relevance' }, percent(0.3));
    this.minRelevance.addEventListener('input', () => {
      this.minRelevanceOutput.textContent = percent(Number(this.minRelevance.value));
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
      h('label', { for: 'path-min-relevance' }, 'A step must serve the target by at least 相關度 ', this.minRelevanceOutput),
      this.minRelevance,
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

  /** Shows the plan the address asks for: `#/path?from=A&have=Skill:x&to=B&min=0.6&rel=0.3`. */
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
    const rel = Number(params.get('rel'));
    if (params.has('rel') && Number.isFinite(rel)) {
      this.minRelevance.value = String(rel);
      this.minRelevanceOutput.textContent = percent(rel);
    }
    this.updateButton();
    if (to) await this.run({ from, have, to, minScore: Number(this.minScore.value), minRelevance: Number(this.minRelevance.value) });
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
    navigate(routeHref('path', { from: from.join(','), have: have.join(','), to: target.code, min: this.minScore.value, rel: this.minRelevance.value }), this.lastResult !== null);
  }

  private async run(input: { from: string[]; have: string[]; to: string; minScore: number; minRelevance: number }): Promise<void> {
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
    this.status.textContent =
      `${path.steps.length} step${path.steps.length === 1 ? '' : 's'} towards ${path.target.code} ${path.target.name}, ` +
      `counting a requirement as held from ${percent(path.minScore)} similarity and a step as relevant from ${percent(path.minRelevance)}.`;
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
      h('h3', {}, 'Readiness for ', entityLink({ id: path.target.id, __typename: path.target.id.split(':')[0] ?? '', code: path.target.code, name: path.target.name }), ' 準備度'),
      path.readiness !== null
        ? h(
            'div',
            { class: 'coverage-pair' },
            bar('Tasks now 可勝任任務', path.readiness, 'readiness-before'),
            bar('Tasks after 學習後', path.readinessAfter ?? path.readiness, 'readiness-after'),
          )
        : h('p', { class: 'muted small' }, 'The target lists its knowledge and skills for the whole document, not per task.'),
      h(
        'div',
        { class: 'coverage-pair' },
        bar('K/S before 學習前', path.coverageBefore, 'coverage-before'),
        bar('K/S after 學習後', path.coverageAfter, 'coverage-after'),
      ),
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
                    step.tasks.length ? h('span', { class: 'muted' }, ` · ${step.tasks.map((t) => `${t.code} ${t.name}`).join('; ')}`) : null,
                    step.level !== null ? h('span', { class: 'muted' }, ` · 級別 ${step.level}`) : null,
                    h('span', { class: 'step-coverage' }, ` → ${percent(step.coverage)}`),
                    h('span', { class: 'muted small' }, ` (closes ${step.closes.length}, relevance ${percent(step.relevance)}, ${step.newItemCount} new)`),
                  ),
                  h('p', { class: 'small', 'data-testid': 'step-reason' }, step.reason),
                  h('ul', { class: 'competency-list' }, step.closes.map(closedItem)),
                  h('p', { class: 'small' }, entityLink({ id: step.document.id, __typename: step.document.id.split(':')[0] ?? '', code: step.document.code, name: 'Open in the explorer 在圖譜中開啟' })),
                ),
              ),
            ),
          )
        : h('p', { class: 'muted' }, path.gaps.length ? 'No relevant document closes the remaining gaps.' : 'Nothing to study: the learner already meets the target.'),
      path.taskGaps.length ? [h('h3', {}, `Tasks not yet covered 尚未勝任的任務 (${path.taskGaps.length})`), h('ul', { class: 'task-gaps' }, path.taskGaps.map(taskItem))] : null,
      h('h3', {}, `Gaps 缺口 (${path.gaps.length})`),
      path.gaps.length ? h('ul', { class: 'competency-list' }, path.gaps.map(gapItem)) : h('p', { class: 'muted' }, 'None.'),
      path.uncovered.length ? [h('h3', {}, `Not closed by the plan 計畫未補足 (${path.uncovered.length})`), h('ul', { class: 'competency-list', 'data-testid': 'path-uncovered' }, path.uncovered.map(gapItem))] : null,
      path.dispositions.length
        ? [
            h('h3', {}, 'Attitudes to develop 態度'),
            h(
              'ul',
              { class: 'competency-list', 'data-testid': 'path-dispositions' },
              path.dispositions.map((d) =>
                h(
                  'li',
                  {},
                  h('span', { class: 'code' }, d.code),
                  kindBadge('ATTITUDE'),
                  ' ',
                  competencyLink(d.competency, 'ATTITUDE'),
                  d.isHeld ? h('span', { class: 'muted small' }, ' · already asked of the learner') : null,
                  d.description ? h('span', { class: 'muted small' }, ` · ${d.description}`) : null,
                ),
              ),
            ),
          ]
        : null,
    );
  }
}
