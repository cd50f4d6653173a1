import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { Database } from '../../db/database';
import { AppError } from '../../core/errors';
import * as apiKeys from './api-keys.repository';
import type { Actor, Role } from '../../core/roles';
import { hashSecret } from './secrets';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      actor?: Actor;
    }
  }
}

/** `lastUsedAt` is a hint for people, so it is written at most this often per key. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Resolves `Authorization: Bearer <secret>` to its key on every request, from committed data:
 * a revoked key fails on its very next request, in every process.
 */
export function authenticate(db: Database, logger: Logger): RequestHandler {
  return async function authenticateRequest(req, _res, next) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
    if (!match?.[1]) throw AppError.unauthorized();
    const key = await apiKeys.findBySecretHash(db.sql, hashSecret(match[1]));
    if (!key || key.revokedAt) throw AppError.unauthorized('This API key is unknown or was revoked.');
    req.actor = { keyId: key.id, name: key.name, role: key.role as Role, workspaceId: key.workspaceId };
    const now = new Date();
    if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
      db.write((tx) => apiKeys.touch(tx, key.id, now)).catch((err: unknown) => logger.warn({ err }, 'could not record lastUsedAt'));
    }
    next();
  };
}
