// Parses and imports a batch of documents, each on its own: a document that fails to parse or to
// write is reported with its errors and leaves the graph untouched, and the others still import.
import type { Database } from '../db/query.js';
import type { ImportOptions } from './loader.js';
import type { DocumentKind, ParsedDocument } from './document.js';
import { parseWithWarnings } from './icap/index.js';
import { importDocumentBatch, previewDocument, type ImportCounts, type ImportStatus } from './loader.js';
import { ParseError } from './parse-error.js';
import type { ParseWarning } from './parse-warning.js';

export interface DocumentInput {
  /** How the caller names the document (file name); used in error messages. */
  name: string;
  /** The document's text, or its raw bytes (Big5 and UTF-16 are detected). */
  text: string | Uint8Array;
}

export interface ImportErrorDetail {
  message: string;
  /** 1-based line in the document, when the problem has one. */
  line: number | null;
  field: string | null;
}

/** A form the parser normalised to read the document (see parse-warning.ts); line 0 becomes null. */
export interface ImportWarningDetail extends ImportErrorDetail {
  kind: ParseWarning['kind'];
}

export interface ImportResult {
  name: string;
  code: string | null;
  kind: DocumentKind | null;
  status: ImportStatus | 'FAILED';
  counts: ImportCounts | null;
  errors: ImportErrorDetail[];
  /** What was assumed to read the document; the document imports all the same. */
  warnings: ImportWarningDetail[];
  /** Competencies this import added to the graph; input for incremental alignment. */
  newCompetencyIds: string[];
}

export interface ImportBatchOptions {
  /** Parse and validate only: nothing is written, and the status says what an import would do. */
  dryRun?: boolean;
  /** Passed to the loader for every document. */
  loader?: ImportOptions;
  /** Called after each document, for progress reporting. */
  onResult?: (result: ImportResult) => void;
}

function failure(name: string, error: unknown): ImportResult {
  const detail: ImportErrorDetail =
    error instanceof ParseError
      ? { message: error.message, line: error.line || null, field: error.field }
      : { message: `${name}: could not be written to the graph (${(error as Error).message ?? String(error)})`, line: null, field: null };
  return { name, code: null, kind: null, status: 'FAILED', counts: null, errors: [detail], warnings: [], newCompetencyIds: [] };
}

function warningDetails(warnings: readonly ParseWarning[]): ImportWarningDetail[] {
  return warnings.map((w) => ({ kind: w.kind, message: w.message, line: w.line || null, field: w.field }));
}

/**
 * Documents written per transaction in a bulk import (50 measured about twice as fast as 20 on the
 * small benchmark corpus; 100 no faster). Each batch commits whole or not at all; a
 * batch that fails is retried one document at a time, so one bad document fails alone.
 */
export const IMPORT_BATCH_SIZE = 50;

/**
 * Parses and imports documents in order. Every document ends whole or absent: parse errors and
 * write errors are reported in its result. Never throws for a bad document (only when the database
 * itself is unavailable).
 *
 * While one batch is being written, the next one is parsed (one write in flight at a time): the
 * database's work and the parser's overlap. Results are still reported in input order.
 */
export async function importDocuments(db: Database, inputs: DocumentInput[], options: ImportBatchOptions = {}): Promise<ImportResult[]> {
  const ordered = new OrderedResults(options.onResult);
  let writing: Promise<unknown> = Promise.resolve();
  /** Queues work behind the write in flight, and its results in input order. */
  const queue = (work: () => Promise<ImportResult[]>) => {
    const slot = ordered.reserve();
    const run = writing.then(work);
    writing = run.then(
      (results) => ordered.fill(slot, results),
      (error: unknown) => ordered.fail(error),
    );
  };
  let pending: Parsed[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    queue(() => writeBatch(db, batch, options));
  };

  for (const input of inputs) {
    ordered.throwIfFailed();
    // Parsing is synchronous: let requests waiting on this process (an import job shares the
    // service's event loop) go before each document.
    await new Promise<void>((resolve) => setImmediate(resolve));
    let parsed: ParsedDocument;
    let warnings: ImportWarningDetail[];
    try {
      const outcome = parseWithWarnings(input.text, input.name);
      parsed = outcome.document;
      warnings = warningDetails(outcome.warnings);
    } catch (error) {
      flush(); // keep results in input order
      const failed = failure(input.name, error);
      ordered.fill(ordered.reserve(), [failed]);
      continue;
    }
    if (options.dryRun) {
      queue(async () => [{ name: input.name, ...(await previewDocument(db, parsed)), errors: [], warnings }]);
      continue;
    }
    if (pending.some((p) => p.parsed.code === parsed.code)) flush();
    pending.push({ name: input.name, parsed, warnings });
    if (pending.length >= IMPORT_BATCH_SIZE) {
      // At most one batch in flight: wait for the one before, start this one, and parse the next
      // batch while it is written.
      await writing;
      flush();
    }
  }
  flush();
  await writing;
  ordered.throwIfFailed();
  return ordered.all();
}

/** Results that arrive out of order (a batch still being written), reported in input order. */
class OrderedResults {
  private readonly slots: Array<ImportResult[] | null> = [];
  private reported = 0;
  private error: unknown = null;

  constructor(private readonly onResult?: (result: ImportResult) => void) {}

  reserve(): number {
    this.slots.push(null);
    return this.slots.length - 1;
  }

  fill(slot: number, results: ImportResult[]): void {
    this.slots[slot] = results;
    while (this.reported < this.slots.length && this.slots[this.reported] !== null) {
      for (const result of this.slots[this.reported]!) this.onResult?.(result);
      this.reported += 1;
    }
  }

  fail(error: unknown): void {
    this.error ??= error;
  }

  throwIfFailed(): void {
    if (this.error !== null) throw this.error;
  }

  all(): ImportResult[] {
    return this.slots.flatMap((slot) => slot ?? []);
  }
}

interface Parsed {
  name: string;
  parsed: ParsedDocument;
  warnings: ImportWarningDetail[];
}

async function writeBatch(db: Database, batch: Parsed[], options: ImportBatchOptions): Promise<ImportResult[]> {
  try {
    const outcomes = await importDocumentBatch(db, batch.map((b) => b.parsed), options.loader);
    return outcomes.map((outcome, i) => ({ name: batch[i]!.name, ...outcome, errors: [], warnings: batch[i]!.warnings }));
  } catch (error) {
    if (isInfrastructureError(error)) throw error;
    if (batch.length === 1) return [{ ...failure(batch[0]!.name, error), warnings: batch[0]!.warnings }];
    // Find the culprit: every document again on its own.
    const results: ImportResult[] = [];
    for (const item of batch) results.push(...(await writeBatch(db, [item], options)));
    return results;
  }
}

/** Database outages are not a document's fault: they abort the batch instead of failing each document. */
function isInfrastructureError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'DatabaseUnavailableError' || error.name === 'QueryTimeoutError');
}
