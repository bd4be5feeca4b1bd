// A minimal GraphQL-over-HTTP client for the benchmark: POST, JSON, fail on any GraphQL error.
//
// It speaks node:http over kept-alive connections rather than fetch: the load generator shares the
// machine's cores with the service and Neo4j, and fetch costs it two to three times the CPU per
// request (0.3–0.8 ms against 0.1–0.4 ms, measured on this bench's queries), which would count
// against the API in every latency figure. The raw-Cypher side is likewise driven by the lean
// client of its protocol, the Neo4j driver.
import http from 'node:http';

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

const agent = new http.Agent({ keepAlive: true });

interface RawResponse {
  status: number;
  body: Buffer;
  cache: string | null;
}

function post(url: string, body: string, headers: Record<string, string>): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          accept: 'application/graphql-response+json, application/json',
          ...headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const cache = response.headers['x-cache'];
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks), cache: typeof cache === 'string' ? cache : null });
        });
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) => {
      // A server may close a kept-alive connection that sat idle (Node's keepAliveTimeout) just as
      // the next request goes out on it: that request never reached the server, so send it again.
      if (request.reusedSocket && error.code === 'ECONNRESET') post(url, body, headers).then(resolve, reject);
      else reject(error);
    });
    request.end(body);
  });
}

/** Sends one operation; throws when the HTTP status is not 200 or the body carries errors. */
export async function graphql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphqlResponse<T>> {
  const response = await post(url, JSON.stringify({ query, variables }), headers);
  const text = response.body.toString('utf8');
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
  if (response.status !== 200 || body.data === undefined) throw new GraphqlRequestError(`HTTP ${response.status} without data`, response.status);
  return { data: body.data, extensions: body.extensions, bytes: response.body.length, cache: response.cache };
}
