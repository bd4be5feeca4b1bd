// What must a learner still acquire to meet a target document, which documents (or tasks of
// documents) teach it, in what order, and why. Pure: the repository supplies the target's
// requirements and tasks, the learner's competencies, the competency relations and the candidates.
//
// A step must be relevant: a large share of what it teaches serves the target, so a plan never sends
// the learner through a document for one word. Steps are chosen by gaps closed per new item to learn,
// and a short plan that leaves a gap uncovered (saying which of the target's tasks need it) is
// better than a long one that chases every gap across the catalogue.
import { explainStep } from './learning-path-explain.js';
import { RequirementMatcher, type Match, type MatchRelation, type PartialPair } from './requirement-match.js';
import type { ScoredPair, SimilarityLookup } from './similarity-lookup.js';

/** One K/S/A requirement of the target document. */
export interface TargetRequirement {
  competencyId: string;
  kind: string;
  /** The target document's local code (`S04`). */
  code: string;
  name: string;
  /** The target's tasks that need it (empty when the target lists it for the whole document). */
  taskIds?: string[];
  /** What the target says about it (attitudes carry a description). */
  description?: string | null;
}

/** A task of the target, for grouping gaps and naming where a gap is needed. */
export interface TargetTask {
  id: string;
  code: string;
  name: string;
}

/** A task of a candidate document that could be studied on its own. */
export interface CandidateTask {
  id: string;
  code: string;
  name: string;
  level: number;
  /** Its knowledge and skills. */
  competencyIds: string[];
}

/** A document that could be studied to close gaps. */
export interface CandidateDocument {
  code: string;
  name: string;
  level: number;
  kind: 'STANDARD' | 'UNIT';
  /**
   * Every knowledge and skill the document requires (what studying it means). Unused, and may be
   * left empty, for a standard whose tasks are given.
   */
  competencyIds: string[];
  /** A standard's tasks; when given, the standard is offered task by task. */
  tasks?: CandidateTask[];
}

export interface LearningPathInput {
  /** Code of the target document; it is never proposed as a step. */
  targetCode: string;
  /** The target's level: no step above it. Absent: no limit. */
  targetLevel?: number;
  requirements: TargetRequirement[];
  tasks?: TargetTask[];
  /** Competency ids the learner holds (e.g. every competency of the documents they hold). */
  held: Iterable<string>;
  /** Relations by which b meets a (equivalent; `directed`: b narrower than a), or a lookup. */
  similarity: SimilarityLookup | Iterable<ScoredPair>;
  /** Broader and related wording: comes close to a requirement, never meets it. */
  partial?: Iterable<PartialPair>;
  /** A relation meets a requirement from this score. */
  minScore: number;
  /** Share of a step's own K/S that must serve the target. Default 0.3. */
  minRelevance?: number;
  /** Most documents in the plan. Default 4. */
  maxSteps?: number;
  /**
   * Documents that could be studied. Only those teaching a gap closer (`gapClosers`) matter, and of
   * a standard only such tasks: a caller may leave the others out.
   */
  candidates: CandidateDocument[];
}

export type RequirementStatus = 'held' | 'partial' | 'missing';

/** A K/S requirement of the target and how the learner stands on it. */
export interface RequirementState {
  requirement: TargetRequirement;
  status: RequirementStatus;
  /** Held: what meets it. Partial: the closest held wording. Missing: null. */
  match: Match | null;
}

/** A target requirement the learner does not meet, and the closest thing they hold. */
export interface Gap {
  requirement: TargetRequirement;
  /** Partly held (through broader, related or weakly aligned wording) or missing. */
  status: 'partial' | 'missing';
  closest: Match | null;
}

/** How the learner stands on one task of the target. */
export interface TaskReadiness {
  task: TargetTask;
  ready: boolean;
  held: RequirementState[];
  partial: RequirementState[];
  missing: RequirementState[];
}

