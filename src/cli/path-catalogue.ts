// Learning and career paths over standards held in memory (a parsed catalogue or a fixture drawn from
// one), the way the service computes them over the graph: the same pure functions, fed with the
// documents' tasks and K/S/A and the typed relations the alignment engine finds between their names.
import { alignCompetencies, competencyId, type CompetencyInput, type CompetencyKind } from '../analysis/alignment/index.js';
import { careerPath, type CareerDocument, type CareerPath } from '../analysis/career-path.js';
import { documentResemblance } from '../analysis/document-resemblance.js';
import { learningPath, type CandidateDocument, type LearningPath, type TargetRequirement } from '../analysis/learning-path.js';
import { RequirementMatcher, splitRelations, type PartialPair } from '../analysis/requirement-match.js';
import type { ScoredPair } from '../analysis/similarity-lookup.js';
import type { ParsedStandard } from '../ingest/document.js';

/** A standard as paths see it: its tasks with their K and S, and its attitudes. */
export interface CatalogueStandard {
  code: string;
  name: string;
  level: number;
  occupations: string[];
  tasks: Array<{ code: string; name: string; level: number; knowledge: string[]; skills: string[] }>;
  attitudes: Array<{ name: string; description?: string }>;
}

/** The task structure of a parsed standard. */
export function catalogueStandard(doc: ParsedStandard): CatalogueStandard {
  const byCode = (items: Array<{ code: string; name: string }>) => new Map(items.map((i) => [i.code, i.name]));
  const knowledge = byCode(doc.knowledge);
  const skills = byCode(doc.skills);
  const names = (codes: string[], table: Map<string, string>) => codes.flatMap((c) => (table.has(c) ? [table.get(c) as string] : []));
  return {
    code: doc.code,
    name: doc.name,
    level: doc.level,
    occupations: doc.occupations.map((o) => o.code),
    tasks: doc.responsibilities.flatMap((r) =>
      r.tasks.map((t) => ({ code: t.code, name: t.name, level: t.level, knowledge: names(t.knowledgeCodes, knowledge), skills: names(t.skillCodes, skills) })),
    ),
    attitudes: doc.attitudes.map((a) => ({ name: a.name, description: a.description })),
  };
}

const taskId = (doc: CatalogueStandard, code: string): string => `${doc.code}:${code}`;

/** Standards with their competency ids, aligned once; answers path questions between any two. */
export class PathCatalogue {
  readonly byCode: Map<string, CatalogueStandard>;
  private readonly meets: ScoredPair[];
  private readonly partial: PartialPair[];
  private readonly matcher: RequirementMatcher;
  private readonly candidates: CandidateDocument[];
  private resemblance: Array<{ from: string; to: string }> | null = null;

  constructor(readonly standards: CatalogueStandard[]) {
    this.byCode = new Map(standards.map((s) => [s.code, s]));
    const corpus = new Map<string, CompetencyInput & { documents: string[] }>();
    const add = (kind: CompetencyKind, name: string, document: string, description?: string) => {
      const id = competencyId(kind, name);
      const known = corpus.get(id);
      if (known) {
        if (!known.documents.includes(document)) known.documents.push(document);
      } else corpus.set(id, { id, kind, name, documents: [document], ...(description ? { description } : {}) });
    };
    for (const s of standards) {
      for (const t of s.tasks) {
        for (const k of t.knowledge) add('knowledge', k, s.code);
        for (const k of t.skills) add('skill', k, s.code);
      }
      for (const a of s.attitudes) add('attitude', a.name, s.code, a.description);
    }
    ({ meets: this.meets, partial: this.partial } = splitRelations(alignCompetencies([...corpus.values()])));
    this.matcher = new RequirementMatcher(this.meets, [], 0);
    this.candidates = standards.map((s) => ({
      code: s.code,
      name: s.name,
      level: s.level,
      kind: 'STANDARD',
      competencyIds: ksIds(s),
      tasks: s.tasks.map((t) => ({ id: taskId(s, t.code), code: t.code, name: t.name, level: t.level, competencyIds: taskKs(t) })),
    }));
  }

