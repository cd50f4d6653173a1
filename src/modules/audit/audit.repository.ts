import type { DbClient, Tx } from '../../db/database';
import { toJsonColumn } from '../../db/json';
import { hashAuditEvent, type AuditEventContent } from './audit-chain';

export interface AuditEventRow {
  id: string;
  workspaceId: string;
  seq: number;
  at: Date;
  actorKeyId: string | null;
  actorName: string;
  actorRole: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string;
  prevHash: string;
  hash: string;
}

export type NewAuditEvent = Omit<AuditEventContent, 'seq' | 'prevHash' | 'at'>;

/** What a stored event's hash covers (the one definition `append` and verification share). */
export function contentOf(row: AuditEventRow): AuditEventContent {
  return {
    workspaceId: row.workspaceId,
    seq: row.seq,
    at: row.at.toISOString(),
    actor: { keyId: row.actorKeyId, name: row.actorName, role: row.actorRole },
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before ?? null,
    after: row.after ?? null,
    requestId: row.requestId,
    prevHash: row.prevHash,
  };
}

/**
 * Appends one event to its workspace's chain, inside the caller's transaction.
 * Incrementing the workspace's `auditSeq` first takes that row's lock (PostgreSQL) or runs
 * alone (SQLite's single writer), so `seq` is gap-free and the chain never forks.
 */
export async function append(tx: Tx, event: NewAuditEvent): Promise<AuditEventRow> {
  const head = await tx.workspace.update({
    where: { id: event.workspaceId },
    data: { auditSeq: { increment: 1 } },
    select: { auditSeq: true, auditHeadHash: true },
  });
  const at = new Date();
  const content: AuditEventContent = { ...event, seq: head.auditSeq, at: at.toISOString(), prevHash: head.auditHeadHash };
  const hash = hashAuditEvent(content);
  const row = await tx.auditEvent.create({
    data: {
      workspaceId: event.workspaceId,
      seq: head.auditSeq,
      at,
      actorKeyId: event.actor.keyId,
      actorName: event.actor.name,
      actorRole: event.actor.role,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      before: toJsonColumn(event.before),
      after: toJsonColumn(event.after),
      requestId: event.requestId,
      prevHash: head.auditHeadHash,
      hash,
    },
  });
  await tx.workspace.update({ where: { id: event.workspaceId }, data: { auditHeadHash: hash } });
  return row as AuditEventRow;
}

export interface AuditFilter {
  entityId?: string;
  action?: string;
  actor?: string;
  from?: Date;
  to?: Date;
}

export async function listPage(
  db: DbClient,
  workspaceId: string,
  filter: AuditFilter,
  limit: number,
  afterSeq?: number,
): Promise<AuditEventRow[]> {
  return (await db.auditEvent.findMany({
    where: {
      workspaceId,
      ...(filter.entityId ? { entityId: filter.entityId } : {}),
      ...(filter.action ? { action: filter.action } : {}),
      ...(filter.actor ? { actorKeyId: filter.actor } : {}),
      ...(filter.from || filter.to ? { at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } } : {}),
      ...(afterSeq !== undefined ? { seq: { gt: afterSeq } } : {}),
    },
    orderBy: { seq: 'asc' },
    take: limit,
  })) as AuditEventRow[];
}

export async function chainHead(db: DbClient, workspaceId: string): Promise<{ auditSeq: number; auditHeadHash: string }> {
  return db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { auditSeq: true, auditHeadHash: true } });
}

export async function batchFrom(db: DbClient, workspaceId: string, afterSeq: number, size: number): Promise<AuditEventRow[]> {
  return (await db.auditEvent.findMany({
    where: { workspaceId, seq: { gt: afterSeq } },
    orderBy: { seq: 'asc' },
    take: size,
  })) as AuditEventRow[];
}
