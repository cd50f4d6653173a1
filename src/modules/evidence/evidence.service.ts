import { z } from 'zod';
import type { Database, Tx } from '../../db/database';
import type { Sql } from '../../db/sql';
import { AppError } from '../../core/errors';
import { decodeCursor, toPage, type Page } from '../../http/pagination';
import { runWrite, type UnitOfWork, type WriteContext, type WriteResponse } from '../../write-path/unit-of-work';
import type { Actor } from '../../core/roles';
import * as claimsService from '../claims/claims.service';
import * as sourcesService from '../sources/sources.service';
import * as evidence from './evidence.repository';
import type { EvidenceCreate } from './evidence.schemas';

export type EvidenceView = Omit<evidence.EvidenceRow, 'workspaceId'>;

function present(row: evidence.EvidenceRow): EvidenceView {
  const { workspaceId: _w, ...view } = row;
  return view;
}

/** A claim's evidence as a column of a claim query (`claim` names the claim row), read by `evidenceOf`. */
export function evidenceColumn(sql: Sql, claim: string): string {
  return evidence.evidenceColumn(sql, claim);
}

export function evidenceOf(column: unknown): EvidenceView[] {
  return evidence.fromColumn(column).map(present);
}

/** A verdict needs evidence (DESIGN §4): how many links the claim has. */
export async function countEvidenceOfClaim(tx: Tx, claimId: string): Promise<number> {
  return evidence.countForClaim(tx, claimId);
}

export async function countEvidenceOfSource(tx: Tx, sourceId: string): Promise<number> {
  return evidence.countForSource(tx, sourceId);
}

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
  await sourcesService.requireSource(uow.tx, workspaceId, input.sourceId);
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
    const current = await evidence.find(uow.tx, uow.actor.workspaceId, claimId, id);
    if (!current) throw AppError.notFound('evidence', id);
    uow.expectVersion(current.version);
    if (!(await evidence.removeIfVersion(uow.tx, id, current.version))) throw AppError.preconditionFailed();
    await uow.audit({ action: 'evidence.delete', entityType: 'evidence', entityId: id, before: present(current), after: null });
    return { status: 204 };
  });
}
