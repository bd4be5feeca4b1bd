// ParsedDocument -> graph, one write transaction per document: all of it or nothing. Every list is
// written with UNWIND (one round trip per kind of row, never one per node), every node is MERGEd on
// its id, and a document whose content has not changed is not written at all.
import { cypher, integers, type Database, type Tx } from '../db/query.js';
import type { ParsedDocument } from './document.js';
import { toDocumentGraph, type DocumentGraph, type LocalNodeRow } from './graph-rows.js';
import type { TaxonomyKind } from './taxonomy-codes.js';

export type ImportStatus = 'CREATED' | 'UPDATED' | 'UNCHANGED';

export interface ImportCounts {
  responsibilities: number;
  tasks: number;
  outputs: number;
  indicators: number;
  knowledge: number;
  skills: number;
  attitudes: number;
  notes: number;
}

export interface ImportOutcome {
  code: string;
  kind: ParsedDocument['kind'];
  status: ImportStatus;
  counts: ImportCounts;
  /** Competencies this import added to the graph (what incremental alignment must align). */
  newCompetencyIds: string[];
}

export interface ImportOptions {
  /**
   * Runs inside the document's transaction after everything is written and before it commits.
   * Lets callers (and tests that inject failures) veto the import: throwing rolls it all back.
   */
  beforeCommit?: (tx: Tx) => Promise<void>;
}

const lockDocument = cypher(
  'import.lockDocument',
  // Setting a property takes the node's write lock, so concurrent imports of one document queue here.
  `MERGE (d:Document {id: $id})
   WITH d, d.contentHash AS previous, coalesce(d.hasContent, false) AS hadContent
   SET d.contentHash = previous
   RETURN previous, hadContent`,
);

const clearDocument = cypher(
  'import.clearDocument',
  `MATCH (d:Document {id: $id})
   OPTIONAL MATCH (d)-[:HAS_RESPONSIBILITY|HAS_TASK|HAS_NOTE|HAS_INDICATOR|PRODUCES*1..3]->(part)
   WITH d, collect(DISTINCT part) AS parts, [(d)-[:REQUIRES]->(c) | c.id] AS required
   FOREACH (part IN parts | DETACH DELETE part)
   WITH d, required
   OPTIONAL MATCH (d)-[r:REQUIRES|IN_CATEGORY|FOR_OCCUPATION|IN_INDUSTRY|AT_LEVEL]->()
   DELETE r
   RETURN DISTINCT required`,
);

const writeStandard = cypher(
  'import.writeStandard',
  `MATCH (d:Document {id: $id})
   SET d:Standard, d += $properties,
       d.publishedOn = CASE WHEN $publishedOn IS NULL THEN null ELSE date($publishedOn) END`,
);

const writeUnit = cypher('import.writeUnit', 'MATCH (d:Document {id: $id}) SET d:Unit, d += $properties');

/** Statements for rows that hang from a parent node, keyed by what they create. */
const partStatements = {
  responsibilities: cypher(
    'import.responsibilities',
    `UNWIND $rows AS row
     MATCH (d:Document {id: row.parent})
     MERGE (n:Responsibility {id: row.id}) SET n += row.properties
     MERGE (d)-[r:HAS_RESPONSIBILITY]->(n) SET r.order = row.order`,
  ),
  standardTasks: cypher(
    'import.standardTasks',
    `UNWIND $rows AS row
     MATCH (p:Responsibility {id: row.parent})
     MERGE (n:Task {id: row.id}) SET n += row.properties
     MERGE (p)-[r:HAS_TASK]->(n) SET r.order = row.order`,
  ),
  unitTasks: cypher(
    'import.unitTasks',
    `UNWIND $rows AS row
     MATCH (p:Document {id: row.parent})
     MERGE (n:Task {id: row.id}) SET n += row.properties
     MERGE (p)-[r:HAS_TASK]->(n) SET r.order = row.order`,
  ),
  outputs: cypher(
    'import.outputs',
    `UNWIND $rows AS row
     MATCH (t:Task {id: row.parent})
     MERGE (n:Output {id: row.id}) SET n += row.properties
     MERGE (t)-[r:PRODUCES]->(n) SET r.order = row.order`,
  ),
  indicators: cypher(
    'import.indicators',
    `UNWIND $rows AS row
     MATCH (t:Task {id: row.parent})
     MERGE (n:Indicator {id: row.id}) SET n += row.properties
     MERGE (t)-[r:HAS_INDICATOR]->(n) SET r.order = row.order`,
  ),
  terms: cypher(
    'import.terms',
    `UNWIND $rows AS row
     MATCH (d:Document {id: row.parent})
     MERGE (n:Term {id: row.id}) SET n += row.properties
     MERGE (d)-[r:HAS_NOTE]->(n) SET r.order = row.order`,
  ),
};

