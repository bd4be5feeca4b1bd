// The catalogue overview: the landing view's numbers. Each part is read when it is asked for;
// entities come back through the request's loaders (one batched read per type).
import type { Database } from '../../db/query.js';
import { badUserInput } from '../../errors.js';
import type { CompetencyKind } from '../../generated/graphql.js';
import { globalIdOfNode, toGlobalId } from '../../relay.js';
import { loadNode } from '../../graph/node.js';
import type { Loaders } from '../loaders.js';
import { readDocumentsByCluster, readMostRequired, readMostSimilarStandards, type RequiredRow } from './overview.repository.js';

const MAX_FIRST = 50;
/** Candidates read per group asked for: a group's members may each be among the most required. */
const CANDIDATES_PER_GROUP = 3;

function checkFirst(first: number | null | undefined, fallback: number): number {
  const value = first ?? fallback;
  if (!Number.isInteger(value) || value < 1 || value > MAX_FIRST) throw badUserInput(`\`first\` must be 1 to ${MAX_FIRST}; got ${value}.`, 'first');
  return value;
}

export interface ClusterCountRow {
  cluster: unknown;
  count: number;
  levels: Array<{ level: number | null; count: number }>;
}

/** Current documents per career cluster (largest first) and, within each, per level. */
export async function clusterCounts(db: Database, loaders: Loaders): Promise<ClusterCountRow[]> {
  const rows = await readDocumentsByCluster(db);
  const clusters = new Map<string | null, Array<{ level: number | null; count: number }>>();
  for (const row of rows) {
    const levels = clusters.get(row.clusterId) ?? [];
    levels.push({ level: row.level ?? null, count: row.count });
    clusters.set(row.clusterId, levels);
  }
  const result = await Promise.all(
    [...clusters].map(async ([clusterId, levels]) => ({
      cluster: clusterId === null ? null : await loadNode(loaders.graph, toGlobalId('Category', clusterId)),
      count: levels.reduce((sum, entry) => sum + entry.count, 0),
      levels: levels.sort((a, b) => (a.level ?? 99) - (b.level ?? 99)),
      code: clusterId ?? '~',
    })),
  );
  return result.sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)).map(({ code: _code, ...row }) => row);
}

interface Group {
  ids: Set<string>;
  documents: Set<string>;
  /** Documents per member, to order the members. */
  counts: Map<string, number>;
  labels: Map<string, string[]>;
}

/**
 * Groups the candidates with their equivalents (a wording equivalent to two candidates joins
 * them), each group counting every requiring document once.
 */
export function groupEquivalents(rows: RequiredRow[]): Group[] {
  const groupOf = new Map<string, Group>();
  const merge = (a: Group, b: Group): Group => {
    if (a === b) return a;
    for (const id of b.ids) {
      a.ids.add(id);
      groupOf.set(id, a);
    }
    for (const document of b.documents) a.documents.add(document);
    for (const [id, count] of b.counts) a.counts.set(id, count);
    for (const [id, labels] of b.labels) a.labels.set(id, labels);
    return a;
  };
  const single = (id: string, labels: string[], documents: string[]): Group => {
    const found = groupOf.get(id);
    if (found) return found;
    const group: Group = { ids: new Set([id]), documents: new Set(documents), counts: new Map([[id, documents.length]]), labels: new Map([[id, labels]]) };
    groupOf.set(id, group);
    return group;
  };
  for (const row of rows) {
    let group = single(row.id, row.labels, row.documents);
    for (const equivalent of row.equivalents) group = merge(group, single(equivalent.id, equivalent.labels, equivalent.documents));
  }
  return [...new Set(groupOf.values())];
}

const KIND_PROPERTY: Record<CompetencyKind, string> = { SKILL: 'skill', KNOWLEDGE: 'knowledge', ATTITUDE: 'attitude' };

/** The `first` most required competencies, equivalent wordings as one. */
export async function topCompetencies(db: Database, loaders: Loaders, args: { first?: number | null; kinds?: readonly CompetencyKind[] | null }) {
  const first = checkFirst(args.first, 15);
  const kinds = (args.kinds?.length ? args.kinds : (['SKILL', 'KNOWLEDGE'] as const)).map((kind) => KIND_PROPERTY[kind]);
  const rows = await readMostRequired(db, kinds, first * CANDIDATES_PER_GROUP);
  const groups = groupEquivalents(rows)
    .map((group) => ({ group, members: [...group.ids].sort((a, b) => group.counts.get(b)! - group.counts.get(a)! || a.localeCompare(b)) }))
    .sort((a, b) => b.group.documents.size - a.group.documents.size || a.members[0]!.localeCompare(b.members[0]!))
    .slice(0, first);
  return Promise.all(
    groups.map(async ({ group, members }) => ({
      competencies: (await Promise.all(members.map((id) => loadNode(loaders.graph, globalIdOfNode(group.labels.get(id)!, id))))).filter((row) => row !== null),
      documentCount: group.documents.size,
    })),
  );
}

/** The `first` most similar pairs of current standards. */
export async function similarPairs(db: Database, loaders: Loaders, args: { first?: number | null }) {
  const first = checkFirst(args.first, 10);
  const rows = await readMostSimilarStandards(db, first);
  return Promise.all(
    rows.map(async (row) => ({
      a: await loadNode(loaders.graph, toGlobalId('Standard', row.a)),
      b: await loadNode(loaders.graph, toGlobalId('Standard', row.b)),
      similarity: row.similarity,
    })),
  );
}
