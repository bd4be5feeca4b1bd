// Errors on their way to the client. Deliberate errors keep their code and message; database
// outages and timeouts get theirs; anything else is a fault of ours: it is logged, stack included,
// under the request id and a fresh error id, and the client gets INTERNAL_SERVER_ERROR and that id
// only - never a stack trace, a driver message or the Cypher that failed.
import { randomUUID } from 'node:crypto';
import type { ApolloServerOptions, ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import type { RequestContext } from '../modules/context.js';
import { DatabaseUnavailableError, QueryTimeoutError } from '../db/query.js';

/** True for an error nobody meant to send: no code of its own, or Apollo's catch-all. */
function isUnexpected(error: GraphQLError): boolean {
  const original = unwrapResolverError(error);
  if (original instanceof DatabaseUnavailableError || original instanceof QueryTimeoutError) return false;
  const code = error.extensions?.code;
  return !code || code === 'INTERNAL_SERVER_ERROR';
}

export interface ErrorReporting {
  /** Logs each unexpected error with the request's logger (so with its request id). */
  plugin: ApolloServerPlugin<RequestContext>;
  formatError: NonNullable<ApolloServerOptions<RequestContext>['formatError']>;
}

export function errorReporting(options: { log: Logger; debugErrors: boolean }): ErrorReporting {
  // The plugin sees the request (and its logger) but cannot change what is sent; formatError
  // changes what is sent but sees no request. Apollo hands both the same error object.
  const errorIds = new WeakMap<GraphQLError, string>();

  const plugin: ApolloServerPlugin<RequestContext> = {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            if (!isUnexpected(error)) continue;
            const errorId = randomUUID();
            errorIds.set(error, errorId);
            contextValue.log.error(
              { err: unwrapResolverError(error), errorId, path: error.path, operationName: operationName ?? null },
              'unexpected error in a GraphQL operation',
            );
          }
        },
      };
    },
  };

  const formatError = (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DatabaseUnavailableError) {
      return { message: 'The graph database is unavailable; try again shortly.', extensions: { code: 'SERVICE_UNAVAILABLE' } };
    }
    if (original instanceof QueryTimeoutError) {
      return { message: 'The query took longer than the server allows.', extensions: { code: 'QUERY_TIMEOUT' } };
    }
    const code = formatted.extensions?.code;
    if (code && code !== 'INTERNAL_SERVER_ERROR') {
      // Deliberate errors keep their message and code; a stack trace only with DEBUG_ERRORS.
      if (options.debugErrors) return formatted;
      const { stacktrace: _dropped, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    let errorId = errorIds.get(error as GraphQLError);
    if (!errorId) {
      // Raised outside an operation's execution (no request logger reached it): log it here.
      errorId = randomUUID();
      options.log.error({ err: original, errorId, path: formatted.path }, 'unexpected error in a GraphQL operation');
    }
    return {
      message: `Internal server error (error id ${errorId})`,
      path: formatted.path,
      extensions: {
        code: 'INTERNAL_SERVER_ERROR',
        errorId,
        ...(options.debugErrors ? { debug: { message: (original as Error)?.message, stack: (original as Error)?.stack } } : {}),
      },
    };
  };

  return { plugin, formatError };
}
