import type { Database, Tx } from '../../db/database';
import { AppError } from '../../core/errors';
import { id as workspaceIdSchema } from '../../http/schemas';
import { runWrite, type UnitOfWork, type WriteContext, type WriteResponse } from '../../write-path/unit-of-work';
import * as apiKeysService from '../auth/api-keys.service';
import type { Actor } from '../../core/roles';
import * as workspaces from './workspaces.repository';

export type { WorkspaceRow } from './workspaces.repository';

/** The actor of changes claimtrack makes itself (first start, demo data). */
export function systemActor(workspaceId: string): Actor {
  return { keyId: null, name: 'claimtrack', role: 'admin', workspaceId };
}

/** Four eyes (DESIGN §4): whether the key that proposed a review is barred from publishing it. */
export async function fourEyesRequired(tx: Tx, workspaceId: string): Promise<boolean> {
  return (await workspaces.findById(tx, workspaceId))?.fourEyes ?? true;
}

export async function findFirstWorkspace(db: Database) {
  return workspaces.findFirst(db.reader);
}

/** Creates the first workspace on an empty database; returns it either way. */
export async function ensureFirstWorkspace(db: Database): Promise<workspaces.WorkspaceRow> {
  const existing = await workspaces.findFirst(db.reader);
  if (existing) return existing;
  const created = await runWrite(db, { actor: systemActor(''), requestId: 'startup' }, async (uow) => {
    const again = await workspaces.findFirst(uow.tx);
    return { status: 200, body: again ?? (await insertWorkspace(uow, 'Default workspace')) };
  });
  return created.body as workspaces.WorkspaceRow;
}

async function insertWorkspace(uow: UnitOfWork, name: string) {
  const workspace = await workspaces.insert(uow.tx, { name });
  // The new workspace's history starts with its creation; when a key made it, the creating
  // workspace's chain records that too, for its auditor.
  const entry = { action: 'workspace.create' as const, entityType: 'workspace', entityId: workspace.id, before: null, after: workspace };
  await uow.audit({ ...entry, workspaceId: workspace.id });
  if (uow.actor.keyId !== null) await uow.audit(entry);
  return workspace;
}

/** `POST /v1/workspaces`: only an admin of the first workspace may; answers the first admin key. */
export async function createWorkspace(db: Database, context: WriteContext, input: { name: string }): Promise<WriteResponse & { replayed: boolean }> {
  const first = await workspaces.findFirst(db.reader);
  if (!first || context.actor.workspaceId !== first.id) {
    throw AppError.forbidden('Only an admin of the first workspace may create workspaces.');
  }
  return runWrite(db, context, async (uow) => {
    const workspace = await insertWorkspace(uow, input.name);
    const { key, secret } = await apiKeysService.insertKey(uow, { workspaceId: workspace.id, name: 'admin', role: 'admin' });
    return {
      status: 201,
      location: `/v1/workspaces/${workspace.id}`,
      body: { workspace, apiKey: { id: key.id, name: key.name, role: key.role, secret } },
    };
  });
}

/** A workspace named by its id or its slug (the public feed's `?workspace=`); null when none is. */
export async function findByIdOrSlug(db: Database, idOrSlug: string): Promise<workspaces.WorkspaceRow | null> {
  return workspaceIdSchema.safeParse(idOrSlug).success ? workspaces.findById(db.reader, idOrSlug) : workspaces.findBySlug(db.reader, idOrSlug);
}

/** The caller's own workspace; any other id is 404 (no existence leak). */
export async function getWorkspace(db: Database, actor: Actor, id: string): Promise<workspaces.WorkspaceRow> {
  const row = id === actor.workspaceId ? await workspaces.findById(db.reader, id) : null;
  if (!row) throw AppError.notFound('workspace', id);
  return row;
}

/**
 * `PATCH /v1/workspaces/:id` (admin of that workspace): rename, turn four eyes off or on, set the
 * public feed's slug and the ClaimReview settings. A slug another workspace holds is 409.
 */
export async function updateWorkspace(
  db: Database,
  context: WriteContext,
  id: string,
  patch: workspaces.WorkspaceChange,
): Promise<WriteResponse & { replayed: boolean }> {
  return runWrite(db, context, async (uow) => {
    const { current, written: updated } = await uow.changeVersioned(
      'workspace',
      id,
      async () => (id === uow.actor.workspaceId ? workspaces.findById(uow.tx, id) : null),
      async (current) => {
        if (patch.slug) {
          const holder = await workspaces.findBySlug(uow.tx, patch.slug);
          if (holder && holder.id !== id) throw AppError.conflict(`Another workspace has the slug "${patch.slug}"; choose another.`);
        }
        return workspaces.updateIfVersion(uow.tx, id, current.version, patch);
      },
    );
    await uow.audit({ action: 'workspace.update', entityType: 'workspace', entityId: id, before: current, after: updated });
    return { status: 200, body: updated, version: updated.version };
  });
}
