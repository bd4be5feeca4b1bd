// Whether a query needs the whole of the documents it lists, or only their summaries: lists of
// documents (what requires a competency, say) are usually read for codes and names, and a
// document's long texts and lists are most of its bytes.
import { selects, type FieldSelection } from '../prefetch.js';

/** The GraphQL fields of Standard and Unit that read a document's long texts and lists. */
const DOCUMENT_DETAIL_FIELDS = ['description', 'versionNote', 'requirements', 'glossary', 'otherNotes', 'domain', 'assessment', 'revisionNotes'];

/**
 * Whether the query selects, on the documents at field path `path` under `selection`, any field
 * that a document's summary (project.documentSummary) cannot answer.
 */
export function needsDocumentDetail(selection: FieldSelection, path: readonly string[]): boolean {
  return DOCUMENT_DETAIL_FIELDS.some((field) => selects(selection, [...path, field]));
}
