import type { DbClient } from '../../db/database';
import { asDate, asInt, asJson, type Sql } from '../../db/sql';
import type { AuditEventRow } from '../../write-path/audit-log';

export type { AuditEventRow };

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

const EVENT_COLUMNS = ['id', 'workspaceId', 'seq', 'at', 'actorKeyId', 'actorName', 'actorRole', 'action', 'entityType', 'entityId', 'before', 'after', 'requestId', 'prevHash', 'hash'];
const BATCH_SQL = `SELECT ${EVENT_COLUMNS.map((c) => `"${c}"`).join(', ')} FROM "AuditEvent" WHERE "workspaceId" = ? AND "seq" > ? ORDER BY "seq" LIMIT ?`;

/**
 * The next `size` events after `afterSeq`, in seq order, in plain SQL (decision 0005): the chain
 * check reads the whole trail, and Prisma's row mapping cost more than the hashing.
 */
export async function batchFrom(sql: Sql, workspaceId: string, afterSeq: number, size: number): Promise<AuditEventRow[]> {
  const rows = await sql.all<Record<string, unknown>>(BATCH_SQL, [workspaceId, afterSeq, size]);
  return rows.map((row) => ({
    ...(row as unknown as AuditEventRow),
    seq: asInt(row.seq),
    at: asDate(row.at),
    before: asJson(row.before),
    after: asJson(row.after),
  }));
}
