// Compiled execution (graphql-jit, the default) answers every request as graphql-js's interpreter
// does (COMPILED_EXECUTION=false): two services on the same seeded graph get the same requests,
// the benchmark's operations and the language's features (fragments, directives, aliases,
// interfaces, introspection, errors), and must send the same status and the same body.
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchOperations } from '../../bench/operations.js';
import { importDocuments } from '../../src/ingest/import-documents.js';
import { loadSeed } from '../../src/ingest/seed.js';
import { toGlobalId } from '../../src/relay.js';
import { clearGraph, openTestDatabase, type TestDatabase } from '../helpers/database.js';
import { seedStandardAs } from '../helpers/seed-variants.js';
import { startTestService, type TestService } from '../helpers/service.js';

const STANDARD = 'BLM2421-007v4';
const COPY = 'BLM2421-101v4';
const UNIT = 'BGM5R0167v2';

let test: TestDatabase;
let compiled: TestService;
let interpreted: TestService;
beforeAll(async () => {
  test = await openTestDatabase();
  await clearGraph(test.driver);
  await loadSeed(test.db);
  // The seed standard again under another code: something for sharedCompetencies to find.
  const [copy] = await importDocuments(test.db, [{ name: `standard-${COPY}.txt`, text: seedStandardAs('BLM2421-101') }]);
  expect(copy!.status).toBe('CREATED');
  const settings = { RESPONSE_CACHE: 'false', MAX_QUERY_COST: '100000000' };
  compiled = await startTestService(test.driver, settings);
  interpreted = await startTestService(test.driver, { ...settings, COMPILED_EXECUTION: 'false' });
});
afterAll(async () => {
  await compiled?.stop();
  await interpreted?.stop();
  await test?.close();
});

interface Answer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

async function ask(service: TestService, query: string, variables: Record<string, unknown> = {}, operationName?: string): Promise<Answer> {
  const response = await fetch(`${service.origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables, operationName }),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

/** Both services' answers to one request, after checking they are equal. */
async function both(query: string, variables: Record<string, unknown> = {}, operationName?: string): Promise<Answer> {
  const [fromCompiled, fromInterpreted] = await Promise.all([ask(compiled, query, variables, operationName), ask(interpreted, query, variables, operationName)]);
  expect(fromCompiled).toEqual(fromInterpreted);
  return fromCompiled;
}

// The benchmark's operations with parameters the seeds can answer: the seed standard (occupation
// 2421) and its copy, the seed unit as the learner, and a skill the standard requires.
const operations = benchOperations({
  standardCode: STANDARD,
  occupationCode: '2421',
  occupationStandards: 1,
  sharedCodes: [STANDARD, COPY, UNIT],
  learner: { code: UNIT, kind: 'unit' },
  skill: { id: '', name: '溝通協調能力', requiredBy: 0 },
  searchText: '溝通協調',
  notes: [],
});

describe('compiled execution against the interpreter', () => {
  it.each(operations.map((operation) => [operation.name, operation] as const))('answers the benchmark operation "%s" alike', async (_name, operation) => {
    const answer = await both(operation.api.query, operation.api.variables);
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    // Two empty answers would be equal too: each operation finds something in the seeds.
    expect(JSON.stringify(answer.body.data).length).toBeGreaterThan(200);
  });

  it('answers fragments, aliases, @include/@skip and abstract types alike', async () => {
    const query = `
      fragment Named on Standard { code name }
      query Features($id: ID!, $withTasks: Boolean!, $skipOutputs: Boolean!) {
        first: standard(code: "${STANDARD}") { ...Named level }
        byBase: standard(code: "BLM2421-007") { code }
        node(id: $id) {
          __typename
          id
          ... on Standard {
            ...Named
            responsibilities { code tasks @include(if: $withTasks) { code outputs @skip(if: $skipOutputs) { code } } }
          }
        }
        unit(code: "${UNIT}") { __typename code name }
        missing: standard(code: "XXX0000-000v1") { code }
      }`;
    const withTasks = await both(query, { id: toGlobalId('Standard', STANDARD), withTasks: true, skipOutputs: true });
    const node = withTasks.body.data!.node as { __typename: string; code: string; responsibilities: Array<{ tasks?: Array<{ outputs?: unknown }> }> };
    expect(node.__typename).toBe('Standard');
    expect(node.code).toBe(STANDARD);
    expect(node.responsibilities[0]!.tasks!.length).toBeGreaterThan(0);
    expect(node.responsibilities[0]!.tasks![0]).not.toHaveProperty('outputs');
    expect(withTasks.body.data!.missing).toBeNull();

    const without = await both(query, { id: toGlobalId('Standard', STANDARD), withTasks: false, skipOutputs: false });
    expect((without.body.data!.node as { responsibilities: object[] }).responsibilities[0]).not.toHaveProperty('tasks');
  });

  it('answers introspection alike', async () => {
    const answer = await both(getIntrospectionQuery());
    expect((answer.body.data!.__schema as { types: unknown[] }).types.length).toBeGreaterThan(50);
  });

  it('answers deliberate errors, bad variables and an unknown operation name alike', async () => {
    const noFilter = await both('{ roleRequirements { tasks { code } } }');
    expect(noFilter.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const badVariable = await both('query Page($first: Int!) { standards(first: $first) { totalCount } }', { first: 'ten' });
    expect(badVariable.status).toBe(400);
    expect(badVariable.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(badVariable.body.errors?.[0]?.message).toMatch(/\$first/);

    const twoOperations = 'query A { a: __typename } query B { b: __typename }';
    const unknown = await both(twoOperations, {}, 'C');
    expect(unknown.body.errors?.[0]?.message).toMatch(/"C"/);
    expect((await both(twoOperations, {}, 'B')).body.data).toEqual({ b: 'Query' });
  });
});
