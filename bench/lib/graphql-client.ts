// A minimal GraphQL-over-HTTP client for the benchmark: POST, JSON, fail on any GraphQL error.

export interface GraphqlResponse<T = Record<string, unknown>> {
  data: T;
  extensions?: Record<string, unknown>;
  /** Size of the response body in bytes. */
  bytes: number;
  /** The `x-cache` header (`hit` or `miss`) of a service with the response cache on; null without one. */
  cache: string | null;
}

export class GraphqlRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'GraphqlRequestError';
  }
}

/** Sends one operation; throws when the HTTP status is not 200 or the body carries errors. */
export async function graphql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphqlResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const buffer = Buffer.from(await response.arrayBuffer());
  const text = buffer.toString('utf8');
  let body: { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }>; extensions?: Record<string, unknown> };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new GraphqlRequestError(`HTTP ${response.status}: ${text.slice(0, 200)}`, response.status);
  }
  if (body.errors?.length) {
    const first = body.errors[0]!;
    throw new GraphqlRequestError(`${first.extensions?.code ?? 'ERROR'}: ${first.message}`, response.status);
  }
  if (!response.ok || body.data === undefined) throw new GraphqlRequestError(`HTTP ${response.status} without data`, response.status);
  return { data: body.data, extensions: body.extensions, bytes: buffer.length, cache: response.headers.get('x-cache') };
}
