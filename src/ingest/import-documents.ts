// Parses and imports a batch of documents, each on its own: a document that fails to parse or to
// write is reported with its errors and leaves the graph untouched, and the others still import.
import type { Database } from '../db/query.js';
import type { ImportOptions } from './loader.js';
import type { DocumentKind } from './document.js';
import { parseDocument } from './icap/index.js';
import { importDocument, previewDocument, type ImportCounts, type ImportStatus } from './loader.js';
import { ParseError } from './parse-error.js';

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

export interface ImportResult {
  name: string;
  code: string | null;
  kind: DocumentKind | null;
  status: ImportStatus | 'FAILED';
  counts: ImportCounts | null;
  errors: ImportErrorDetail[];
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
  return { name, code: null, kind: null, status: 'FAILED', counts: null, errors: [detail], newCompetencyIds: [] };
}

/** Imports each document in its own transaction, in order. Never throws for a bad document. */
export async function importDocuments(db: Database, inputs: DocumentInput[], options: ImportBatchOptions = {}): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  for (const input of inputs) {
    let result: ImportResult;
    try {
      const parsed = parseDocument(input.text, input.name);
      const outcome = options.dryRun ? await previewDocument(db, parsed) : await importDocument(db, parsed, options.loader);
      result = { name: input.name, ...outcome, errors: [] };
    } catch (error) {
      if (!(error instanceof ParseError) && isInfrastructureError(error)) throw error;
      result = failure(input.name, error);
    }
    results.push(result);
    options.onResult?.(result);
  }
  return results;
}

/** Database outages are not a document's fault: they abort the batch instead of failing each document. */
function isInfrastructureError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'DatabaseUnavailableError' || error.name === 'QueryTimeoutError');
}
