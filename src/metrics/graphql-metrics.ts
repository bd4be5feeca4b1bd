// Counts and times every GraphQL operation for /metrics: by operation name and outcome, latency,
// errors by code, and the documents importDocuments handled.
import type { ApolloServerPlugin } from '@apollo/server';
import type { Resolvers } from '../generated/graphql.js';
import type { ServiceMetrics } from './service-metrics.js';

/** Distinct operation names kept as labels; clients choose the names, so later ones count as `other`. */
const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;
const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

/** Codes that mean the client asked for something wrong; any other code is the server's failure. */
const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'COST_LIMIT_EXCEEDED',
  'PAYLOAD_TOO_LARGE',
]);

/** Labels operation names without letting clients grow the registry without bound. */
function operationLabeller(): (name: string | null | undefined, resolved: boolean) => string {
  const known = new Set<string>();
  return (name, resolved) => {
    if (!resolved) return 'invalid'; // the document did not parse or validate
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (known.has(name)) return name;
    if (known.size >= MAX_OPERATION_NAMES) return 'other';
    known.add(name);
    return name;
  };
}

export interface GraphqlMetrics {
  plugin: ApolloServerPlugin;
  /** Counts a query the response cache answered (Apollo never saw it): outcome `ok`, its duration. */
  countCacheHit(operationName: string | null, seconds: number): void;
}

export function graphqlMetrics(metrics: ServiceMetrics): GraphqlMetrics {
  const label = operationLabeller();
  const plugin: ApolloServerPlugin = {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ response, operation, operationName }) {
          const operationLabel = label(operationName, Boolean(operation));
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          let outcome = errors.length === 0 ? 'ok' : 'client_error';
          for (const error of errors) {
            const raw = error.extensions?.code;
            const code = typeof raw === 'string' && ERROR_CODE.test(raw) ? raw : 'OTHER';
            metrics.graphqlErrors.inc({ code });
            if (!CLIENT_CODES.has(code)) outcome = 'server_error';
          }
          metrics.graphqlRequests.inc({ operation: operationLabel, outcome });
          metrics.graphqlDuration.observe({ operation: operationLabel }, Number(process.hrtime.bigint() - started) / 1e9);
        },
      };
    },
  };
  return {
    plugin,
    countCacheHit(operationName, seconds) {
      const operationLabel = label(operationName, true);
      metrics.graphqlRequests.inc({ operation: operationLabel, outcome: 'ok' });
      metrics.graphqlDuration.observe({ operation: operationLabel }, seconds);
    },
  };
}

type ImportResolver = (parent: unknown, args: { input: { dryRun?: boolean | null } }, context: unknown, info: unknown) => Promise<{ results: Array<{ status: string }> }>;

/** The resolvers with importDocuments counting each document's outcome; everything else untouched. */
export function countImportedDocuments(resolvers: Resolvers[], metrics: ServiceMetrics): Resolvers[] {
  return resolvers.map((part) => {
    const original = part.Mutation?.importDocuments as ImportResolver | undefined;
    if (typeof original !== 'function') return part;
    const counted: ImportResolver = async (parent, args, context, info) => {
      const payload = await original(parent, args, context, info);
      const dryRun = String(args.input.dryRun ?? false);
      for (const result of payload.results) metrics.importDocuments.inc({ status: result.status, dry_run: dryRun });
      return payload;
    };
    return { ...part, Mutation: { ...part.Mutation, importDocuments: counted } } as unknown as Resolvers;
  });
}
