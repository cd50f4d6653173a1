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