const writeCompetencies = cypher(
  'import.competencies',
  // Competencies are shared by normalised name: the first document to name one sets its name; each
  // document's own code and wording stay on its REQUIRES relationship.
  `UNWIND $rows AS row
   MERGE (c:Competency {id: row.id})
   ON CREATE SET c.key = row.key, c.kind = row.kind, c.name = row.name
   SET c.description = coalesce(c.description, row.description)
   FOREACH (_ IN CASE WHEN row.kind = 'knowledge' THEN [1] ELSE [] END | SET c:Knowledge)
   FOREACH (_ IN CASE WHEN row.kind = 'skill' THEN [1] ELSE [] END | SET c:Skill)
   FOREACH (_ IN CASE WHEN row.kind = 'attitude' THEN [1] ELSE [] END | SET c:Attitude)
   WITH c, row
   MATCH (d:Document {id: $document})
   MERGE (d)-[r:REQUIRES {code: row.code}]->(c)
   SET r.name = row.name, r.description = row.description`,
);

const findNewCompetencies = cypher(
  'import.newCompetencies',
  `UNWIND $ids AS id
   OPTIONAL MATCH (c:Competency {id: id})
   WITH id, c WHERE c IS NULL
   RETURN collect(id) AS ids`,
);

const writeTaskRequirements = cypher(
  'import.taskRequirements',
  `UNWIND $rows AS row
   MATCH (t:Task {id: row.task})
   MATCH (c:Competency {id: row.competency})
   MERGE (t)-[:REQUIRES {code: row.code}]->(c)`,
);

const writeIndicatorExplanations = cypher(
  'import.indicatorExplanations',
  `UNWIND $rows AS row
   MATCH (i:Indicator {id: row.from})
   MATCH (t:Term {id: row.term})
   MERGE (i)-[:EXPLAINED_BY]->(t)`,
);

const writeCompetencyExplanations = cypher(
  'import.competencyExplanations',
  `UNWIND $rows AS row
   MATCH (c:Competency {id: row.from})
   MATCH (t:Term {id: row.term})
   MERGE (c)-[:EXPLAINED_BY]->(t)`,
);

/** A code the taxonomy lacks is created provisional, named by the document (never refused). */
function taxonomyStatement(kind: TaxonomyKind, relationship: string): ReturnType<typeof cypher> {
  return cypher(
    `import.taxonomy.${kind}`,
    `UNWIND $rows AS row
     UNWIND range(0, size(row.chain) - 1) AS i
     WITH row, i, row.chain[i] AS entry, size(row.chain) - 1 AS rootIndex
     MERGE (n:${kind} {id: entry.code})
     ON CREATE SET n.code = entry.code, n.provisional = true,
                   n.name = CASE WHEN i = 0 THEN row.name WHEN i = rootIndex THEN row.parentName ELSE null END
     WITH row, i, entry, n
     CALL (row, i, entry, n) {
       WITH * WHERE entry.parent IS NOT NULL
       MERGE (p:${kind} {id: entry.parent})
       ON CREATE SET p.code = entry.parent, p.provisional = true
       MERGE (n)-[:PART_OF]->(p)
     }
     WITH row, i, n WHERE i = 0
     MATCH (d:Document {id: $document})
     MERGE (d)-[l:${relationship}]->(n) SET l.label = row.name`,
  );
}

