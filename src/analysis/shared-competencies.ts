// Which competencies several documents share, exactly or through aligned wording. Pure: the
// repository supplies each document's requirements and the similarity edges between them.

/** One requirement of one document: its local code, the shared competency, the tasks that need it. */
export interface Occurrence {
  document: string;
  code: string;
  competencyId: string;
  kind: string;
  taskIds: string[];
}

/** A similarity edge between two competencies (either direction). */
export interface SimilarityEdge {
  a: string;
  b: string;
  score: number;
}

/** Competencies that count as one for sharing, and where each document requires them. */
export interface CompetencyGroup {
  kind: string;
  /** 1 when the group is a single competency; else the weakest link that holds the group together. */
  score: number;
  /** Member competency ids, in the order they were first required. */
  competencyIds: string[];
  occurrences: Occurrence[];
  /** Distinct documents that require a member, in the order given. */
  documents: string[];
}

/**
 * Groups the competencies of `occurrences`: with `minScore` >= 1 each competency is its own group;
 * below, competencies linked by edges scoring >= minScore join (strongest links first, so a group's
 * score is its weakest necessary link — the bottleneck of the strongest chain between members).
 */
export function groupCompetencies(occurrences: Occurrence[], edges: SimilarityEdge[], minScore: number): CompetencyGroup[] {
  const parent = new Map<string, string>();
  const weakest = new Map<string, number>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    let node = id;
    while (node !== root) {
      const next = parent.get(node)!;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  for (const occurrence of occurrences) {
    if (!parent.has(occurrence.competencyId)) {
      parent.set(occurrence.competencyId, occurrence.competencyId);
      weakest.set(occurrence.competencyId, 1);
    }
  }
  if (minScore < 1) {
    const usable = edges.filter((e) => e.score >= minScore && parent.has(e.a) && parent.has(e.b)).sort((x, y) => y.score - x.score);
    for (const edge of usable) {
      const ra = find(edge.a);
      const rb = find(edge.b);
      if (ra === rb) continue;
      parent.set(rb, ra);
      weakest.set(ra, Math.min(weakest.get(ra)!, weakest.get(rb)!, edge.score));
    }
  }
  const groups = new Map<string, CompetencyGroup>();
  for (const occurrence of occurrences) {
    const root = find(occurrence.competencyId);
    let group = groups.get(root);
    if (!group) {
      group = { kind: occurrence.kind, score: weakest.get(root)!, competencyIds: [], occurrences: [], documents: [] };
      groups.set(root, group);
    }
    if (!group.competencyIds.includes(occurrence.competencyId)) group.competencyIds.push(occurrence.competencyId);
    if (!group.documents.includes(occurrence.document)) group.documents.push(occurrence.document);
    group.occurrences.push(occurrence);
  }
  return [...groups.values()];
}

/** Groups required by at least two documents: most documents first, then the closest wording. */
export function sharedGroups(groups: CompetencyGroup[]): CompetencyGroup[] {
  return groups
    .filter((g) => g.documents.length >= 2)
    .sort((x, y) => y.documents.length - x.documents.length || y.score - x.score || x.competencyIds[0]!.localeCompare(y.competencyIds[0]!));
}

export interface OverlapCell {
  a: string;
  b: string;
  /** Groups both documents require. */
  shared: number;
  /** Jaccard index over groups: shared / (groups of a + groups of b - shared), in [0, 1]. */
  similarity: number;
}

/** Pairwise overlap of documents for heat maps: every unordered pair, in the order of `documents`. */
export function overlapMatrix(documents: string[], groups: CompetencyGroup[]): OverlapCell[] {
  const perDocument = new Map(documents.map((d) => [d, new Set<CompetencyGroup>()]));
  for (const group of groups) for (const d of group.documents) perDocument.get(d)?.add(group);
  const cells: OverlapCell[] = [];
  documents.forEach((a, i) => {
    for (const b of documents.slice(i + 1)) {
      const ga = perDocument.get(a)!;
      const gb = perDocument.get(b)!;
      let shared = 0;
      for (const g of ga) if (gb.has(g)) shared += 1;
      const union = ga.size + gb.size - shared;
      cells.push({ a, b, shared, similarity: union === 0 ? 0 : shared / union });
    }
  });
  return cells;
}