/** An attitude the target asks for: developed in practice, not closed by studying a document. */
export interface Disposition {
  requirement: TargetRequirement;
  held: boolean;
}

/** A gap closed by a step: the requirement, the step's competency that meets it, and how. */
export interface ClosedGap {
  requirement: TargetRequirement;
  competencyId: string;
  score: number;
  relation: MatchRelation;
}

export interface LearningStep {
  document: Omit<CandidateDocument, 'competencyIds' | 'tasks'>;
  /** The tasks of the document to study; empty: the whole document. */
  tasks: Array<Omit<CandidateTask, 'competencyIds'>>;
  /** The step's level: the highest level of what is studied. */
  level: number;
  /** Share of the step's own K/S that meet a target requirement. */
  relevance: number;
  /** Its K/S the learner does not hold yet. */
  newItems: number;
  /** Gaps this step closes (each gap is closed by exactly one step). */
  closes: ClosedGap[];
  /** Share of the target's K/S met once this and every earlier step are done. */
  coverageAfterStep: number;
  /** Share of the target's tasks fully covered once this and every earlier step are done. */
  readinessAfterStep: number | null;
  /** Why this step, in words. */
  reason: string;
}

/**
 * Why a gap is left open: nothing in the catalogue teaches it; only documents below the relevance
 * floor or above the target's level teach it; or a relevant step teaches it but was left out (the
 * plan was full, or it asked too much new learning for the gaps it would close).
 */
export type UncoveredReason = 'NOT_TAUGHT' | 'NO_RELEVANT_STEP' | 'BEYOND_PLAN';

export interface UncoveredGap extends TargetRequirement {
  reason: UncoveredReason;
}

export interface LearningPath {
  /** Share of the target's K/S requirements met now, in [0, 1] (1 when it requires none). */
  coverageBefore: number;
  /** Share met after every step. */
  coverageAfter: number;
  /** Share of the target's tasks (those tied to K/S) the learner can fully perform now; null without such tasks. */
  readinessBefore: number | null;
  readinessAfter: number | null;
  /** Every K/S requirement, in the target's order, with the learner's standing. */
  requirements: RequirementState[];
  /** The K/S requirements not held. */
  gaps: Gap[];
  /** Every task of the target tied to K/S, in the target's order. */
  tasks: TaskReadiness[];
  dispositions: Disposition[];
  /** Documents to study, from lower to higher level. */
  steps: LearningStep[];
  /** Gaps no step closes. */
  uncovered: UncoveredGap[];
}

/** Default share of a step's K/S that must serve the target. */
export const DEFAULT_MIN_RELEVANCE = 0.3;
/** Default most documents in a plan: past four a plan stops reading as a curriculum. */
export const DEFAULT_MAX_STEPS = 4;
/** Effort of starting one more document, in items to learn: keeps plans short. */
const STEP_EFFORT = 4;
/**
 * Fewest gaps a step must close per item of effort: below it a step asks too much new learning for
 * what it brings (one gap for fifteen new items), and the gap is better reported as uncovered.
 */
const MIN_YIELD = 0.125;
/** Units are written to be learnt: their gain per effort counts this much more. */
const UNIT_PREFERENCE = 1.5;

/** Something that can be studied: a unit, a standard without task data, or one task of a standard. */
interface Module {
  doc: CandidateDocument;
  task: CandidateTask | null;
  level: number;
  ids: string[];
}

interface PlannedStep {
  doc: CandidateDocument;
  modules: Module[];
  ids: Set<string>;
  closes: Map<number, Match>;
  order: number;
}

const isAttitude = (r: TargetRequirement): boolean => r.kind.toLowerCase() === 'attitude';

