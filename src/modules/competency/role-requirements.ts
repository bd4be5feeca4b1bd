// Role requirements: the current standards matching an occupation, industry, standard and level,
// and the union of what they require, most needed first. One read; the rest is arithmetic.
import type { Database } from '../../db/query.js';
import { badUserInput } from '../../errors.js';
import type { DocumentRow, TaskRow } from '../document/document.mappers.js';
import { codeArgument, levelArgument } from '../../arguments.js';
import type { CompetencyKind } from '../../graph/competency-key.js';
import type { RoleCompetencyRow, RoleRequirementsRow } from './competency.mappers.js';
import { readRoleRequirements, type RoleRows } from './competency.repository.js';

export interface RoleArguments {
  occupationCode?: string | null;
  industryCode?: string | null;
  standardCode?: string | null;
  level?: number | null;
  /** One row per group of equivalent wordings instead of one per wording. */
  groupEquivalents?: boolean | null;
}

/** Most needed first: by tasks needing it, then by standards listing it, then by code and name. */
function byNeed(a: RoleCompetencyRow, b: RoleCompetencyRow): number {
  return (
    b.count - a.count ||
    b.documentCount - a.documentCount ||
    (a.codes[0] ?? '').localeCompare(b.codes[0] ?? '') ||
    a.competency.name.localeCompare(b.competency.name)
  );
}

type ListedCompetency = RoleRows['competencies'][number];

/** The listed competencies joined into groups of equivalent wordings (each alone when no pair joins it). */
function equivalentGroups(listed: ListedCompetency[], equivalences: Array<[string, string]>): ListedCompetency[][] {
  const parent = new Map(listed.map((c) => [c.competency.id, c.competency.id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(id, root);
    return root;
  };
  for (const [a, b] of equivalences) if (parent.has(a) && parent.has(b)) parent.set(find(a), find(b));
  const groups = new Map<string, ListedCompetency[]>();
  for (const c of listed) {
    const root = find(c.competency.id);
    groups.set(root, [...(groups.get(root) ?? []), c]);
  }
  return [...groups.values()];
}

export async function roleRequirements(db: Database, args: RoleArguments): Promise<RoleRequirementsRow> {
  const occupation = codeArgument(args.occupationCode);
  const industry = codeArgument(args.industryCode);
  const standard = codeArgument(args.standardCode);
  const level = levelArgument(args.level, 'level');
  if (!occupation && !industry && !standard) {
    throw badUserInput('Give at least one of `occupationCode`, `industryCode` and `standardCode`.', 'occupationCode');
  }
  const group = args.groupEquivalents ?? false;
  const rows = await readRoleRequirements(db, { occupation, industry, standard, level, equivalences: group });

  const documents = new Map<string, DocumentRow>(rows.standards.map((row) => [row.id, row]));
  const tasks = new Map<string, TaskRow>(rows.tasks.map((row) => [row.id, row]));
  const taskOrder = new Map(rows.tasks.map((row, index) => [row.id, index]));
  const grouped: Record<CompetencyKind, RoleCompetencyRow[]> = { knowledge: [], skill: [], attitude: [] };
  for (const members of equivalentGroups(rows.competencies, group ? rows.equivalences : [])) {
    const taskIds = [...new Set(members.flatMap((m) => rows.taskNeeds.get(m.competency.id) ?? []))].sort(
      (a, b) => (taskOrder.get(a) ?? 0) - (taskOrder.get(b) ?? 0),
    );
    const documentIds = [...new Set(members.flatMap((m) => m.documentIds))].sort();
    // The group is named by the wording most tasks use.
    const named = [...members].sort(
      (a, b) => (rows.taskNeeds.get(b.competency.id)?.length ?? 0) - (rows.taskNeeds.get(a.competency.id)?.length ?? 0) || b.documentIds.length - a.documentIds.length,
    );
    const competency = (named[0] as (typeof members)[number]).competency;
    grouped[competency.kind].push({
      competency,
      members: named.map((m) => m.competency),
      count: taskIds.length,
      documentCount: documentIds.length,
      codes: [...new Set(members.flatMap((m) => m.codes))].sort(),
      documents: documentIds.flatMap((id) => documents.get(id) ?? []),
      tasks: taskIds.flatMap((id) => tasks.get(id) ?? []),
    });
  }
  return {
    standards: rows.standards,
    tasks: rows.tasks,
    outputs: rows.outputs,
    knowledge: grouped.knowledge.sort(byNeed),
    skills: grouped.skill.sort(byNeed),
    attitudes: grouped.attitude.sort(byNeed),
  };
}
