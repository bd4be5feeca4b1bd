// Ranks documents by how much of one document's competencies they also require. Pure.

/** A competency of the document asked about, with how many documents require it. */
export interface OwnCompetency {
  competencyId: string;
  /** Documents (with content) that require it, this one included. */
  documents: number;
}

/** Another document requires `matchedById`, which matches `competencyId` with `score`. */
export interface DocumentMatch {
  document: string;
  competencyId: string;
  matchedById: string;
  score: number;
}

export interface RankedDocument {
  document: string;
  score: number;
  shared: Array<{ competencyId: string; matchedById: string; score: number }>;
}

/**
 * Score of a document = Σ weight(c) · best match of c in it / Σ weight(c), over the competencies c
 * of the document asked about, where weight(c) = ln(1 + total / documents requiring c): a rare
 * competency shared says more than one every document lists.
 */
export function rankSimilarDocuments(own: OwnCompetency[], matches: DocumentMatch[], totalDocuments: number): RankedDocument[] {
  const weight = new Map(own.map((c) => [c.competencyId, Math.log(1 + totalDocuments / Math.max(c.documents, 1))]));
  const totalWeight = [...weight.values()].reduce((sum, w) => sum + w, 0);
  if (totalWeight === 0) return [];
  const best = new Map<string, Map<string, { matchedById: string; score: number }>>();
  for (const m of matches) {
    if (!weight.has(m.competencyId)) continue;
    let perCompetency = best.get(m.document);
    if (!perCompetency) best.set(m.document, (perCompetency = new Map()));
    const current = perCompetency.get(m.competencyId);
    if (!current || m.score > current.score) perCompetency.set(m.competencyId, { matchedById: m.matchedById, score: m.score });
  }
  const ranked: RankedDocument[] = [];
  for (const [document, perCompetency] of best) {
    let sum = 0;
    const shared = [...perCompetency].map(([competencyId, match]) => {
      sum += weight.get(competencyId)! * match.score;
      return { competencyId, ...match };
    });
    shared.sort((a, b) => weight.get(b.competencyId)! * b.score - weight.get(a.competencyId)! * a.score || a.competencyId.localeCompare(b.competencyId));
    ranked.push({ document, score: sum / totalWeight, shared });
  }
  return ranked.sort((a, b) => b.score - a.score || a.document.localeCompare(b.document));
}
