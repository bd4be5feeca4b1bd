// Turns a ParsedDocument into the flat rows the loader writes with UNWIND: one list per node kind
// and relationship, ids already computed. Pure, so the shape of the graph can be tested without
// a database and the loader holds only Cypher.
import { createHash } from 'node:crypto';
import { competencyId, competencyKey, type CompetencyKind } from '../graph/competency-key.js';
import type { ParsedDocument, TaxonomyRef } from './document.js';
import { ancestorCodes, type TaxonomyKind } from './taxonomy-codes.js';

const COMPETENCY_LABEL: Record<CompetencyKind, 'Knowledge' | 'Skill' | 'Attitude'> = {
  knowledge: 'Knowledge',
  skill: 'Skill',
  attitude: 'Attitude',
};

export interface DocumentWrite {
  id: string;
  label: 'Standard' | 'Unit';
  properties: Record<string, unknown>;
}

export interface LocalNodeRow {
  id: string;
  /** Id of the node it hangs from (document, responsibility or task). */
  parent: string;
  order: number;
  properties: Record<string, unknown>;
}

export interface CompetencyWrite {
  id: string;
  /** The document that requires it. */
  document: string;
  key: string;
  label: 'Knowledge' | 'Skill' | 'Attitude';
  kind: CompetencyKind;
  /** The document-local code (`K01`), kept on the REQUIRES relationship. */
  code: string;
  name: string;
  description: string | null;
}

export interface TaskRequirementRow {
  task: string;
  competency: string;
  code: string;
}

export interface TaxonomyLinkRow {
  /** The document linked to the entry. */
  document: string;
  kind: TaxonomyKind;
  code: string;
  /** The name the document gives; used for a code the taxonomy lacks, and kept on the link. */
  name: string;
  parentName: string | null;
  /** Codes from the entry itself up to its root, each with its parent (null at the root). */
  chain: Array<{ code: string; parent: string | null }>;
}

export interface HistoryRow {
  id: string;
  baseCode: string;
  code: string;
  version: number;
  name: string;
  note: string;
  publishedOn: string | null;
}

/** Everything the loader writes for one document. */
export interface DocumentGraph {
  document: DocumentWrite;
  responsibilities: LocalNodeRow[];
  tasks: LocalNodeRow[];
  outputs: LocalNodeRow[];
  indicators: LocalNodeRow[];
  terms: LocalNodeRow[];
  /** Indicator or competency id -> Term id, for EXPLAINED_BY. */
  explanations: Array<{ from: string; term: string }>;
  competencies: CompetencyWrite[];
  taskRequirements: TaskRequirementRow[];
  taxonomy: TaxonomyLinkRow[];
  /** Older versions listed in a standard's version table (content-less history nodes). */
  history: HistoryRow[];
  levels: Array<{ from: string; level: number }>;
  /** A digest of the parsed content: the same digest means re-importing changes nothing. */
  contentHash: string;
}

function taxonomyLinks(document: string, kind: TaxonomyKind, refs: TaxonomyRef[]): TaxonomyLinkRow[] {
  return refs.map((ref) => {
    const codes = [ref.code, ...ancestorCodes(kind, ref.code)];
    return {
      document,
      kind,
      code: ref.code,
      name: ref.name,
      parentName: ref.parentName ?? null,
      chain: codes.map((code, index) => ({ code, parent: codes[index + 1] ?? null })),
    };
  });
}

function competencyRows(
  document: string,
  kind: CompetencyKind,
  items: Array<{ code: string; name: string; description?: string }>,
): CompetencyWrite[] {
  return items.map((item) => ({
    id: competencyId(kind, item.name),
    document,
    key: competencyKey(kind, item.name),
    label: COMPETENCY_LABEL[kind],
    kind,
    code: item.code,
    name: item.name,
    description: item.description ?? null,
  }));
}

