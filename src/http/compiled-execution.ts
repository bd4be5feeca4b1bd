// Executes operations with graphql-jit instead of graphql-js's interpreter. graphql-js walks the
// operation anew for every object of every answer: it coerces each field's arguments, builds a
// resolve-info object and tracks a promise per field. graphql-jit turns each distinct operation
// into a JavaScript function once, and that function does the same walk without the bookkeeping.
// On the national benchmark this takes about 40% off the server's CPU for a page of 50 standards
// and 10% for a standard's tree (README, Performance). Under sustained load with the response cache
// off the process holds more memory than with graphql-js (README, Load gate and soak), which is why
// COMPILED_EXECUTION=false remains.
//
// Apollo Server runs a custom executor only in its gateway mode, so this is a gateway whose schema
// never changes: Apollo still parses, validates and runs the plugins; only execution is replaced.
import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { execute, getVariableValues, GraphQLError, printSchema, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/** Operations kept compiled (a tree-sized one holds about 85 KB). Clients send a handful of distinct operations; others are compiled again when they return. */
const COMPILED_OPERATIONS = 100;

export function compiledExecution(schema: GraphQLSchema): GatewayInterface {
  const compiled = new CompiledOperations(schema, COMPILED_OPERATIONS);
  const executor: GatewayExecutor = async ({ source, document, operation, operationName, request, context }) => {
    const variables = request.variables ?? {};
    // No operation of that name (or several and no name): graphql-js says so without executing.
    if (!operation) return execute({ schema, document, operationName: request.operationName, variableValues: variables, contextValue: context }) as ExecutionResult;
    // Variables are checked by graphql-js first: its errors name the variable's definition, which
    // is how Apollo Server tells a client's bad input (400, BAD_USER_INPUT) from a fault of ours.
    const checked = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
    if (checked.errors) return { errors: checked.errors };
    const query = compiled.get(source, document, operationName);
    // An operation graphql-jit cannot compile comes back as the errors graphql-js would give.
    if (!isCompiledQuery(query)) return query;
    const result = await query.query(undefined, context, variables);
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
  };
  return {
    async load() {
      return { schema, executor };
    },
    // Apollo learns the schema through this callback.
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => {};
    },
    async stop() {},
  };
}

/**
 * graphql-jit's errors leave `extensions` undefined when their cause has none, where graphql-js
 * gives an empty object; Apollo Server reads it as an object. Each such error is remade as
 * graphql-js makes it: same message, place, path and cause.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  if (error.extensions) return error;
  const remade = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined });
  (remade as { locations?: GraphQLError['locations'] }).locations = error.locations;
  return remade;
}

type Compiled = CompiledQuery | ExecutionResult;

/** Compiled operations by their text and name, the least recently used dropped first. */
class CompiledOperations {
  private readonly entries = new Map<string, Compiled>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly capacity: number,
  ) {}

  get(source: string, document: DocumentNode, operationName: string | null): Compiled {
    const key = `${operationName ?? ''}\u0000${source}`;
    let operation = this.entries.get(key);
    if (operation) {
      this.entries.delete(key);
    } else {
      operation = compileQuery(this.schema, document, operationName ?? undefined);
      if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    }
    this.entries.set(key, operation);
    return operation;
  }
}
