// How much of each listed document a query needs read: its reference (id, code, name), its
// summary, or the whole document with its long texts - decided from the query's own selection.
import { Kind, parse, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { documentReadFor } from '../../../src/modules/document/document.mappers.js';
import type { FieldSelection } from '../../../src/modules/selection.js';

/** The selection of the query's `requiredBy` field, as a resolver of it would see it. */
function requiredBySelection(query: string): FieldSelection {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const competency = operation.selectionSet.selections[0] as FieldNode;
  const requiredBy = competency.selectionSet!.selections[0] as FieldNode;
  const fragments = Object.fromEntries(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])));
  return { nodes: [requiredBy], fragments };
}

const readFor = (nodeSelection: string, fragments = '') =>
  documentReadFor(requiredBySelection(`{ competency(kind: SKILL, name: "x") { requiredBy { edges { node { ${nodeSelection} } } } } } ${fragments}`), ['edges', 'node']);

describe('documentReadFor', () => {
  it('reads references for ids, codes and names, whatever fragments they sit in', () => {
    expect(readFor('__typename ... on Standard { code name } ... on Task { id code name }')).toBe('reference');
    expect(readFor('...Named', 'fragment Named on Document { id code name }')).toBe('reference');
  });

  it('reads summaries for any other field of a document, and whole documents for their long texts', () => {
    expect(readFor('... on Standard { code name version }')).toBe('summary');
    expect(readFor('... on Standard { code occupations { code } }')).toBe('summary');
    expect(readFor('... on Standard { code requirements }')).toBe('whole');
    expect(readFor('...Long', 'fragment Long on Unit { code description }')).toBe('whole');
  });

  it('looks only at the fields of the listed documents, not at those of what they lead to', () => {
    expect(readFor('... on Task { code document { ... on Standard { description } } }')).toBe('summary');
  });
});
