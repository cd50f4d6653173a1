import { asDate, asInt, asJson, type Sql } from '../../db/sql';
import { CONTENT_ENTITY_TYPES } from '../../write-path/audit-actions';

/** The changes feed (DESIGN §11) is the audit trail of the content entities, read by `seq`. */

export interface ChangeRow {
  seq: number;
  at: Date;
  action: string;
  entityType: string;
  entityId: string;
  after: unknown;
}

const CONTENT_TYPES = CONTENT_ENTITY_TYPES.map((type) => `'${type}'`).join(', ');

/** The workspace's content events after `afterSeq`, in `seq` order (the `(workspaceId, seq)` index). */
export async function pageAfter(sql: Sql, workspaceId: string, afterSeq: number, limit: number): Promise<ChangeRow[]> {
  const rows = await sql.all(
    'SELECT "seq", "at", "action", "entityType", "entityId", "after" FROM "AuditEvent" ' +
      `WHERE "workspaceId" = ? AND "seq" > ? AND "entityType" IN (${CONTENT_TYPES}) ORDER BY "seq" LIMIT ?`,
    [workspaceId, afterSeq, limit],
  );
  return rows.map((row) => ({
    seq: asInt(row.seq),
    at: asDate(row.at),
    action: row.action as string,
    entityType: row.entityType as string,
    entityId: row.entityId as string,
    after: asJson(row.after),
  }));
}

/** The newest seq the feed holds (0 for none): read backwards on the same index, it stops at the first content event. */
export async function headSeq(sql: Sql, workspaceId: string): Promise<number> {
  const [row] = await sql.all<{ seq: unknown }>(
    `SELECT "seq" FROM "AuditEvent" WHERE "workspaceId" = ? AND "entityType" IN (${CONTENT_TYPES}) ORDER BY "seq" DESC LIMIT 1`,
    [workspaceId],
  );
  return row ? asInt(row.seq) : 0;
}
