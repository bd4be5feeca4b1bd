import { cypher, int, type Database } from '../query.js';
import { MIGRATIONS, type Migration } from './migrations.js';

const appliedVersions = cypher('migrations.applied', 'MATCH (m:Migration) RETURN m.version AS version');
const recordMigration = cypher(
  'migrations.record',
  'MERGE (m:Migration {version: $version}) ON CREATE SET m.description = $description, m.appliedAt = datetime()',
);
const awaitIndexes = cypher('migrations.awaitIndexes', 'CALL db.awaitIndexes(300)');

export interface MigrationReport {
  applied: number[];
  alreadyApplied: number[];
  /** A migration just applied dropped derived competency relations: run the alignment again. */
  realign: boolean;
}

/**
 * Applies the migrations this database has not seen yet, in version order. Safe to run on every
 * start and from several processes: each statement is idempotent and the record is a MERGE.
 */
export async function migrate(db: Database, migrations: Migration[] = MIGRATIONS): Promise<MigrationReport> {
  const done = new Set(
    // The Migration constraint may not exist yet on a brand-new database; the MATCH still works.
    (await db.read<{ version: number }>(appliedVersions)).map((row) => row.version),
  );
  const report: MigrationReport = { applied: [], alreadyApplied: [], realign: false };
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (done.has(migration.version)) {
      report.alreadyApplied.push(migration.version);
      continue;
    }
    // Schema commands cannot share a transaction with data writes: run each on its own.
    for (const statement of migration.statements) await db.autoCommit(statement);
    await db.write(recordMigration, { version: int(migration.version), description: migration.description });
    report.applied.push(migration.version);
    if (migration.realign) report.realign = true;
  }
  if (report.applied.length > 0) await db.autoCommit(awaitIndexes);
  return report;
}
