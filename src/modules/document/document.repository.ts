// All Cypher of the document module. Each lookup answers one key (`key.id`, `key.args`) of a
// batch; the request's batcher runs every key of one query level in a single UNWIND statement
// (src/db/batcher.ts). Entities are projected whole, with their labels, so any of them can answer
// a later by-id lookup without another read.
import type { Lookup } from '../../db/batcher.js';
import { project } from '../../db/projections.js';
import { documentNamedBy } from '../../db/named-documents.js';
import { listOf, nullable } from '../../graph/decoders.js';
import {
  asDocument,
  asIndicator,
  asNote,
  asOutput,
  asRequirement,
  asResponsibilityWithTasks,
  asResponsibility,
  asTask,
  type DocumentRow,
  type IndicatorRow,
  type NoteRow,
  type OutputRow,
  type RequirementRow,
  type ResponsibilityRow,
  type TaskRow,
} from './document.mappers.js';
import { asClassification, type ClassificationRow } from '../taxonomy/taxonomy.mappers.js';

export const documentById: Lookup<DocumentRow | null> = {
  name: 'Document.byId',
  body: `RETURN head(COLLECT { MATCH (d:Document {id: key.id}) RETURN ${project.document('d')} AS row }) AS value`,
  decode: nullable(asDocument),
};

export const documentByCode: Lookup<DocumentRow | null> = {
  name: 'Document.byCode',
  body: `RETURN head(COLLECT { ${documentNamedBy('key.id', `${project.document('d')} AS row`)} }) AS value`,
  decode: nullable(asDocument),
};

export const documentVersions: Lookup<DocumentRow[]> = {
  name: 'Document.versions',
  // key.id is the base code.
  body: `RETURN COLLECT { MATCH (d:Document {baseCode: key.id}) WITH d ORDER BY d.version RETURN ${project.document('d')} AS row } AS value`,
  decode: listOf(asDocument),
};

export const documentSupersedes: Lookup<DocumentRow | null> = {
  name: 'Document.supersedes',
  body: `RETURN head(COLLECT { MATCH (:Document {id: key.id})-[:SUPERSEDES]->(d:Document) RETURN ${project.document('d')} AS row }) AS value`,
  decode: nullable(asDocument),
};

export const documentSupersededBy: Lookup<DocumentRow | null> = {
  name: 'Document.supersededBy',
  body: `RETURN head(COLLECT { MATCH (d:Document)-[:SUPERSEDES]->(:Document {id: key.id}) RETURN ${project.document('d')} AS row }) AS value`,
  decode: nullable(asDocument),
};

export const documentTasks: Lookup<TaskRow[]> = {
  name: 'Document.tasks',
  body: `RETURN COLLECT { MATCH (t:Task {document: key.id}) WITH t ORDER BY t.position RETURN ${project.task('t')} AS row } AS value`,
  decode: listOf(asTask),
};

export const documentCategory: Lookup<ClassificationRow | null> = {
  name: 'Document.category',
  body: `RETURN head(COLLECT {
           MATCH (:Document {id: key.id})-[:IN_CATEGORY]->(c:Category) WITH c ORDER BY c.code RETURN ${project.classification('c')} AS row
         }) AS value`,
  decode: nullable(asClassification('Category')),
};

export const standardOccupations: Lookup<ClassificationRow[]> = {
  name: 'Standard.occupations',
  body: `RETURN COLLECT {
           MATCH (:Document {id: key.id})-[:FOR_OCCUPATION]->(o:Occupation) WITH o ORDER BY o.code RETURN ${project.classification('o')} AS row
         } AS value`,
  decode: listOf(asClassification('Occupation')),
};

export const standardIndustries: Lookup<ClassificationRow[]> = {
  name: 'Standard.industries',
  body: `RETURN COLLECT {
           MATCH (:Document {id: key.id})-[:IN_INDUSTRY]->(i:Industry) WITH i ORDER BY i.code RETURN ${project.classification('i')} AS row
         } AS value`,
  decode: listOf(asClassification('Industry')),
};

/** What `Standard.responsibilities` reads with each task: its outputs and indicators, when the query selects them. */
export interface TaskParts {
  outputs: boolean;
  indicators: boolean;
}

