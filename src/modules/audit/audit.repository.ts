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
 * Appends events to their workspace's chain, in order, inside the caller's transaction: one
 * increment of the workspace's `auditSeq` reserves their seqs and takes that row's lock
 * (PostgreSQL) or runs alone (SQLite's single writer), so `seq` is gap-free and the chain never
 * forks; the hashes are chained here and the rows written in one statement.
 */
export async function appendMany(tx: Tx, events: NewAuditEvent[]): Promise<void> {
  const workspaceId = events[0]?.workspaceId;
  if (workspaceId === undefined) return;
  if (events.some((event) => event.workspaceId !== workspaceId)) throw new Error('appendMany takes the events of one workspace');
  const head = await tx.workspace.update({
    where: { id: workspaceId },
    data: { auditSeq: { increment: events.length } },
    select: { auditSeq: true, auditHeadHash: true },
  });
  const at = new Date();
  let prevHash = head.auditHeadHash;
  const rows = events.map((event, i) => {
    const content: AuditEventContent = { ...event, seq: head.auditSeq - events.length + 1 + i, at: at.toISOString(), prevHash };
    const hash = hashAuditEvent(content);
    const row = {
      workspaceId,
      seq: content.seq,
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
      prevHash,
      hash,
    };
    prevHash = hash;
    return row;
  });
  await tx.auditEvent.createMany({ data: rows });
  await tx.workspace.update({ where: { id: workspaceId }, data: { auditHeadHash: prevHash } });
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
