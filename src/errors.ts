// GraphQL errors the API returns on purpose, each with a stable `extensions.code`. Anything else
// that reaches the client is masked as INTERNAL_SERVER_ERROR with a request id (see server.ts).
import { GraphQLError } from 'graphql';

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'SERVICE_UNAVAILABLE'
  | 'QUERY_TIMEOUT'
  | 'INTERNAL_SERVER_ERROR';

export class ApiError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

/** A caller's argument is out of range or malformed; the message says what is allowed. */
export const badUserInput = (message: string, argument?: string): ApiError =>
  new ApiError('BAD_USER_INPUT', message, argument ? { argument } : {});

export const unauthenticated = (message = 'This operation requires `Authorization: Bearer <ADMIN_TOKEN>`.'): ApiError =>
  new ApiError('UNAUTHENTICATED', message);

export const serviceUnavailable = (): ApiError =>
  new ApiError('SERVICE_UNAVAILABLE', 'The graph database is unavailable; try again shortly.');

export const queryTimeout = (): ApiError =>
  new ApiError('QUERY_TIMEOUT', 'The query took longer than the server allows; ask for less (smaller `first`, lower `depth`).');
