// Why a learning step was chosen, in sentences a curriculum designer can check against the
// documents: what to study, at which level, which gaps it closes and by what wording, and how much
// of it serves the target.
import type { MatchRelation } from './requirement-match.js';

export interface StepExplanationInput {
  document: { code: string; name: string; kind: 'STANDARD' | 'UNIT' };
  tasks: Array<{ code: string; name: string }>;
  level: number;
  targetLevel: number | undefined;
  relevance: number;
  /** How many K/S the step teaches. */
  size: number;
  newItems: number;
  closes: Array<{ requirement: { code: string; name: string; taskIds?: string[] }; competencyId: string; score: number; relation: MatchRelation }>;
  /** The target's task codes by id. */
  taskCodes: ReadonlyMap<string, string>;
}

const RELATION_WORDS: Record<MatchRelation, string> = {
  same: 'as the same competency',
  equivalent: 'in equivalent wording',
  narrower: 'through a narrower competency, which covers it',
  broader: 'through broader wording',
  related: 'through related wording',
};

const percent = (x: number): string => `${Math.round(x * 100)}%`;

/** The name a competency id carries after its kind prefix (`skill:溝通協調能力` -> 溝通協調能力). */
const nameOf = (id: string): string => id.slice(id.indexOf(':') + 1);

/** One paragraph: what, level, gaps closed with their evidence, relevance and effort. */
export function explainStep(step: StepExplanationInput): string {
  const what =
    step.tasks.length > 0
      ? `Study task${step.tasks.length > 1 ? 's' : ''} ${step.tasks.map((t) => `${t.code} ${t.name}`).join('; ')} of ${step.document.code} ${step.document.name}`
      : `Study ${step.document.kind === 'UNIT' ? 'the unit' : 'the standard'} ${step.document.code} ${step.document.name}`;
  const level =
    step.level > 0
      ? step.targetLevel !== undefined && step.targetLevel > 0
        ? ` (level ${step.level}; the target is level ${step.targetLevel})`
        : ` (level ${step.level})`
      : '';
  const gaps = step.closes.map((c) => {
    const by = c.relation === 'same' ? RELATION_WORDS.same : `${RELATION_WORDS[c.relation]} ${nameOf(c.competencyId)} (${c.score.toFixed(2)})`;
    const tasks = (c.requirement.taskIds ?? []).map((id) => step.taskCodes.get(id)).filter((code): code is string => Boolean(code));
    return `${c.requirement.code} ${c.requirement.name} ${by}${tasks.length > 0 ? `, needed by ${tasks.join(', ')}` : ''}`;
  });
  const serving = Math.round(step.relevance * step.size);
  return (
    `${what}${level}. ` +
    `It closes ${step.closes.length} gap${step.closes.length === 1 ? '' : 's'}: ${gaps.join('; ')}. ` +
    `${serving} of the ${step.size} knowledge and skill items it teaches (${percent(step.relevance)}) are what the target requires; ` +
    `${step.newItems} ${step.newItems === 1 ? 'is' : 'are'} new to the learner.`
  );
}