function modulesOf(doc: CandidateDocument): Module[] {
  if (doc.kind === 'STANDARD' && doc.tasks && doc.tasks.length > 0) {
    return doc.tasks.filter((t) => t.competencyIds.length > 0).map((task) => ({ doc, task, level: task.level || doc.level, ids: [...new Set(task.competencyIds)] }));
  }
  return doc.competencyIds.length > 0 ? [{ doc, task: null, level: doc.level, ids: [...new Set(doc.competencyIds)] }] : [];
}

/** What decides where the learner stands: the target's requirements, what they hold, the relations. */
export type StandingInput = Pick<LearningPathInput, 'requirements' | 'held' | 'similarity' | 'partial' | 'minScore'>;

/** Where the learner stands on the target's K/S requirements, and which competencies meet which. */
interface Standing {
  held: Set<string>;
  states: RequirementState[];
  /** Indices into `states` of the requirements not held. */
  gapIndices: number[];
  /** Competency id -> the requirements (indices into `states`) it meets, and how. */
  serves: Map<string, Array<{ index: number; match: Match }>>;
}

function standingOf(input: StandingInput): Standing {
  const matcher = new RequirementMatcher(input.similarity, input.partial ?? [], input.minScore);
  const held = new Set(input.held);
  const ks = input.requirements.filter((r) => !isAttitude(r));
  // Where the learner stands on each K/S requirement.
  const states: RequirementState[] = ks.map((requirement) => {
    const match = matcher.best(requirement.competencyId, held);
    if (matcher.meets(match)) return { requirement, status: 'held', match };
    return { requirement, status: match ? 'partial' : 'missing', match };
  });
  const gapIndices = states.flatMap((s, i) => (s.status === 'held' ? [] : [i]));
  // Which target requirements each competency meets, for relevance and for closing gaps.
  const serves = new Map<string, Array<{ index: number; match: Match }>>();
  ks.forEach((r, index) => {
    for (const match of matcher.meetersOf(r.competencyId)) {
      const list = serves.get(match.competencyId);
      if (list) list.push({ index, match });
      else serves.set(match.competencyId, [{ index, match }]);
    }
  });
  return { held, states, gapIndices, serves };
}

/**
 * The competencies that would close one of the learner's gaps. A candidate document, or a task of
 * one, that teaches none of them can neither be a step nor make a gap "taught", so these are all the
 * candidates a learning path needs to be given.
 */
export function gapClosers(input: StandingInput): string[] {
  const { states, serves } = standingOf(input);
  return [...serves].filter(([, list]) => list.some((s) => states[s.index]?.status !== 'held')).map(([id]) => id);
}

/**
 * Gaps between the learner and the target, grouped by the target's tasks, and a short plan of
 * relevant steps that closes them: greedy by gaps closed per effort (new items to learn, plus a
 * fixed effort per document started), ordered from lower to higher level.
 */
export function learningPath(input: LearningPathInput): LearningPath {
  const minRelevance = input.minRelevance ?? DEFAULT_MIN_RELEVANCE;
  const maxSteps = input.maxSteps ?? DEFAULT_MAX_STEPS;
  const { held, states, gapIndices, serves } = standingOf(input);
  // Items the learner effectively knows: held ones, and anything meeting a requirement already held.
  const known = new Set(held);
  for (const [id, list] of serves) if (list.some((s) => states[s.index]?.status === 'held')) known.add(id);

  const relevanceOf = (ids: Iterable<string>): number => {
    let all = 0;
    let serving = 0;
    for (const id of ids) {
      all++;
      if (serves.has(id)) serving++;
    }
    return all === 0 ? 0 : serving / all;
  };

  const modules = input.candidates.filter((d) => d.code !== input.targetCode).flatMap(modulesOf);
  const taught = new Set<number>(); // gaps some candidate teaches at all
  const allowed: Module[] = [];
  const teachable = new Set<number>(); // gaps some allowed module teaches
  for (const m of modules) {
    const closes = closableBy(m.ids, serves, new Set(gapIndices));
    for (const i of closes.keys()) taught.add(i);
    if (closes.size === 0) continue;
    if (input.targetLevel !== undefined && m.level > input.targetLevel) continue;
    if (relevanceOf(m.ids) < minRelevance) continue;
    allowed.push(m);
    for (const i of closes.keys()) teachable.add(i);
  }

  const plan = choose(allowed, new Set(gapIndices), serves, known, relevanceOf, minRelevance, maxSteps);
  return assemble(input, states, gapIndices, plan, { taught, teachable, known, relevanceOf });
}

