import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import type { WriteResponse } from '../write-path/unit-of-work';
import { etagOf } from './etag';

export { etagOf };

function matchesIfNoneMatch(req: Request, etag: string): boolean {
  const header = req.get('if-none-match');
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** A single resource with its `ETag`; 304 when the client's copy is current. */
export function sendResource(req: Request, res: Response, body: unknown, version: number): void {
  const etag = etagOf(version);
  res.setHeader('ETag', etag);
  if (matchesIfNoneMatch(req, etag)) {
    res.status(304).end();
    return;
  }
  res.status(200).json(body);
}

/** A write's response, fresh or replayed for a repeated `Idempotency-Key`. */
export function sendWrite(res: Response, response: WriteResponse & { replayed: boolean }): void {
  if (response.version !== undefined) res.setHeader('ETag', etagOf(response.version));
  if (response.location) res.setHeader('Location', response.location);
  if (response.replayed) res.setHeader('Idempotent-Replayed', 'true');
  res.status(response.status);
  if (response.body === undefined) res.end();
  else res.json(response.body);
}

/** How long shared caches and browsers may keep a public answer (a correction shows within this). */
export const PUBLIC_MAX_AGE_SECONDS = 60;

/**
 * A public answer (no key) that caches may keep and any site may fetch: its `ETag` is a hash of
 * the exact bytes, so it changes with anything the body says (a verdict, a correction, the
 * workspace's name); 304 when the client's copy is current. It replaces the global no-store.
 */
export function sendPublic(req: Request, res: Response, body: unknown, contentType: string): void {
  const text = JSON.stringify(body);
  const etag = `"${createHash('sha256').update(text, 'utf8').digest('base64url').slice(0, 32)}"`;
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', `public, max-age=${PUBLIC_MAX_AGE_SECONDS}`);
  res.setHeader('Access-Control-Allow-Origin', '*');
  // A newsroom's page embeds this cross-origin; helmet's default is same-origin.
  res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
  if (matchesIfNoneMatch(req, etag)) {
    res.status(304).end();
    return;
  }
  res.status(200).setHeader('Content-Type', `${contentType}; charset=utf-8`);
  res.send(text);
}
