import { z } from 'zod';
import type { Database } from '../../db/database';
import { AppError } from '../../core/errors';
import { decodeCursor, toPage, type Page } from '../../http/pagination';
import { runWrite, type UnitOfWork, type WriteContext, type WriteResponse } from '../../write-path/unit-of-work';
import type { Actor } from '../../core/roles';
import * as claimsService from '../claims/claims.service';
import * as sources from '../sources/sources.repository';
import * as evidence from './evidence.repository';
import { presentEvidence, type EvidenceView } from './evidence.views';
import type { EvidenceCreate } from './evidence.schemas';

export type { EvidenceView };
const present = presentEvidence;

const cursorSchema = z.object({ id: z.string() });

export async function listEvidence(db: Database, actor: Actor, claimId: string, query: { limit: number; cursor?: string }): Promise<Page<EvidenceView>> {
  await claimsService.requireClaim(db.sql, actor.workspaceId, claimId);
  const after = decodeCursor(query.cursor, cursorSchema);
  const rows = await evidence.listForClaim(db.sql, actor.workspaceId, claimId, query.limit + 1, after?.id);
  return toPage(rows, query.limit, present, (row) => ({ id: row.id }));
}

export async function getEvidence(db: Database, actor: Actor, claimId: string, id: string): Promise<EvidenceView> {
  const row = await evidence.find(db.reader, actor.workspaceId, claimId, id);
  if (!row) throw AppError.notFound('evidence', id);
  return present(row);
}

/** Links a source to a claim inside a unit of work (the API's POST and the demo seed). */
export async function linkEvidence(uow: UnitOfWork, claimId: string, input: EvidenceCreate): Promise<EvidenceView> {
  const workspaceId = uow.actor.workspaceId;
  await claimsService.requireClaim(uow.sql, workspaceId, claimId);
  // A reference in the body, like a claim's articleId: 422, and the same for another workspace's source.
  if (!(await sources.findActive(uow.tx, workspaceId, input.sourceId))) {
    throw AppError.unprocessable('The evidence names a source that does not exist.', [{ path: 'body.sourceId', message: `no source with id ${input.sourceId}` }]);
  }
  const existing = await evidence.findLink(uow.tx, claimId, input.sourceId, input.stance);
  if (existing) throw AppError.conflict(`This source is already linked to the claim as ${input.stance}.`, { existingId: existing.id });
  const row = await evidence.insert(uow.tx, workspaceId, {
    claimId,
    sourceId: input.sourceId,
    stance: input.stance,
    excerpt: input.excerpt ?? null,
    note: input.note ?? null,
    createdById: uow.actor.keyId,
  });
  const view = present(row);
  await uow.audit({ action: 'evidence.create', entityType: 'evidence', entityId: row.id, before: null, after: view });
  return view;
}

export async function addEvidence(db: Database, context: WriteContext, claimId: string, input: EvidenceCreate): Promise<WriteResponse & { replayed: boolean }> {
  return runWrite(db, context, async (uow) => {
    const view = await linkEvidence(uow, claimId, input);
    return { status: 201, body: view, version: view.version, location: `/v1/claims/${claimId}/evidence/${view.id}` };
  });
}

export async function removeEvidence(db: Database, context: WriteContext, claimId: string, id: string): Promise<WriteResponse & { replayed: boolean }> {
  return runWrite(db, context, async (uow) => {
    const { current } = await uow.changeVersioned(
      'evidence',
      id,
      () => evidence.find(uow.tx, uow.actor.workspaceId, claimId, id),
      (current) => evidence.removeIfVersion(uow.tx, id, current.version),
    );
    await uow.audit({ action: 'evidence.delete', entityType: 'evidence', entityId: id, before: present(current), after: null });
    return { status: 204 };
  });
}
