// What every request gets before any route sees it: an id (the caller's `x-request-id`, or a new
// one) echoed in the response, an access-log line when the response is sent, and the HTTP metrics.
// It works on node's own request and response, so the front door (src/http/front-door.ts), which
// answers before Express, is logged and counted like every other route.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';

const REQUEST_ID = 'x-request-id';

/** The request's path without its query string. */
export function pathOf(req: IncomingMessage): string {
  const url = req.url ?? '/';
  const at = url.indexOf('?');
  return at === -1 ? url : url.slice(0, at);
}

/** The id `observeRequests` gave the request whose response this is. */
export function requestIdOf(res: ServerResponse): string {
  return String(res.getHeader(REQUEST_ID));
}

export function observeRequests(log: Logger, countResponse: ((path: string, res: ServerResponse) => void) | null): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const requestId = (req.headers[REQUEST_ID] as string | undefined)?.slice(0, 100) || randomUUID();
    res.setHeader(REQUEST_ID, requestId);
    const path = pathOf(req);
    countResponse?.(path, res);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      log.info({ requestId, method: req.method, path, status: res.statusCode, durationMs: Math.round(durationMs * 10) / 10 }, 'request');
    });
  };
}
