// The kinds of warning the parsers report are the values of the GraphQL enum ImportWarningKind:
// one list, checked here so that neither side gains a kind the other lacks.
import { readFileSync } from 'node:fs';
import { Kind, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { PARSE_WARNING_KINDS } from '../../../src/ingest/parse-warning.js';

describe('ImportWarningKind', () => {
  it('has exactly the parse warning kinds', () => {
    const sdl = parse(readFileSync(new URL('../../../schema/admin.graphql', import.meta.url), 'utf8'));
    const enumType = sdl.definitions.find((d) => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === 'ImportWarningKind');
    const values = enumType?.kind === Kind.ENUM_TYPE_DEFINITION ? (enumType.values ?? []).map((v) => v.name.value) : [];
    expect([...values].sort()).toEqual([...PARSE_WARNING_KINDS].sort());
    expect(values.length).toBeGreaterThan(0);
  });
});
