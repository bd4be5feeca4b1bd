// All Cypher of the competency module: lookups the request's batcher runs (src/db/batcher.ts) and
// the role-requirements read, one statement for the whole answer.
import type { Database } from '../../db/query.js';
import { cypher, int } from '../../db/query.js';
import { project, type DocumentRead } from '../../db/projections.js';
import { listOf, nullable } from '../../graph/decoders.js';
import { asDocument, asNote, asOutput, asTask, type DocumentRow, type NoteRow, type OutputRow, type TaskRow } from '../document/document.mappers.js';
import type { Lookup } from '../../db/batcher.js';
import { asCompetency, type CompetencyRow } from '../../graph/competency-row.js';
import { asSimilarity, type SimilarityRow } from './competency.mappers.js';

export const competencyById: Lookup<CompetencyRow | null> = {
  name: 'Competency.byId',
  body: `RETURN head(COLLECT { MATCH (c:Competency {id: key.id}) RETURN ${project.competency('c')} AS row }) AS value`,
  decode: nullable(asCompetency),
};

export const competencyNotes: Lookup<NoteRow[]> = {
  name: 'Competency.notes',
  body: `RETURN COLLECT {
           MATCH (:Competency {id: key.id})-[:EXPLAINED_BY]->(n:Term) WITH n ORDER BY n.id RETURN ${project.note('n')} AS row
         } AS value`,
  decode: listOf(asNote),
};

export interface RequirerRow {
  node: DocumentRow | TaskRow;
  code: string;
}

export interface RequirerPage {
  total: number;
  /** Up to `first + 1` documents and tasks after the cursor, by id. */
  items: RequirerRow[];
}

export const competencyRequiredBy: Lookup<RequirerPage, { first: number; after: string | null; read: DocumentRead }> = {
  name: 'Competency.requiredBy',
  // One entry per document or task; a document listing the competency twice shows its first code.
  // Documents are read as far as the query asks of them (`read`, see documentReadFor).
  body: `WITH key, key.args AS a
         WITH a, COLLECT {
           MATCH (n)-[r:REQUIRES]->(:Competency {id: key.id})
           WITH n, min(r.code) AS code ORDER BY n.id
           RETURN {node: n, code: code} AS x
         } AS requirers
         RETURN {total: size(requirers),
                 items: [x IN [y IN requirers WHERE a.after IS NULL OR y.node.id > a.after][0..a.first + 1] |
                         [x.code, 'Task' IN labels(x.node),
                          CASE WHEN 'Task' IN labels(x.node) THEN ${project.taskOnly('x.node')}
                               WHEN a.read = 'whole' THEN ${project.document('x.node')}
                               WHEN a.read = 'summary' THEN ${project.documentAs('summary', 'x.node')}
                               ELSE ${project.documentAs('reference', 'x.node')} END]]} AS value`,
  decode: (raw) => {
    // Each item is [code, isTask, the node's projection].
    const p = (raw ?? {}) as { total?: number; items?: Array<[string, boolean, unknown]> };
    return {
      total: p.total ?? 0,
      items: (p.items ?? []).map(([code, isTask, node]) => ({ code, node: isTask ? asTask(node) : asDocument(node) })),
    };
  },
};

/** How another competency relates to this one: `broader` means the other one is broader. */
export type RelationValue = 'equivalent' | 'broader' | 'narrower' | 'related';

export const competencySimilar: Lookup<SimilarityRow[], { minScore: number; first: number; relations: RelationValue[] }> = {
  name: 'Competency.similar',
  // Each relation is stored once per pair; NARROWER_THAN points from the narrower competency to the
  // broader one. A competency without relations yields no row, which decodes as an empty list.
  body: `WITH key, key.args AS a
         MATCH (c:Competency {id: key.id})-[s:EQUIVALENT_TO|NARROWER_THAN|RELATED_TO]-(o:Competency)
         WHERE o <> c AND s.score >= a.minScore
         WITH key, a, o, s,
              CASE type(s)
                WHEN 'EQUIVALENT_TO' THEN 'equivalent'
                WHEN 'RELATED_TO' THEN 'related'
                ELSE CASE WHEN startNode(s) = c THEN 'broader' ELSE 'narrower' END
              END AS relation
         WHERE relation IN a.relations
         WITH key, a, o, s, relation ORDER BY s.score DESC, o.id
         WITH key, a, collect([${project.competency('o')}, relation, s.score, s.method, s.evidence]) AS rows
         RETURN rows[0..a.first] AS value`,
  decode: listOf(asSimilarity),
};

export interface CompetencyPageArgs {
  kind: 'knowledge' | 'skill' | 'attitude' | null;
  /** Lower-cased literal substring of the name. */
  text: string | null;
  /** The same text folded like competency keys (width, case, spacing, punctuation). */
  key: string | null;
  first: number;
  after: string | null;
}

export interface CompetencyPage {
  total: number;
  items: CompetencyRow[];
}