export const standardResponsibilities: Lookup<ResponsibilityRow[], TaskParts> = {
  name: 'Standard.responsibilities',
  // With their tasks (a responsibility holds a handful), and with each task's outputs and
  // indicators when asked for: a whole tree in one statement, with no lookup of each task by id.
  // Each row is [responsibility, tasks]; each task [task, outputs or null, indicators or null].
  body: `WITH key, key.args AS a
         RETURN COLLECT {
           MATCH (:Document {id: key.id})-[r:HAS_RESPONSIBILITY]->(x:Responsibility) WITH x, r ORDER BY r.order
           RETURN [${project.responsibility('x')},
                   COLLECT {
                     MATCH (x)-[h:HAS_TASK]->(t:Task) WITH t, h ORDER BY h.order
                     RETURN [${project.task('t')},
                             CASE WHEN a.outputs THEN COLLECT {
                               MATCH (t)-[p:PRODUCES]->(o:Output) WITH o, p ORDER BY p.order RETURN ${project.output('o')}
                             } END,
                             CASE WHEN a.indicators THEN COLLECT {
                               MATCH (t)-[p:HAS_INDICATOR]->(i:Indicator) WITH i, p ORDER BY p.order RETURN ${project.indicator('i')}
                             } END] AS task
                   }] AS row
         } AS value`,
  decode: listOf(asResponsibilityWithTasks),
};

/** The K, S or A a document requires, in code order, with the document's own wording. */
function documentRequirements(name: string, label: 'Knowledge' | 'Skill' | 'Attitude'): Lookup<RequirementRow[]> {
  return {
    name,
    body: `RETURN COLLECT {
             MATCH (:Document {id: key.id})-[r:REQUIRES]->(c:${label})
             WITH r, c ORDER BY r.code
             RETURN [r.code, ${project.competency('c')},
                     CASE WHEN r.name = c.name THEN null ELSE r.name END,
                     CASE WHEN r.description = c.description THEN null ELSE r.description END] AS row
           } AS value`,
    decode: (raw, id) => (Array.isArray(raw) ? raw.map((row) => asRequirement(row, id)) : []),
  };
}

export const documentKnowledge = documentRequirements('Document.knowledge', 'Knowledge');
export const documentSkills = documentRequirements('Document.skills', 'Skill');
export const documentAttitudes = documentRequirements('Document.attitudes', 'Attitude');

export const unitNotes: Lookup<NoteRow[]> = {
  name: 'Unit.notes',
  body: `RETURN COLLECT { MATCH (:Document {id: key.id})-[r:HAS_NOTE]->(n:Term) WITH n ORDER BY n.number RETURN ${project.note('n')} AS row } AS value`,
  decode: listOf(asNote),
};

export const responsibilityById: Lookup<ResponsibilityRow | null> = {
  name: 'Responsibility.byId',
  body: `RETURN head(COLLECT { MATCH (x:Responsibility {id: key.id}) RETURN ${project.responsibility('x')} AS row }) AS value`,
  decode: nullable(asResponsibility),
};

export const responsibilityTasks: Lookup<TaskRow[]> = {
  name: 'Responsibility.tasks',
  body: `RETURN COLLECT {
           MATCH (:Responsibility {id: key.id})-[r:HAS_TASK]->(t:Task) WITH t, r ORDER BY r.order RETURN ${project.task('t')} AS row
         } AS value`,
  decode: listOf(asTask),
};

export const taskById: Lookup<TaskRow | null> = {
  name: 'Task.byId',
  body: `RETURN head(COLLECT { MATCH (t:Task {id: key.id}) RETURN ${project.task('t')} AS row }) AS value`,
  decode: nullable(asTask),
};

export const taskResponsibility: Lookup<ResponsibilityRow | null> = {
  name: 'Task.responsibility',
  body: `RETURN head(COLLECT { MATCH (x:Responsibility)-[:HAS_TASK]->(:Task {id: key.id}) RETURN ${project.responsibility('x')} AS row }) AS value`,
  decode: nullable(asResponsibility),
};

export const taskIndicators: Lookup<IndicatorRow[]> = {
  name: 'Task.indicators',
  body: `RETURN COLLECT {
           MATCH (:Task {id: key.id})-[r:HAS_INDICATOR]->(i:Indicator) WITH i, r ORDER BY r.order RETURN ${project.indicator('i')} AS row
         } AS value`,
  decode: listOf(asIndicator),
};

export const taskOutputs: Lookup<OutputRow[]> = {
  name: 'Task.outputs',
  body: `RETURN COLLECT {
           MATCH (:Task {id: key.id})-[r:PRODUCES]->(o:Output) WITH o, r ORDER BY r.order RETURN ${project.output('o')} AS row
         } AS value`,
  decode: listOf(asOutput),
};

