// GraphQL over HTTP to this service's /graphql. Every view keeps the request that produced it, so
// it can be copied and replayed in GraphiQL or any client.

export const GRAPHQL_ENDPOINT = '/graphql';

export interface GraphQLRequest {
  query: string;
  variables: Record<string, unknown>;
}

interface GraphQLErrorShape {
  message: string;
  path?: Array<string | number>;
  extensions?: { code?: string };
}

/** The service answered with errors (or not at all). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Data and the errors of fields that failed while the rest of the answer came through. */
export interface PartialResult<T> {
  data: T;
  /** Messages of the failed fields, with where they are (`node.notes: …`). */
  warnings: string[];
}

function describe(error: GraphQLErrorShape): string {
  return error.path?.length ? `${error.path.join('.')}: ${error.message}` : error.message;
}

/**
 * Runs an operation. A field that fails only nulls itself (GraphQL's rule), so an answer with data
 * and errors comes back with the errors as warnings; an answer without data throws ApiError.
 */
export async function runQueryPartial<T>(request: GraphQLRequest, signal?: AbortSignal): Promise<PartialResult<T>> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify(request),
      signal,
    });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError('The service cannot be reached.');
  }
  let body: { data?: T | null; errors?: GraphQLErrorShape[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new ApiError(`The service answered ${response.status} without a GraphQL response.`);
  }
  const errors = body.errors ?? [];
  if (body.data === null || body.data === undefined) {
    const [first] = errors;
    throw new ApiError(errors.length ? errors.map(describe).join('\n') : `The service answered ${response.status} without data.`, first?.extensions?.code);
  }
  return { data: body.data, warnings: errors.map(describe) };
}

/** Runs an operation and returns its data; throws ApiError on any error, even a partial one. */
export async function runQuery<T>(request: GraphQLRequest, signal?: AbortSignal): Promise<T> {
  const { data, warnings } = await runQueryPartial<T>(request, signal);
  if (warnings.length) throw new ApiError(warnings.join('\n'));
  return data;
}

/** True for the rejection of a fetch cancelled by its AbortController. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** The request as text to paste into GraphiQL: the operation, then its variables. */
export function requestAsText(request: GraphQLRequest): string {
  return `${request.query.trim()}\n\n# Variables\n# ${JSON.stringify(request.variables, null, 2).split('\n').join('\n# ')}\n`;
}
