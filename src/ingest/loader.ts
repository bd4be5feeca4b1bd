// ParsedDocument -> graph, in one write transaction per document (or per batch of documents, for
// bulk imports): all of it or nothing. Every list is written with UNWIND (one round trip per kind
// of row, never one per node), every node is MERGEd on its id, and a document whose content has not
// changed is not written at all.
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

const lockDocuments = cypher(
  'import.lockDocuments',
  // Setting a property takes the node's write lock, so concurrent imports of one document queue here.
  `UNWIND $ids AS id
   MERGE (d:Document {id: id})
   WITH id, d, d.contentHash AS previous, coalesce(d.hasContent, false) AS hadContent
   SET d.contentHash = previous
   RETURN id, previous, hadContent`,
);

const clearDocuments = cypher(
  'import.clearDocuments',
  // A changed document's own parts go; what it required is returned so that competencies no
  // document needs any more can go too.
  `UNWIND $ids AS id
   MATCH (d:Document {id: id})
   OPTIONAL MATCH (d)-[:HAS_RESPONSIBILITY|HAS_TASK|HAS_NOTE|HAS_INDICATOR|PRODUCES*1..3]->(part)
   WITH d, collect(DISTINCT part) AS parts, [(d)-[:REQUIRES]->(c) | c.id] AS required
   FOREACH (part IN parts | DETACH DELETE part)
   WITH d, required
   OPTIONAL MATCH (d)-[r:REQUIRES|IN_CATEGORY|FOR_OCCUPATION|IN_INDUSTRY|AT_LEVEL]->()
   DELETE r
   WITH DISTINCT required
   UNWIND required AS competency
   RETURN collect(DISTINCT competency) AS required`,
);

const writeStandards = cypher(
  'import.writeStandards',
  `UNWIND $rows AS row
   MATCH (d:Document {id: row.id})
   SET d:Standard, d += row.properties,
       d.publishedOn = CASE WHEN row.publishedOn IS NULL THEN null ELSE date(row.publishedOn) END`,
);

