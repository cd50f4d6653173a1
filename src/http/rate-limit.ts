import type { Request, RequestHandler } from 'express';
import { AppError } from '../core/errors';

const WINDOW_SECONDS = 60;

/**
 * Requests per client per minute, with the IETF RateLimit-Policy / RateLimit headers; `clientOf`
 * names the client (undefined: not limited). Counts live in this process: behind a load balancer
 * each process allows the limit, which bounds abuse without a database write per request.
 * Nothing correctness needs depends on it.
 */
function limitBy(policy: string, perMinute: number, clientOf: (req: Request) => string | undefined, now: () => number): RequestHandler {
  const windows = new Map<string, { start: number; count: number }>();
  return function limitRate(req, res, next) {
    const client = perMinute === 0 ? undefined : clientOf(req);
    if (client === undefined) return next();
    const t = now();
    let window = windows.get(client);
    if (!window || t - window.start >= WINDOW_SECONDS * 1000) {
      window = { start: t, count: 0 };
      windows.set(client, window);
      if (windows.size > 100_000) sweep(windows, t);
    }
    window.count += 1;
    const reset = Math.max(1, Math.ceil((window.start + WINDOW_SECONDS * 1000 - t) / 1000));
    res.setHeader('RateLimit-Policy', `"${policy}";q=${perMinute};w=${WINDOW_SECONDS}`);
    res.setHeader('RateLimit', `"${policy}";r=${Math.max(0, perMinute - window.count)};t=${reset}`);
    if (window.count > perMinute) throw AppError.tooManyRequests(reset);
    next();
  };
}

/** Requests per API key per minute (routes with a key). */
export function rateLimit(perMinute: number, now: () => number = Date.now): RequestHandler {
  return limitBy('per-key', perMinute, (req) => req.actor?.keyId ?? undefined, now);
}

/**
 * Requests per client address per minute, for the public routes that need no key. The address is
 * Express's `req.ip`: behind a proxy, set TRUST_PROXY so that it is the client's, not the proxy's.
 */
export function rateLimitByAddress(perMinute: number, now: () => number = Date.now): RequestHandler {
  return limitBy('per-address', perMinute, (req) => req.ip ?? req.socket.remoteAddress ?? 'unknown', now);
}

function sweep(windows: Map<string, { start: number }>, t: number): void {
  for (const [key, window] of windows) if (t - window.start >= WINDOW_SECONDS * 1000) windows.delete(key);
}