const taxonomyStatements: Record<TaxonomyKind, ReturnType<typeof cypher>> = {
  Category: taxonomyStatement('Category', 'IN_CATEGORY'),
  Occupation: taxonomyStatement('Occupation', 'FOR_OCCUPATION'),
  Industry: taxonomyStatement('Industry', 'IN_INDUSTRY'),
};

const writeHistory = cypher(
  'import.history',
  // Versions known only from a version table: name and date. A version imported with its own
  // content keeps it.
  `UNWIND $rows AS row
   MERGE (h:Document {id: row.id})
   ON CREATE SET h:Standard, h.hasContent = false, h.documentKind = 'STANDARD'
   WITH h, row WHERE NOT h.hasContent
   SET h.code = row.code, h.baseCode = $baseCode, h.version = row.version, h.name = row.name,
       h.versionNote = row.note, h.publishedOn = date(row.publishedOn)`,
);

const linkVersions = cypher(
  'import.linkVersions',
  // Each version supersedes the one before it; the highest version of a base code is CURRENT.
  `MATCH (d:Document {baseCode: $baseCode})
   OPTIONAL MATCH (d)-[stale:SUPERSEDES]->()
   DELETE stale
   WITH DISTINCT d ORDER BY d.version
   WITH collect(d) AS versions
   FOREACH (d IN versions | SET d.status = CASE WHEN d = last(versions) THEN 'CURRENT' ELSE 'HISTORICAL' END)
   WITH versions
   UNWIND range(0, size(versions) - 2) AS i
   WITH versions[i] AS older, versions[i + 1] AS newer
   MERGE (newer)-[:SUPERSEDES]->(older)`,
);

const writeLevels = cypher(
  'import.levels',
  `UNWIND $rows AS row
   MERGE (l:Level {id: 'level:' + toString(row.level)}) ON CREATE SET l.number = row.level
   WITH row, l
   OPTIONAL MATCH (d:Document {id: row.from})
   OPTIONAL MATCH (t:Task {id: row.from})
   WITH l, coalesce(d, t) AS n WHERE n IS NOT NULL
   MERGE (n)-[:AT_LEVEL]->(l)`,
);

const deleteOrphanCompetencies = cypher(
  'import.deleteOrphanCompetencies',
  // A competency no document requires any more goes, with its similarity links.
  `UNWIND $ids AS id
   MATCH (c:Competency {id: id})
   WHERE NOT ()-[:REQUIRES]->(c)
   DETACH DELETE c`,
);

function countsOf(doc: ParsedDocument, graph: DocumentGraph): ImportCounts {
  return {
    responsibilities: graph.responsibilities.length,
    tasks: graph.tasks.length,
    outputs: graph.outputs.length,
    indicators: graph.indicators.length,
    knowledge: doc.knowledge.length,
    skills: doc.skills.length,
    attitudes: doc.kind === 'STANDARD' ? doc.attitudes.length : 0,
    notes: graph.terms.length,
  };
}

async function writeParts(tx: Tx, query: ReturnType<typeof cypher>, rows: LocalNodeRow[]): Promise<void> {
  if (rows.length > 0) await tx.run(query, { rows: integers(rows) });
}

const storedHash = cypher(
  'import.storedHash',
  'OPTIONAL MATCH (d:Document {id: $id}) RETURN d.contentHash AS previous, coalesce(d.hasContent, false) AS hadContent',
);

