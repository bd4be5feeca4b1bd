// Versioned schema migrations. Each migration is a list of idempotent statements (IF NOT EXISTS),
// applied in order once and recorded as a (:Migration {version}) node. Later features append new
// migrations here; never edit one that has shipped.
import { cypher, type Cypher } from '../query.js';

export interface Migration {
  version: number;
  description: string;
  statements: Cypher[];
  /** The competency relations must be computed again once it has run (they are derived data). */
  realign?: boolean;
}

/** Every entity label carries a unique string `id` (see the graph model in the README). */
const ENTITY_LABELS = [
  'Document',
  'Standard',
  'Unit',
  'Responsibility',
  'Task',
  'Output',
  'Indicator',
  'Competency',
  'Knowledge',
  'Skill',
  'Attitude',
  'Term',
  'Occupation',
  'Industry',
  'Category',
  'Level',
] as const;

const uniqueId = (label: string): Cypher =>
  cypher(
    `constraint ${label}.id`,
    `CREATE CONSTRAINT ${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
  );

/** Full-text search over names and texts with the CJK analyzer (bigrams). */
function fullTextIndex(eventuallyConsistent: boolean): Cypher {
  return cypher(
    'fulltext entity_text',
    `CREATE FULLTEXT INDEX entity_text IF NOT EXISTS
     FOR (n:Standard|Unit|Task|Indicator|Output|Knowledge|Skill|Attitude|Occupation|Industry|Category|Responsibility|Term)
     ON EACH [n.name, n.text, n.code, n.description]
     OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'cjk', \`fulltext.eventually_consistent\`: ${eventuallyConsistent} } }`,
  );
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    description: 'unique ids for every entity label; lookups by base code and status',
    statements: [
      cypher('constraint Migration.version', 'CREATE CONSTRAINT migration_version IF NOT EXISTS FOR (m:Migration) REQUIRE m.version IS UNIQUE'),
      ...ENTITY_LABELS.map(uniqueId),
      cypher('index Document.baseCode', 'CREATE INDEX document_base_code IF NOT EXISTS FOR (d:Document) ON (d.baseCode)'),
      cypher('index Standard.status', 'CREATE INDEX standard_status IF NOT EXISTS FOR (s:Standard) ON (s.status)'),
      cypher('index Competency.key', 'CREATE INDEX competency_key IF NOT EXISTS FOR (c:Competency) ON (c.key)'),
    ],
  },
  {
    version: 2,
    description: 'full-text search over names and texts with the CJK analyzer (bigrams)',
    statements: [
      fullTextIndex(false),
    ],
  },
  {
    version: 3,
    description: 'tasks looked up by the code of their document',
    statements: [cypher('index Task.document', 'CREATE INDEX task_document IF NOT EXISTS FOR (t:Task) ON (t.document)')],
  },
  {
    version: 4,
    description: 'typed competency relations (EQUIVALENT_TO, NARROWER_THAN, RELATED_TO) replace SIMILAR_TO',
    statements: [
      cypher(
        'drop SIMILAR_TO',
        `MATCH (:Competency)-[r:SIMILAR_TO]->(:Competency)
         CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS`,
      ),
    ],
    realign: true,
  },
  {
    version: 5,
    description: 'import jobs looked up by id',
    statements: [cypher('constraint ImportJob.id', 'CREATE CONSTRAINT import_job_id IF NOT EXISTS FOR (j:ImportJob) REQUIRE j.id IS UNIQUE')],
  },
  {
    version: 6,
    description: 'one catalogue version node, bumped by every write (response caches key on it)',
    statements: [cypher('constraint Catalogue.id', 'CREATE CONSTRAINT catalogue_id IF NOT EXISTS FOR (c:Catalogue) REQUIRE c.id IS UNIQUE')],
  },
  {
    version: 7,
    description: 'the full-text index takes committed writes in the background (eventually consistent); writers wait for it before they bump the catalogue version',
    statements: [cypher('drop fulltext entity_text', 'DROP INDEX entity_text IF EXISTS'), fullTextIndex(true)],
  },
];
