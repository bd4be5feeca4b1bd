import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJsonError } from './json-error.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * A fixed one-minute window per client IP. In-memory, so each replica counts its own clients;
 * put a shared limiter in front of the load balancer when that matters. It runs before any route
 * (src/server.ts), so it answers refused requests itself and returns whether it did.
 */
export function rateLimit(perMinute: number, includeLoopback: boolean): (req: IncomingMessage, res: ServerResponse) => boolean {
  const windows = new Map<string, { started: number; count: number }>();
  return (req, res) => {
    const ip = req.socket.remoteAddress ?? 'unknown';
    if (!includeLoopback && LOOPBACK.has(ip)) return false;
    const now = Date.now();
    let window = windows.get(ip);
    if (!window || now - window.started >= 60_000) {
      if (windows.size > 100_000) windows.clear(); // bound memory under an address-spraying flood
      window = { started: now, count: 0 };
      windows.set(ip, window);
    }
    window.count += 1;
    if (window.count <= perMinute) return false;
    res.setHeader('retry-after', String(Math.ceil((window.started + 60_000 - now) / 1000)));
    sendJsonError(res, 429, 'RATE_LIMITED', `Rate limit of ${perMinute} requests per minute exceeded.`);
    return true;
  };
}