export const competenciesPage: Lookup<CompetencyPage, CompetencyPageArgs> = {
  name: 'Competency.page',
  body: `WITH key.args AS a
         WITH a, COLLECT {
           MATCH (c:Competency)
           WHERE (a.kind IS NULL OR c.kind = a.kind)
             AND (a.text IS NULL OR c.key CONTAINS a.key OR toLower(c.name) CONTAINS a.text)
           WITH c ORDER BY c.id RETURN c
         } AS matching
         RETURN {total: size(matching),
                 items: [c IN [m IN matching WHERE a.after IS NULL OR m.id > a.after][0..a.first + 1] | ${project.competency('c')}]} AS value`,
  decode: (raw) => {
    const p = (raw ?? {}) as { total?: number; items?: unknown[] };
    return { total: p.total ?? 0, items: listOf(asCompetency)(p.items) };
  },
};

export interface RoleQuery {
  occupation: string | null;
  industry: string | null;
  standard: string | null;
  level: number | null;
  /** Also read which of the listed competencies are equivalent wordings of one another. */
  equivalences: boolean;
}

export interface RoleRows {
  standards: DocumentRow[];
  tasks: TaskRow[];
  /** Their outputs, in task order. */
  outputs: OutputRow[];
  /** Every competency the standards list, with the standards and codes it is listed under. */
  competencies: Array<{ competency: CompetencyRow; documentIds: string[]; codes: string[] }>;
  /** For each competency some task needs: the tasks, in task order. */
  taskNeeds: Map<string, string[]>;
  /** Pairs of listed competencies that are equivalent wordings (when asked for). */
  equivalences: Array<[string, string]>;
}

const roleRequirementsQuery = cypher(
  'competency.roleRequirements',
  `MATCH (s:Standard)
   WHERE coalesce(s.hasContent, true)
     AND CASE WHEN $standard IS NULL THEN s.status = 'CURRENT'
              ELSE s.id = $standard OR (s.baseCode = $standard AND s.status = 'CURRENT') END
     AND ($level IS NULL OR s.level = $level)
     AND ($occupation IS NULL OR EXISTS { (s)-[:FOR_OCCUPATION]->(:Occupation)-[:PART_OF*0..]->(:Occupation {id: $occupation}) })
     AND ($industry IS NULL OR EXISTS { (s)-[:IN_INDUSTRY]->(:Industry)-[:PART_OF*0..]->(:Industry {id: $industry}) })
   WITH s ORDER BY s.id
   WITH collect(s) AS standards
   CALL (standards) {
     UNWIND standards AS s
     MATCH (t:Task {document: s.id})
     WITH t ORDER BY t.document, t.position
     RETURN collect(t) AS tasks
   }
   CALL (standards) {
     UNWIND standards AS s
     MATCH (s)-[r:REQUIRES]->(c:Competency)
     WITH c, collect(DISTINCT s.id) AS documentIds, collect(DISTINCT r.code) AS codes
     RETURN collect([${project.competency('c')}, documentIds, codes]) AS competencies
   }
   CALL (tasks) {
     UNWIND tasks AS t
     MATCH (t)-[p:PRODUCES]->(o:Output)
     WITH o ORDER BY t.document, t.position, p.order
     RETURN collect(${project.output('o')}) AS outputs
   }
   CALL (tasks) {
     UNWIND tasks AS t
     MATCH (t)-[:REQUIRES]->(c:Competency)
     WITH c, collect(DISTINCT t.id) AS taskIds
     RETURN collect([c.id, taskIds]) AS taskNeeds
   }
   CALL (standards) {
     UNWIND standards AS s
     MATCH (s)-[:REQUIRES]->(c:Competency)
     WITH collect(DISTINCT c) AS listed
     UNWIND listed AS c
     MATCH (c)-[:EQUIVALENT_TO]->(o:Competency)
     WHERE $equivalences AND o IN listed
     RETURN collect([c.id, o.id]) AS equivalences
   }
   RETURN [s IN standards | ${project.document('s')}] AS standards, [t IN tasks | ${project.task('t')}] AS tasks, outputs, competencies, taskNeeds,
          equivalences`,
);

/** The current standards a role matches, their tasks, and what they require, in one read. */
export async function readRoleRequirements(db: Database, role: RoleQuery): Promise<RoleRows> {
  const [row] = await db.read<{
    standards: unknown[];
    tasks: unknown[];
    outputs: unknown[];
    competencies: Array<[unknown, string[], string[]]>;
    taskNeeds: Array<[string, string[]]>;
    equivalences: Array<[string, string]>;
  }>(roleRequirementsQuery, { ...role, level: role.level === null ? null : int(role.level) });
  return {
    standards: listOf(asDocument)(row?.standards),
    tasks: listOf(asTask)(row?.tasks),
    outputs: listOf(asOutput)(row?.outputs),
    competencies: (row?.competencies ?? []).map(([competency, documentIds, codes]) => ({ competency: asCompetency(competency), documentIds, codes })),
    taskNeeds: new Map(row?.taskNeeds ?? []),
    equivalences: row?.equivalences ?? [],
  };
}
