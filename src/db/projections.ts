// The properties each kind of node is read with, as Cypher map projections shared by every
// repository, so a row decoder always receives the same fields whichever module read the node.

/**
 * Cypher projections of each kind of node: the properties its row type reads and nothing else
 * (what crosses the wire is decoded, converted and held per request).
 */
export const project = {
  document: (v: string) =>
    `${v} {.id, .code, .baseCode, .version, .name, .status, .hasContent, .level, .documentKind, .kind, .description, .publishedOn,
      .versionNote, .requirements, .glossaryTerms, .glossaryDefinitions, .otherNotes, .domain, .assessmentKeyEvidence,
      .assessmentContext, .assessmentMethods, .revisionNotes}`,
  responsibility: (v: string) => `${v} {.id, .code, .name}`,
  task: (v: string) => `${v} {.id, .code, .name, .level, .document, .position, codes: [(${v})-[need:REQUIRES]->() | need.code]}`,
  indicator: (v: string) => `${v} {.id, .code, .text, .terms}`,
  output: (v: string) => `${v} {.id, .code, .name}`,
  note: (v: string) => `${v} {.id, .number, .name, .text, .examples}`,
  competency: (v: string) => `${v} {.id, .kind, .name, .description}`,
  classification: (v: string) => `${v} {.id, .code, .name, .depth, .provisional, .isco08, .isco08Match}`,
  level: (v: string) => `${v} {.id, .number, .description, .summary}`,
};
