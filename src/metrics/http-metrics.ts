// Counts every HTTP response by route and status, so refusals that never reach GraphQL (413, 429,
// malformed JSON) and answers from the front door (src/http/front-door.ts) show up in /metrics too.
import type { ServerResponse } from 'node:http';
import type { ServiceMetrics } from './service-metrics.js';

/** The service's routes; anything else is `other`, so scanners cannot add labels. */
const ROUTES = ['/graphql', '/graphiql', '/explorer', '/healthz', '/readyz', '/metrics'];

function routeOf(path: string): string {
  return ROUTES.find((route) => path === route || path.startsWith(`${route}/`)) ?? 'other';
}

/** Counts a response when it is sent; called once per request, with its path, before any route. */
export function httpMetrics(metrics: ServiceMetrics): (path: string, res: ServerResponse) => void {
  return (path, res) => {
    const route = routeOf(path);
    res.on('finish', () => metrics.httpResponses.inc({ route, status: String(res.statusCode) }));
  };
}