/** What importing the document would do, without writing anything (dry runs). */
export async function previewDocument(db: Database, doc: ParsedDocument): Promise<ImportOutcome> {
  const graph = toDocumentGraph(doc);
  const [stored] = await db.read<{ previous: string | null; hadContent: boolean }>(storedHash, { id: doc.code });
  const status: ImportStatus = !stored?.hadContent ? 'CREATED' : stored.previous === graph.contentHash ? 'UNCHANGED' : 'UPDATED';
  return { code: doc.code, kind: doc.kind, status, counts: countsOf(doc, graph), newCompetencyIds: [] };
}

/** Writes one parsed document in one transaction and reports what happened. */
export async function importDocument(db: Database, doc: ParsedDocument, options: ImportOptions = {}): Promise<ImportOutcome> {
  const graph = toDocumentGraph(doc);
  const counts = countsOf(doc, graph);
  return db.writeTx(async (tx) => {
    const [lock] = await tx.run<{ previous: string | null; hadContent: boolean }>(lockDocument, { id: doc.code });
    if (lock?.hadContent && lock.previous === graph.contentHash) {
      return { code: doc.code, kind: doc.kind, status: 'UNCHANGED', counts, newCompetencyIds: [] };
    }
    let previouslyRequired: string[] = [];
    if (lock?.hadContent) {
      const [cleared] = await tx.run<{ required: string[] }>(clearDocument, { id: doc.code });
      previouslyRequired = cleared?.required ?? [];
    }

    const { properties } = graph.document;
    if (doc.kind === 'STANDARD') {
      const { publishedOn, ...rest } = properties;
      await tx.run(writeStandard, { id: doc.code, properties: integers(rest), publishedOn });
      await writeParts(tx, partStatements.responsibilities, graph.responsibilities);
      await writeParts(tx, partStatements.standardTasks, graph.tasks);
      if (graph.history.length > 0) await tx.run(writeHistory, { rows: integers(graph.history), baseCode: doc.baseCode });
    } else {
      await tx.run(writeUnit, { id: doc.code, properties: integers(properties) });
      await writeParts(tx, partStatements.unitTasks, graph.tasks);
      await writeParts(tx, partStatements.terms, graph.terms);
    }
    await writeParts(tx, partStatements.outputs, graph.outputs);
    await writeParts(tx, partStatements.indicators, graph.indicators);
    const [fresh] = await tx.run<{ ids: string[] }>(findNewCompetencies, { ids: graph.competencies.map((c) => c.id) });
    await tx.run(writeCompetencies, { rows: graph.competencies, document: doc.code });
    if (graph.taskRequirements.length > 0) await tx.run(writeTaskRequirements, { rows: graph.taskRequirements });

    const indicatorNotes = graph.explanations.filter((e) => !graph.competencies.some((c) => c.id === e.from));
    const competencyNotes = graph.explanations.filter((e) => graph.competencies.some((c) => c.id === e.from));
    if (indicatorNotes.length > 0) await tx.run(writeIndicatorExplanations, { rows: indicatorNotes });
    if (competencyNotes.length > 0) await tx.run(writeCompetencyExplanations, { rows: competencyNotes });

    for (const kind of ['Category', 'Occupation', 'Industry'] as const) {
      const rows = graph.taxonomy.filter((row) => row.kind === kind);
      if (rows.length > 0) await tx.run(taxonomyStatements[kind], { rows, document: doc.code });
    }
    await tx.run(writeLevels, { rows: integers(graph.levels) });
    await tx.run(linkVersions, { baseCode: doc.baseCode });

    const requiredNow = new Set(graph.competencies.map((c) => c.id));
    const dropped = previouslyRequired.filter((id) => !requiredNow.has(id));
    if (dropped.length > 0) await tx.run(deleteOrphanCompetencies, { ids: dropped });

    await options.beforeCommit?.(tx);
    return {
      code: doc.code,
      kind: doc.kind,
      status: lock?.hadContent ? 'UPDATED' : 'CREATED',
      counts,
      newCompetencyIds: fresh?.ids ?? [],
    };
  });
}
