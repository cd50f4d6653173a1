import { AppError } from '../core/errors';
import type { RouteInput } from '../http/route';
import { requestFingerprint, type WriteContext } from './unit-of-work';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** The write context of a request: who, which request, its If-Match, and a POST's Idempotency-Key. */
export function writeContext(input: RouteInput<unknown, unknown, unknown>): WriteContext {
  const { req, idempotencyKey } = input;
  let idempotency: WriteContext['idempotency'];
  if (idempotencyKey !== undefined && req.method === 'POST') {
    if (!IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw AppError.badRequest('Idempotency-Key must be 1 to 255 visible ASCII characters.', [
        { path: 'headers.idempotency-key', message: 'invalid' },
      ]);
    }
    idempotency = { key: idempotencyKey, fingerprint: requestFingerprint(req.method, req.originalUrl, input.body) };
  }
  return { actor: input.actor, requestId: input.requestId, ifMatch: input.ifMatch, idempotency };
}