/** The gaps (indices into the K/S requirements) that the ids close, with the best match for each. */
function closableBy(ids: Iterable<string>, serves: Map<string, Array<{ index: number; match: Match }>>, open: ReadonlySet<number>): Map<number, Match> {
  const out = new Map<number, Match>();
  for (const id of ids) {
    for (const { index, match } of serves.get(id) ?? []) {
      if (!open.has(index)) continue;
      const best = out.get(index);
      if (!best || match.score > best.score) out.set(index, match);
    }
  }
  return out;
}

/** Greedy: each round the module with the most gaps closed per effort that keeps the plan within bounds. */
function choose(
  allowed: Module[],
  open: Set<number>,
  serves: Map<string, Array<{ index: number; match: Match }>>,
  known: ReadonlySet<string>,
  relevanceOf: (ids: Iterable<string>) => number,
  minRelevance: number,
  maxSteps: number,
): PlannedStep[] {
  const steps = new Map<string, PlannedStep>();
  const learnt = new Set<string>();
  const used = new Set<Module>();
  for (;;) {
    let best: { m: Module; closes: Map<number, Match>; score: number; gain: number } | null = null;
    for (const m of allowed) {
      if (used.has(m)) continue;
      const step = steps.get(m.doc.code);
      if (!step && steps.size >= maxSteps) continue;
      const closes = closableBy(m.ids, serves, open);
      if (closes.size === 0) continue;
      // A task joins its document's step only if the step as a whole stays relevant.
      if (step && relevanceOf(new Set([...step.ids, ...m.ids])) < minRelevance) continue;
      const fresh = m.ids.filter((id) => !known.has(id) && !learnt.has(id)).length;
      const effort = fresh + (step ? 0 : STEP_EFFORT);
      const yieldPerEffort = closes.size / Math.max(1, effort);
      if (yieldPerEffort < MIN_YIELD) continue;
      const score = yieldPerEffort * (m.doc.kind === 'UNIT' ? UNIT_PREFERENCE : 1);
      if (
        !best ||
        score > best.score ||
        (score === best.score && (closes.size > best.gain || (closes.size === best.gain && (m.level < best.m.level || (m.level === best.m.level && moduleKey(m) < moduleKey(best.m))))))
      ) {
        best = { m, closes, score, gain: closes.size };
      }
    }
    if (!best) break;
    const { m, closes } = best;
    used.add(m);
    let step = steps.get(m.doc.code);
    if (!step) steps.set(m.doc.code, (step = { doc: m.doc, modules: [], ids: new Set(), closes: new Map(), order: steps.size }));
    step.modules.push(m);
    for (const id of m.ids) {
      step.ids.add(id);
      learnt.add(id);
    }
    for (const [index, match] of closes) {
      open.delete(index);
      step.closes.set(index, match);
    }
  }
  return [...steps.values()];
}

const moduleKey = (m: Module): string => `${m.doc.code}\u0000${m.task?.code ?? ''}`;

