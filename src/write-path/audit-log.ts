import { uuidv7 } from '../db/ids';
import { asInt, chunks, placeholders, type Sql } from '../db/sql';
import { auditJsonParam, hashAuditEvent, type AuditEventContent } from './audit-chain';

/**
 * Writing the audit trail (DESIGN §6): the append every unit of work makes, and the one
 * definition of what a stored event's hash covers. Reading it is `modules/audit`.
 */

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

/** What the unit of work keeps of an appended event: enough for the outbox and the commit notice. */
export interface AppendedEvent {
  id: string;
  workspaceId: string;
  seq: number;
  action: string;
  entityType: string;
}

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

const EVENT_COLUMNS = ['id', 'workspaceId', 'seq', 'at', 'actorKeyId', 'actorName', 'actorRole', 'action', 'entityType', 'entityId', 'before', 'after', 'requestId', 'prevHash', 'hash'];
// `before`/`after` go as canonical text into `json` columns (PostgreSQL keeps the text as written;
// jsonb would reorder keys): the chain check hashes them as stored (audit.service).
const EVENT_VALUES = `(${placeholders(10)}, ?::json, ?::json, ?, ?, ?)`;
/** Rows per INSERT: 15 parameters each stays far below either database's limit. */
const EVENTS_PER_STATEMENT = 500;

/**
 * Appends events to their workspace's chain, in order, inside the caller's transaction: one
 * increment of the workspace's `auditSeq` reserves their seqs and takes that row's lock
 * (PostgreSQL) or runs alone (SQLite's single writer), so `seq` is gap-free and the chain never
 * forks; the hashes are chained here and the rows written in few statements.
 */
export async function appendMany(sql: Sql, events: NewAuditEvent[]): Promise<AppendedEvent[]> {
  const workspaceId = events[0]?.workspaceId;
  if (workspaceId === undefined) return [];
  if (events.some((event) => event.workspaceId !== workspaceId)) throw new Error('appendMany takes the events of one workspace');
  const [head] = await sql.all<{ auditSeq: unknown; auditHeadHash: string }>(
    'UPDATE "Workspace" SET "auditSeq" = "auditSeq" + ? WHERE "id" = ? RETURNING "auditSeq", "auditHeadHash"',
    [events.length, workspaceId],
  );
  if (!head) throw new Error(`workspace ${workspaceId} is missing`);
  const firstSeq = asInt(head.auditSeq) - events.length + 1;
  const at = new Date();
  let prevHash = head.auditHeadHash;
  const appended: AppendedEvent[] = [];
  const rows = events.map((event, i) => {
    const content: AuditEventContent = { ...event, seq: firstSeq + i, at: at.toISOString(), prevHash };
    const hash = hashAuditEvent(content);
    const id = uuidv7();
    appended.push({ id, workspaceId, seq: content.seq, action: event.action, entityType: event.entityType });
    const row = [id, workspaceId, content.seq, at, event.actor.keyId, event.actor.name, event.actor.role, event.action, event.entityType, event.entityId, auditJsonParam(event.before), auditJsonParam(event.after), event.requestId, prevHash, hash];
    prevHash = hash;
    return row;
  });
  for (const slice of chunks(rows, EVENTS_PER_STATEMENT)) {
    await sql.run(`INSERT INTO "AuditEvent" (${EVENT_COLUMNS.map((c) => `"${c}"`).join(', ')}) VALUES ${slice.map(() => EVENT_VALUES).join(', ')}`, slice.flat());
  }
  await sql.run('UPDATE "Workspace" SET "auditHeadHash" = ? WHERE "id" = ?', [prevHash, workspaceId]);
  return appended;
}