const writeUnits = cypher(
  'import.writeUnits',
  `UNWIND $rows AS row
   MATCH (d:Document {id: row.id})
   SET d:Unit, d += row.properties`,
);

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
   MATCH (d:Document {id: row.document})
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
     MATCH (d:Document {id: row.document})
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
   SET h.code = row.code, h.baseCode = row.baseCode, h.version = row.version, h.name = row.name,
       h.versionNote = row.note, h.publishedOn = date(row.publishedOn)`,
);

const linkVersions = cypher(
  'import.linkVersions',
  // Each version supersedes the one before it; the highest version of a base code is CURRENT.
  `UNWIND $baseCodes AS baseCode
   CALL (baseCode) {
     MATCH (d:Document {baseCode: baseCode})
     OPTIONAL MATCH (d)-[stale:SUPERSEDES]->()
     DELETE stale
     WITH DISTINCT d ORDER BY d.version
     WITH collect(d) AS versions
     FOREACH (d IN versions | SET d.status = CASE WHEN d = last(versions) THEN 'CURRENT' ELSE 'HISTORICAL' END)
     WITH versions
     UNWIND range(0, size(versions) - 2) AS i
     WITH versions[i] AS older, versions[i + 1] AS newer
     MERGE (newer)-[:SUPERSEDES]->(older)
   }`,
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

/** Runs `query` with `rows` when there are any, integers as Neo4j Integers. */
async function writeRows(tx: Tx, query: ReturnType<typeof cypher>, rows: object[]): Promise<void> {
  if (rows.length > 0) await tx.run(query, { rows: integers(rows) });
}

const storedHashes = cypher(
  'import.storedHashes',
  `UNWIND $ids AS id
   OPTIONAL MATCH (d:Document {id: id})
   RETURN id, d.contentHash AS previous, coalesce(d.hasContent, false) AS hadContent`,
);

interface Stored {
  id: string;
  previous: string | null;
  hadContent: boolean;
}

function statusOf(stored: Stored | undefined, graph: DocumentGraph): ImportStatus {
  if (!stored?.hadContent) return 'CREATED';
  return stored.previous === graph.contentHash ? 'UNCHANGED' : 'UPDATED';
}

/** What importing the document would do, without writing anything (dry runs). */
export async function previewDocument(db: Database, doc: ParsedDocument): Promise<ImportOutcome> {
  const graph = toDocumentGraph(doc);
  const [stored] = await db.read<Stored>(storedHashes, { ids: [doc.code] });
  return { code: doc.code, kind: doc.kind, status: statusOf(stored, graph), counts: countsOf(doc, graph), newCompetencyIds: [] };
}

/** Writes one parsed document in one transaction and reports what happened. */
export async function importDocument(db: Database, doc: ParsedDocument, options: ImportOptions = {}): Promise<ImportOutcome> {
  const [outcome] = await importDocumentBatch(db, [doc], options);
  return outcome!;
}

/**
 * Writes several parsed documents (distinct codes) in ONE transaction: all of them or none. Bulk
 * imports use it to share the cost of a commit and of each statement among many documents; each
 * document is still whole or absent, never half-written.
 */
export async function importDocumentBatch(db: Database, docs: ParsedDocument[], options: ImportOptions = {}): Promise<ImportOutcome[]> {
  const codes = docs.map((d) => d.code);
  if (new Set(codes).size !== codes.length) throw new Error(`A batch must not hold one document twice: ${codes.join(', ')}`);
  const graphs = docs.map(toDocumentGraph);
  return db.writeTx(async (tx) => {
    const locked = new Map((await tx.run<Stored>(lockDocuments, { ids: codes })).map((row) => [row.id, row]));
    const statuses = graphs.map((graph, i) => statusOf(locked.get(codes[i]!), graph));
    const changed = graphs.filter((_, i) => statuses[i] !== 'UNCHANGED');
    const written = new Map<string, string[]>();

    if (changed.length > 0) {
      const replaced = changed.filter((g) => locked.get(g.document.id)?.hadContent).map((g) => g.document.id);
      let previouslyRequired: string[] = [];
      if (replaced.length > 0) {
        const [cleared] = await tx.run<{ required: string[] }>(clearDocuments, { ids: replaced });
        previouslyRequired = cleared?.required ?? [];
      }
      const all = <K extends keyof DocumentGraph>(key: K) => changed.flatMap((g) => g[key] as unknown as object[]);
      const documents = changed.map((g) => g.document);

      await writeRows(
        tx,
        writeStandards,
        documents.filter((d) => d.label === 'Standard').map(({ id, properties: { publishedOn, ...properties } }) => ({ id, publishedOn, properties })),
      );
      await writeRows(tx, writeUnits, documents.filter((d) => d.label === 'Unit').map(({ id, properties }) => ({ id, properties })));
      await writeRows(tx, partStatements.responsibilities, all('responsibilities'));
      const unitIds = new Set(documents.filter((d) => d.label === 'Unit').map((d) => d.id));
      const tasks = all('tasks') as LocalNodeRow[];
      await writeRows(tx, partStatements.standardTasks, tasks.filter((t) => !unitIds.has(t.parent)));
      await writeRows(tx, partStatements.unitTasks, tasks.filter((t) => unitIds.has(t.parent)));
      await writeRows(tx, partStatements.terms, all('terms'));
      await writeRows(tx, partStatements.outputs, all('outputs'));
      await writeRows(tx, partStatements.indicators, all('indicators'));
      await writeRows(tx, writeHistory, all('history'));

      const competencies = changed.flatMap((g) => g.competencies);
      const [fresh] = await tx.run<{ ids: string[] }>(findNewCompetencies, { ids: [...new Set(competencies.map((c) => c.id))] });
      const freshIds = new Set(fresh?.ids ?? []);
      for (const graph of changed) {
        written.set(graph.document.id, [...new Set(graph.competencies.map((c) => c.id).filter((id) => freshIds.has(id)))]);
      }
      await writeRows(tx, writeCompetencies, competencies);
      await writeRows(tx, writeTaskRequirements, all('taskRequirements'));

      const competencyIds = new Set(competencies.map((c) => c.id));
      const explanations = all('explanations') as DocumentGraph['explanations'];
      await writeRows(tx, writeIndicatorExplanations, explanations.filter((e) => !competencyIds.has(e.from)));
      await writeRows(tx, writeCompetencyExplanations, explanations.filter((e) => competencyIds.has(e.from)));

      const taxonomy = all('taxonomy') as DocumentGraph['taxonomy'];
      for (const kind of ['Category', 'Occupation', 'Industry'] as const) {
        await writeRows(tx, taxonomyStatements[kind], taxonomy.filter((row) => row.kind === kind));
      }
      await writeRows(tx, writeLevels, all('levels'));
      await tx.run(linkVersions, { baseCodes: [...new Set(changed.map((g) => g.document.properties.baseCode as string))] });

      const dropped = previouslyRequired.filter((id) => !competencyIds.has(id));
      if (dropped.length > 0) await tx.run(deleteOrphanCompetencies, { ids: dropped });
    }

    await options.beforeCommit?.(tx);
    return docs.map((doc, i) => ({
      code: doc.code,
      kind: doc.kind,
      status: statuses[i]!,
      counts: countsOf(doc, graphs[i]!),
      newCompetencyIds: written.get(doc.code) ?? [],
    }));
  });
}