function assemble(
  input: LearningPathInput,
  states: RequirementState[],
  gapIndices: number[],
  plan: PlannedStep[],
  context: { taught: Set<number>; teachable: Set<number>; known: Set<string>; relevanceOf: (ids: Iterable<string>) => number },
): LearningPath {
  const total = states.length;
  const share = (met: number): number => (total === 0 ? 1 : met / total);
  const targetTasks = input.tasks ?? [];
  const taskIds = new Set(targetTasks.map((t) => t.id));
  const needs = new Map<string, number[]>(); // task id -> requirement indices
  states.forEach((s, i) => {
    for (const t of s.requirement.taskIds ?? []) {
      if (!taskIds.has(t)) continue;
      const list = needs.get(t);
      if (list) list.push(i);
      else needs.set(t, [i]);
    }
  });
  const tied = targetTasks.filter((t) => needs.has(t.id));
  const readiness = (met: ReadonlySet<number>): number | null =>
    tied.length === 0 ? null : tied.filter((t) => (needs.get(t.id) ?? []).every((i) => met.has(i))).length / tied.length;

  const met = new Set(states.flatMap((s, i) => (s.status === 'held' ? [i] : [])));
  const readinessBefore = readiness(met);
  const taskCodes = new Map(targetTasks.map((t) => [t.id, t.code]));

  const ordered = [...plan].sort((a, b) => levelOf(a) - levelOf(b) || a.order - b.order);
  const steps: LearningStep[] = ordered.map((step) => {
    const closes = [...step.closes.entries()]
      .sort(([a], [b]) => a - b)
      .map(([index, m]): ClosedGap => ({ requirement: (states[index] as RequirementState).requirement, competencyId: m.competencyId, score: m.score, relation: m.relation }));
    for (const index of step.closes.keys()) met.add(index);
    const relevance = context.relevanceOf(step.ids);
    const newItems = [...step.ids].filter((id) => !context.known.has(id)).length;
    const tasks = step.modules.flatMap((m) => (m.task ? [m.task] : [])).sort((a, b) => taskOrder(step.doc, a.id) - taskOrder(step.doc, b.id));
    const level = levelOf(step);
    const { competencyIds: _ids, tasks: _tasks, ...document } = step.doc;
    void _ids;
    void _tasks;
    return {
      document,
      tasks: tasks.map(({ competencyIds: _c, ...t }) => (void _c, t)),
      level,
      relevance,
      newItems,
      closes,
      coverageAfterStep: share(met.size),
      readinessAfterStep: readiness(met),
      reason: explainStep({ document, tasks, level, targetLevel: input.targetLevel, relevance, size: step.ids.size, newItems, closes, taskCodes }),
    };
  });

  const open = gapIndices.filter((i) => !met.has(i));
  const uncovered: UncoveredGap[] = open.map((i) => ({
    ...(states[i] as RequirementState).requirement,
    reason: context.teachable.has(i) ? 'BEYOND_PLAN' : context.taught.has(i) ? 'NO_RELEVANT_STEP' : 'NOT_TAUGHT',
  }));

  const heldNow = new Set(input.held);
  const matcher = new RequirementMatcher(input.similarity, [], input.minScore);
  return {
    coverageBefore: share(total - gapIndices.length),
    coverageAfter: share(met.size),
    readinessBefore,
    readinessAfter: readiness(met),
    requirements: states,
    gaps: gapIndices.map((i) => {
      const s = states[i] as RequirementState;
      return { requirement: s.requirement, status: s.status as 'partial' | 'missing', closest: s.match };
    }),
    tasks: tied.map((task) => {
      const own = (needs.get(task.id) ?? []).map((i) => states[i] as RequirementState);
      const of = (status: RequirementStatus) => own.filter((s) => s.status === status);
      return { task, ready: own.every((s) => s.status === 'held'), held: of('held'), partial: of('partial'), missing: of('missing') };
    }),
    dispositions: input.requirements
      .filter(isAttitude)
      .map((requirement) => ({ requirement, held: matcher.meets(matcher.best(requirement.competencyId, heldNow)) })),
    steps,
    uncovered,
  };
}

const levelOf = (step: PlannedStep): number => Math.max(...step.modules.map((m) => m.level));
const taskOrder = (doc: CandidateDocument, id: string): number => doc.tasks?.findIndex((t) => t.id === id) ?? 0;
