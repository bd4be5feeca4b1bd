// Role requirements: the current standards matching an occupation, industry, standard and level,
// and the union of what they require, most needed first. One read; the rest is arithmetic.
import type { Database } from '../../db/query.js';
import { badUserInput } from '../../errors.js';
import type { DocumentRow, TaskRow } from '../document/document.mappers.js';
import { codeArgument, levelArgument } from '../document/document.filters.js';
import type { CompetencyKindValue, RoleCompetencyRow, RoleRequirementsRow } from './competency.mappers.js';
import { readRoleRequirements } from './competency.repository.js';

export interface RoleArguments {
  occupationCode?: string | null;
  industryCode?: string | null;
  standardCode?: string | null;
  level?: number | null;
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

export async function roleRequirements(db: Database, args: RoleArguments): Promise<RoleRequirementsRow> {
  const occupation = codeArgument(args.occupationCode);
  const industry = codeArgument(args.industryCode);
  const standard = codeArgument(args.standardCode);
  const level = levelArgument(args.level, 'level');
  if (!occupation && !industry && !standard) {
    throw badUserInput('Give at least one of `occupationCode`, `industryCode` and `standardCode`.', 'occupationCode');
  }
  const rows = await readRoleRequirements(db, { occupation, industry, standard, level });

  const documents = new Map<string, DocumentRow>(rows.standards.map((row) => [row.id, row]));
  const tasks = new Map<string, TaskRow>(rows.tasks.map((row) => [row.id, row]));
  const taskOrder = new Map(rows.tasks.map((row, index) => [row.id, index]));
  const grouped: Record<CompetencyKindValue, RoleCompetencyRow[]> = { knowledge: [], skill: [], attitude: [] };
  for (const { competency, documentIds, codes } of rows.competencies) {
    const taskIds = [...(rows.taskNeeds.get(competency.id) ?? [])].sort((a, b) => (taskOrder.get(a) ?? 0) - (taskOrder.get(b) ?? 0));
    grouped[competency.kind].push({
      competency,
      count: taskIds.length,
      documentCount: documentIds.length,
      codes: [...codes].sort(),
      documents: documentIds.sort().flatMap((id) => documents.get(id) ?? []),
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