  /** What a holder of `from` must still learn for `to`, and the plan. */
  learningPath(from: string, to: string, options: { minScore?: number; minRelevance?: number; maxSteps?: number } = {}): LearningPath {
    const held = this.get(from);
    const target = this.get(to);
    const requirements: TargetRequirement[] = [];
    const seen = new Map<string, TargetRequirement>();
    const require = (kind: CompetencyKind, name: string, code: string, task: string | null, description?: string) => {
      const id = competencyId(kind, name);
      const known = seen.get(id);
      if (known) {
        if (task && !known.taskIds?.includes(task)) known.taskIds?.push(task);
        return;
      }
      const requirement: TargetRequirement = { competencyId: id, kind, code, name, taskIds: task ? [task] : [], description: description ?? null };
      seen.set(id, requirement);
      requirements.push(requirement);
    };
    let k = 0;
    let s = 0;
    for (const t of target.tasks) {
      for (const name of t.knowledge) require('knowledge', name, `K${String(++k).padStart(2, '0')}`, taskId(target, t.code));
      for (const name of t.skills) require('skill', name, `S${String(++s).padStart(2, '0')}`, taskId(target, t.code));
    }
    target.attitudes.forEach((a, i) => require('attitude', a.name, `A${String(i + 1).padStart(2, '0')}`, null, a.description));
    return learningPath({
      targetCode: to,
      targetLevel: target.level,
      requirements,
      tasks: target.tasks.map((t) => ({ id: taskId(target, t.code), code: t.code, name: t.name })),
      held: [...ksIds(held), ...held.attitudes.map((a) => competencyId('attitude', a.name))],
      similarity: this.meets,
      partial: this.partial,
      minScore: options.minScore ?? 0,
      ...(options.minRelevance !== undefined ? { minRelevance: options.minRelevance } : {}),
      ...(options.maxSteps !== undefined ? { maxSteps: options.maxSteps } : {}),
      candidates: this.candidates.filter((c) => c.code !== from),
    });
  }

  /** The chain of viable moves from `from` to `to`, over each standard's closest neighbours. */
  careerPath(from: string, to: string, options: { maxHops?: number; minSimilarity?: number; maxLevelStep?: number } = {}): CareerPath | null {
    if (!this.resemblance) {
      const rows = documentResemblance(
        this.standards.map((s) => ({ id: s.code, competencyIds: ksIds(s) })),
        this.meets.filter((p) => !p.directed),
        { minScore: 0, neighbours: 8 },
      );
      this.resemblance = rows.map((r) => ({ from: r.a, to: r.b }));
    }
    const documents: CareerDocument[] = this.standards.map((s) => {
      const needs = new Map<string, string[]>();
      for (const t of s.tasks) for (const id of taskKs(t)) needs.set(id, [...(needs.get(id) ?? []), taskId(s, t.code)]);
      return { code: s.code, name: s.name, level: s.level, competencyIds: ksIds(s), taskIds: needs };
    });
    return careerPath({ from, to, edges: this.resemblance, documents, similarity: this.meets, minScore: 0, maxHops: options.maxHops ?? 4, ...options });
  }

  /** Share of the K/S of `to` that a holder of `from` meets (exact, equivalent or narrower wording). */
  coverage(from: string, to: string): number {
    const held = new Set(ksIds(this.get(from)));
    const wanted = ksIds(this.get(to));
    return wanted.length === 0 ? 1 : wanted.filter((id) => this.matcher.meets(this.matcher.best(id, held))).length / wanted.length;
  }

  private get(code: string): CatalogueStandard {
    const doc = this.byCode.get(code);
    if (!doc) throw new Error(`${code} is not in the catalogue`);
    return doc;
  }
}

function taskKs(t: CatalogueStandard['tasks'][number]): string[] {
  return [...new Set([...t.knowledge.map((n) => competencyId('knowledge', n)), ...t.skills.map((n) => competencyId('skill', n))])];
}

function ksIds(s: CatalogueStandard): string[] {
  return [...new Set(s.tasks.flatMap(taskKs))];
}

/**
 * Pairs of standards of one occupation at a lower and a higher level: for each occupation code, the
 * pair whose higher standard the lower one covers best (a move people make, not two jobs that merely
 * share a code), ties by code; occupations in code order.
 */
export function levelPairs(catalogue: PathCatalogue): Array<{ occupation: string; from: string; to: string; coverage: number }> {
  const byOccupation = new Map<string, CatalogueStandard[]>();
  for (const s of catalogue.standards) for (const o of new Set(s.occupations)) byOccupation.set(o, [...(byOccupation.get(o) ?? []), s]);
  const pairs: Array<{ occupation: string; from: string; to: string; coverage: number }> = [];
  const seen = new Set<string>();
  for (const occupation of [...byOccupation.keys()].sort()) {
    const docs = [...(byOccupation.get(occupation) ?? [])].sort((a, b) => a.code.localeCompare(b.code));
    let best: { from: string; to: string; coverage: number } | null = null;
    for (const low of docs) {
      for (const high of docs) {
        if (high.level <= low.level) continue;
        const coverage = catalogue.coverage(low.code, high.code);
        if (!best || coverage > best.coverage) best = { from: low.code, to: high.code, coverage };
      }
    }
    if (!best || seen.has(`${best.from}>${best.to}`)) continue;
    seen.add(`${best.from}>${best.to}`);
    pairs.push({ occupation, ...best });
  }
  return pairs;
}
