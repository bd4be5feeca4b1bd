// Counts every HTTP response by route and status, so refusals that never reach GraphQL (413, 429,
// malformed JSON) show up in /metrics too.
import type { NextFunction, Request, Response } from 'express';
import type { ServiceMetrics } from './service-metrics.js';

/** The service's routes; anything else is `other`, so scanners cannot add labels. */
const ROUTES = ['/graphql', '/graphiql', '/explorer', '/healthz', '/readyz', '/metrics'];

function routeOf(path: string): string {
  return ROUTES.find((route) => path === route || path.startsWith(`${route}/`)) ?? 'other';
}

export function httpMetrics(metrics: ServiceMetrics) {
  return (req: Request, res: Response, next: NextFunction) => {
    // Read now: routers mounted below rewrite req.url while they handle the request.
    const route = routeOf(req.path);
    res.on('finish', () => metrics.httpResponses.inc({ route, status: String(res.statusCode) }));
    next();
  };
}