/** The graph rows of one parsed document. */
export function toDocumentGraph(doc: ParsedDocument): DocumentGraph {
  const contentHash = createHash('sha256').update(JSON.stringify(doc)).digest('hex');
  const local = (code: string) => `${doc.code}:${code}`;
  const graph: DocumentGraph = {
    document: { id: doc.code, label: doc.kind === 'STANDARD' ? 'Standard' : 'Unit', properties: {} },
    responsibilities: [],
    tasks: [],
    outputs: [],
    indicators: [],
    terms: [],
    explanations: [],
    competencies: [],
    taskRequirements: [],
    taxonomy: taxonomyLinks(doc.code, 'Category', doc.categories),
    history: [],
    levels: [{ from: doc.code, level: doc.level }],
    contentHash,
  };
  const common = {
    code: doc.code,
    baseCode: doc.baseCode,
    version: doc.version,
    name: doc.name,
    level: doc.level,
    documentKind: doc.kind,
    hasContent: true,
    contentHash,
  };

  if (doc.kind === 'STANDARD') {
    const current = doc.versions.find((v) => v.code === doc.code);
    graph.document.properties = {
      ...common,
      kind: doc.nameKind,
      description: doc.description,
      publishedOn: current?.date ?? null,
      versionNote: current?.note ?? null,
      requirements: doc.requirements,
      glossaryTerms: doc.glossary.map((g) => g.term),
      glossaryDefinitions: doc.glossary.map((g) => g.definition),
      otherNotes: doc.otherNotes,
    };
    graph.taxonomy.push(...taxonomyLinks(doc.code, 'Occupation', doc.occupations), ...taxonomyLinks(doc.code, 'Industry', doc.industries));
    graph.history = doc.versions
      .filter((v) => v.code !== doc.code)
      .map((v) => ({ id: v.code, baseCode: doc.baseCode, code: v.code, version: v.version, name: v.name, note: v.note, publishedOn: v.date }));

    const knowledge = competencyRows(doc.code, 'knowledge', doc.knowledge);
    const skills = competencyRows(doc.code, 'skill', doc.skills);
    const byCode = new Map([...knowledge, ...skills].map((row) => [row.code, row.id]));
    graph.competencies.push(...knowledge, ...skills, ...competencyRows(doc.code, 'attitude', doc.attitudes));

    let taskOrder = 0;
    doc.responsibilities.forEach((responsibility, rIndex) => {
      const rId = local(responsibility.code);
      graph.responsibilities.push({ id: rId, parent: doc.code, order: rIndex + 1, properties: { code: responsibility.code, name: responsibility.name } });
      responsibility.tasks.forEach((task, tIndex) => {
        const tId = local(task.code);
        taskOrder += 1;
        graph.tasks.push({
          id: tId,
          parent: rId,
          order: tIndex + 1,
          properties: { code: task.code, name: task.name, level: task.level, document: doc.code, position: taskOrder },
        });
        graph.levels.push({ from: tId, level: task.level });
        task.outputs.forEach((output, oIndex) =>
          graph.outputs.push({ id: local(output.code), parent: tId, order: oIndex + 1, properties: { code: output.code, name: output.name } }),
        );
        task.indicators.forEach((indicator, iIndex) =>
          graph.indicators.push({
            id: local(indicator.code),
            parent: tId,
            order: iIndex + 1,
            properties: { code: indicator.code, text: indicator.text, terms: indicator.terms.map((t) => t.term) },
          }),
        );
        for (const code of [...task.knowledgeCodes, ...task.skillCodes]) {
          const competency = byCode.get(code);
          if (competency) graph.taskRequirements.push({ task: tId, competency, code });
        }
      });
    });
    return graph;
  }

  graph.document.properties = {
    ...common,
    domain: doc.domain,
    assessmentKeyEvidence: doc.assessment.keyEvidence,
    assessmentContext: doc.assessment.contextAndResources,
    assessmentMethods: doc.assessment.methods,
    revisionNotes: doc.revisionNotes,
  };
  const knowledge = competencyRows(doc.code, 'knowledge', doc.knowledge);
  const skills = competencyRows(doc.code, 'skill', doc.skills);
  graph.competencies.push(...knowledge, ...skills);
  const termId = (note: number) => local(`N${note}`);
  for (const note of doc.notes) {
    graph.terms.push({
      id: termId(note.number),
      parent: doc.code,
      order: note.number,
      properties: { number: note.number, name: note.term, text: note.text, examples: note.examples },
    });
  }
  const knownNotes = new Set(doc.notes.map((n) => n.number));
  [...doc.knowledge.map((k, i) => [k, knowledge[i]] as const), ...doc.skills.map((s, i) => [s, skills[i]] as const)].forEach(
    ([item, row]) => item.notes.filter((n) => knownNotes.has(n)).forEach((n) => graph.explanations.push({ from: row!.id, term: termId(n) })),
  );
  doc.tasks.forEach((task, tIndex) => {
    const tId = local(task.code);
    graph.tasks.push({
      id: tId,
      parent: doc.code,
      order: tIndex + 1,
      properties: { code: task.code, name: task.name, level: doc.level, document: doc.code, position: tIndex + 1 },
    });
    graph.levels.push({ from: tId, level: doc.level });
    task.indicators.forEach((indicator, iIndex) => {
      const iId = local(indicator.code);
      graph.indicators.push({
        id: iId,
        parent: tId,
        order: iIndex + 1,
        properties: { code: indicator.code, text: indicator.text, terms: indicator.terms.map((t) => t.term) },
      });
      indicator.terms.filter((t) => knownNotes.has(t.note)).forEach((t) => graph.explanations.push({ from: iId, term: termId(t.note) }));
    });
  });
  return graph;
}
