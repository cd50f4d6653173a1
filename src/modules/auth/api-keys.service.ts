import type { Database } from '../../db/database';
import { AppError } from '../../core/errors';
import { decodeCursor, toPage, type Page } from '../../http/pagination';
import { runWrite, type UnitOfWork, type WriteContext, type WriteResponse } from '../../write-path/unit-of-work';
import { z } from 'zod';
import * as apiKeys from './api-keys.repository';
import type { Actor, Role } from '../../core/roles';
import { hashSecret, newSecret, secretPrefix } from './secrets';

export type ApiKeyView = Omit<apiKeys.ApiKeyRow, 'workspaceId'>;

function present(row: apiKeys.ApiKeyRow): ApiKeyView {
  const { workspaceId: _workspaceId, ...view } = row;
  return view;
}

/** Inserts a key inside a unit of work; the secret is returned once and only its hash is kept. */
export async function insertKey(
  uow: UnitOfWork,
  input: { workspaceId: string; name: string; role: Role; secret?: string },
): Promise<{ key: ApiKeyView; secret: string }> {
  const secret = input.secret ?? newSecret();
  const row = await apiKeys.insert(uow.tx, {
    workspaceId: input.workspaceId,
    name: input.name,
    role: input.role,
    secretHash: hashSecret(secret),
    prefix: secretPrefix(secret),
  });
  await uow.audit({ action: 'api_key.create', entityType: 'api_key', entityId: row.id, before: null, after: present(row), workspaceId: input.workspaceId });
  return { key: present(row), secret };
}

export async function createKey(db: Database, context: WriteContext, input: { name: string; role: Role }): Promise<WriteResponse & { replayed: boolean }> {
  return runWrite(db, context, async (uow) => {
    const { key, secret } = await insertKey(uow, { ...input, workspaceId: uow.actor.workspaceId });
    return { status: 201, location: `/v1/api-keys/${key.id}`, version: key.version, body: { ...key, secret } };
  });
}

const cursorSchema = z.object({ id: z.string() });

export async function listKeys(db: Database, actor: Actor, limit: number, cursor?: string): Promise<Page<ApiKeyView>> {
  const after = decodeCursor(cursor, cursorSchema);
  const rows = await apiKeys.listPage(db.reader, actor.workspaceId, limit + 1, after?.id);
  return toPage(rows, limit, present, (row) => ({ id: row.id }));
}

export async function getKey(db: Database, actor: Actor, id: string): Promise<ApiKeyView> {
  const key = await apiKeys.findInWorkspace(db.reader, actor.workspaceId, id);
  if (!key) throw AppError.notFound('API key', id);
  return present(key);
}

/** Revoking is idempotent: a second revoke answers the same and records nothing. */
export async function revokeKey(db: Database, context: WriteContext, id: string): Promise<WriteResponse & { replayed: boolean }> {
  return runWrite(db, context, async (uow) => {
    const key = await apiKeys.findInWorkspace(uow.tx, uow.actor.workspaceId, id);
    if (!key) throw AppError.notFound('API key', id);
    if (!key.revokedAt) {
      const revoked = await apiKeys.revoke(uow.tx, id, new Date());
      await uow.audit({ action: 'api_key.revoke', entityType: 'api_key', entityId: id, before: present(key), after: present(revoked) });
    }
    return { status: 204 };
  });
}

/**
 * At start: `BOOTSTRAP_ADMIN_KEY` becomes the admin key of a workspace that has none; without it,
 * a new admin key is made and returned so the caller can print it once.
 */
export async function bootstrapAdminKey(db: Database, workspaceId: string, actor: Actor, secret?: string): Promise<string | undefined> {
  if ((await apiKeys.countInWorkspace(db.reader, workspaceId)) > 0) return undefined;
  const result = await runWrite(db, { actor, requestId: 'startup' }, async (uow) => {
    if ((await apiKeys.countInWorkspace(uow.tx, workspaceId)) > 0) return { status: 200 };
    const created = await insertKey(uow, { workspaceId, name: 'bootstrap admin', role: 'admin', secret });
    return { status: 201, body: created.secret };
  });
  return result.body;
}
