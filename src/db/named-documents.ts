// How a code names a document, as Cypher for every statement that takes codes: a full code
// (`BLM2421-007v4`) is a document's id and names that version; a base code (`BLM2421-007`) names
// the current version.

/**
 * The body of a `COLLECT { … }` giving `returned` for the document, bound to `d`, that `code` (a
 * Cypher expression) names: no row when it names none.
 */
export function documentNamedBy(code: string, returned: string): string {
  return `MATCH (d:Document {id: ${code}}) RETURN ${returned}
     UNION
     MATCH (d:Document {baseCode: ${code}}) WHERE d.status = 'CURRENT' RETURN ${returned}`;
}