export const indicatorById: Lookup<IndicatorRow | null> = {
  name: 'Indicator.byId',
  body: `RETURN head(COLLECT { MATCH (i:Indicator {id: key.id}) RETURN ${project.indicator('i')} AS row }) AS value`,
  decode: nullable(asIndicator),
};

export const indicatorTask: Lookup<TaskRow | null> = {
  name: 'Indicator.task',
  body: `RETURN head(COLLECT { MATCH (t:Task)-[:HAS_INDICATOR]->(:Indicator {id: key.id}) RETURN ${project.task('t')} AS row }) AS value`,
  decode: nullable(asTask),
};

export const indicatorNotes: Lookup<NoteRow[]> = {
  name: 'Indicator.notes',
  body: `RETURN COLLECT {
           MATCH (:Indicator {id: key.id})-[:EXPLAINED_BY]->(n:Term) WITH n ORDER BY n.number RETURN ${project.note('n')} AS row
         } AS value`,
  decode: listOf(asNote),
};

export const outputById: Lookup<OutputRow | null> = {
  name: 'Output.byId',
  body: `RETURN head(COLLECT { MATCH (o:Output {id: key.id}) RETURN ${project.output('o')} AS row }) AS value`,
  decode: nullable(asOutput),
};

export const outputTask: Lookup<TaskRow | null> = {
  name: 'Output.task',
  body: `RETURN head(COLLECT { MATCH (t:Task)-[:PRODUCES]->(:Output {id: key.id}) RETURN ${project.task('t')} AS row }) AS value`,
  decode: nullable(asTask),
};

export const noteById: Lookup<NoteRow | null> = {
  name: 'Note.byId',
  body: `RETURN head(COLLECT { MATCH (n:Term {id: key.id}) RETURN ${project.note('n')} AS row }) AS value`,
  decode: nullable(asNote),
};

/** Filters and page of a document list; codes match their descendants. */
export interface DocumentPageArgs {
  status: 'CURRENT' | 'HISTORICAL' | null;
  /** Lower-cased literal substring. */
  text: string | null;
  category: string | null;
  occupation: string | null;
  industry: string | null;
  levelMin: number | null;
  levelMax: number | null;
  first: number;
  after: string | null;
}

export interface DocumentPage {
  total: number;
  /** Up to `first + 1` documents after the cursor, by code. */
  items: DocumentRow[];
}

const DOCUMENT_FILTER = `(a.status IS NULL OR d.status = a.status)
  AND (a.levelMin IS NULL OR d.level >= a.levelMin)
  AND (a.levelMax IS NULL OR d.level <= a.levelMax)
  AND (a.text IS NULL OR toLower(d.code) CONTAINS a.text OR toLower(d.name) CONTAINS a.text
       OR toLower(coalesce(d.description, '')) CONTAINS a.text)
  AND (a.category IS NULL OR EXISTS { (d)-[:IN_CATEGORY]->(:Category)-[:PART_OF*0..]->(:Category {id: a.category}) })
  AND (a.occupation IS NULL OR EXISTS { (d)-[:FOR_OCCUPATION]->(:Occupation)-[:PART_OF*0..]->(:Occupation {id: a.occupation}) })
  AND (a.industry IS NULL OR EXISTS { (d)-[:IN_INDUSTRY]->(:Industry)-[:PART_OF*0..]->(:Industry {id: a.industry}) })`;

function documentPage(name: string, label: 'Standard' | 'Unit'): Lookup<DocumentPage, DocumentPageArgs> {
  return {
    name,
    // Matching nodes are collected as references and only the page is projected.
    body: `WITH key.args AS a
           WITH a, COLLECT { MATCH (d:${label}) WHERE ${DOCUMENT_FILTER} WITH d ORDER BY d.id RETURN d } AS matching
           RETURN {total: size(matching),
                   items: [d IN [m IN matching WHERE a.after IS NULL OR m.id > a.after][0..a.first + 1] | ${project.document('d')}]} AS value`,
    decode: (raw) => {
      const p = (raw ?? {}) as { total?: number; items?: unknown[] };
      return { total: p.total ?? 0, items: listOf(asDocument)(p.items) };
    },
  };
}

export const standardsPage = documentPage('Standard.page', 'Standard');
export const unitsPage = documentPage('Unit.page', 'Unit');
