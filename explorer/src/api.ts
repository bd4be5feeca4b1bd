// GraphQL over HTTP to this service's /graphql. Every view keeps the request that produced it, so
// it can be copied and replayed in GraphiQL or any client.

export const GRAPHQL_ENDPOINT = '/graphql';

export interface GraphQLRequest {
  query: string;
  variables: Record<string, unknown>;
}

interface GraphQLErrorShape {
  message: string;
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

/** Runs an operation and returns its data; throws ApiError on any error. */
export async function runQuery<T>(request: GraphQLRequest, signal?: AbortSignal): Promise<T> {
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
  if (body.errors?.length) {
    const [first] = body.errors;
    throw new ApiError(body.errors.map((e) => e.message).join('\n'), first?.extensions?.code);
  }
  if (!body.data) throw new ApiError(`The service answered ${response.status} without data.`);
  return body.data;
}

/** True for the rejection of a fetch cancelled by its AbortController. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** The request as text to paste into GraphiQL: the operation, then its variables. */
export function requestAsText(request: GraphQLRequest): string {
  return `${request.query.trim()}\n\n# Variables\n# ${JSON.stringify(request.variables, null, 2).split('\n').join('\n# ')}\n`;
}
