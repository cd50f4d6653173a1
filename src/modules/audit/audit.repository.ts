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

export async function batchFrom(db: DbClient, workspaceId: string, afterSeq: number, size: number): Promise<AuditEventRow[]> {
  return (await db.auditEvent.findMany({
    where: { workspaceId, seq: { gt: afterSeq } },
    orderBy: { seq: 'asc' },
    take: size,
  })) as AuditEventRow[];
}

const EVENT_COLUMNS = ['id', 'workspaceId', 'seq', 'at', 'actorKeyId', 'actorName', 'actorRole', 'action', 'entityType', 'entityId', 'before', 'after', 'requestId', 'prevHash', 'hash'];
const SELECT_EVENTS = `SELECT ${EVENT_COLUMNS.map((c) => `"${c}"`).join(', ')} FROM "AuditEvent"`;

function toRow(raw: Record<string, unknown>): AuditEventRow {
  return {
    ...(raw as unknown as AuditEventRow),
    seq: asInt(raw.seq),
    at: asDate(raw.at),
    actorKeyId: (raw.actorKeyId as string | null) ?? null,
    before: asJson(raw.before),
    after: asJson(raw.after),
  };
}

/**
 * The seqs of the events between `from` (inclusive) and `to` (exclusive), as one unbroken run
 * (first, last); null when there are none. An export takes the run by seq, not by time, so its
 * file is a piece of the chain without holes even if two events' clocks disagreed.
 */
export async function seqRange(sql: Sql, workspaceId: string, from?: Date, to?: Date): Promise<{ first: number; last: number } | null> {
  const [row] = await sql.all<{ first: unknown; last: unknown }>(
    `SELECT (SELECT min("seq") FROM "AuditEvent" WHERE "workspaceId" = ?${from ? ' AND "at" >= ?' : ''}) AS "first",
            (SELECT max("seq") FROM "AuditEvent" WHERE "workspaceId" = ?${to ? ' AND "at" < ?' : ''}) AS "last"`,
    [workspaceId, ...(from ? [from] : []), workspaceId, ...(to ? [to] : [])],
  );
  if (row?.first === null || row?.first === undefined || row.last === null || row.last === undefined) return null;
  const range = { first: asInt(row.first), last: asInt(row.last) };
  return range.first <= range.last ? range : null;
}

/** Events with seq in (`afterSeq`, `lastSeq`], in seq order, at most `take` (plain SQL: exports read many). */
export async function eventsPage(sql: Sql, workspaceId: string, afterSeq: number, lastSeq: number, take: number): Promise<AuditEventRow[]> {
  const rows = await sql.all(`${SELECT_EVENTS} WHERE "workspaceId" = ? AND "seq" > ? AND "seq" <= ? ORDER BY "seq" LIMIT ?`, [workspaceId, afterSeq, lastSeq, take]);
  return rows.map(toRow);
}
