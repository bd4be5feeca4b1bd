// The GraphQL-shaped error body of a request refused before GraphQL runs (too large, malformed,
// rate limited), written with node's own response so that every layer can send it.
import type { ServerResponse } from 'node:http';

export function sendJsonError(res: ServerResponse, status: number, code: string, message: string): void {
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}
