import { z } from 'zod';
import type { Database } from '../../db/database';
import { decodeCursor, toPage, type Page } from '../../http/pagination';
import type { Actor } from '../../core/roles';
import { hashAuditEvent, sha256Hex, splicedContentText, type AuditEventScalars } from '../../write-path/audit-chain';
import * as audit from './audit.repository';

export interface AuditEventView {
  id: string;
  seq: number;
  at: Date;
  actor: { keyId: string | null; name: string; role: string };
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string;
  prevHash: string;
  hash: string;
}

function present(row: audit.AuditEventRow): AuditEventView {
  return {
    id: row.id,
    seq: row.seq,
    at: row.at,
    actor: { keyId: row.actorKeyId, name: row.actorName, role: row.actorRole },
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before ?? null,
    after: row.after ?? null,
    requestId: row.requestId,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

const cursorSchema = z.object({ seq: z.number().int() });

export async function listEvents(
  db: Database,
  actor: Actor,
  query: audit.AuditFilter & { limit: number; cursor?: string },
): Promise<Page<AuditEventView>> {
  const after = decodeCursor(query.cursor, cursorSchema);
  const rows = await audit.listPage(db.reader, actor.workspaceId, query, query.limit + 1, after?.seq);
  return toPage(rows, query.limit, present, (row) => ({ seq: row.seq }));
}

export interface ChainCheck {
  ok: boolean;
  count: number;
  headSeq: number;
  headHash: string;
  /** The first `seq` whose event is missing, altered or out of chain; null when all is well. */
  firstBadSeq: number | null;
}

const BATCH = 10_000;

/**
 * Whether a stored event hashes to its stored hash. Fast path: the stored JSON texts spliced into
 * the content string as they are (the write path stores canonical text); when that misses (rows
 * written before canonical storage, PostgreSQL's jsonb, or a tampered row) the texts are parsed and
 * the content canonicalised, the plain definition of the hash. Either way every byte of the
 * event's content is hashed.
 */
export function eventIntact(workspaceId: string, row: audit.StoredEvent): boolean {
  const scalars: AuditEventScalars = {
    workspaceId,
    seq: row.seq,
    at: row.at,
    actor: { keyId: row.actorKeyId, name: row.actorName, role: row.actorRole },
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    requestId: row.requestId,
    prevHash: row.prevHash,
  };
  if (row.wellFormed && sha256Hex(splicedContentText(scalars, row.beforeText, row.afterText)) === row.hash) return true;
  let before: unknown;
  let after: unknown;
  try {
    before = row.beforeText === null ? null : JSON.parse(row.beforeText);
    after = row.afterText === null ? null : JSON.parse(row.afterText);
  } catch {
    return false;
  }
  return hashAuditEvent({ ...scalars, before: before ?? null, after: after ?? null }) === row.hash;
}

/**
 * Recomputes the workspace's chain from the first event: each must have the next `seq`, link to
 * the previous hash and hash to what it says. The head kept on the workspace row catches events
 * deleted from the end. The next batch is read while this one is hashed (on PostgreSQL the
 * server reads it meanwhile).
 */
export async function verifyChain(db: Database, workspaceId: string): Promise<ChainCheck> {
  const head = await audit.chainHead(db.reader, workspaceId);
  let count = 0;
  let expectedSeq = 1;
  let prevHash = '';
  let firstBadSeq: number | null = null;
  let next = audit.storedBatchFrom(db.sql, workspaceId, 0, BATCH);
  for (;;) {
    const batch = await next;
    const last = batch[batch.length - 1];
    if (batch.length === BATCH && last) next = audit.storedBatchFrom(db.sql, workspaceId, last.seq, BATCH);
    for (const row of batch) {
      if (row.seq !== expectedSeq || row.prevHash !== prevHash || !eventIntact(workspaceId, row)) {
        firstBadSeq = Math.min(row.seq, expectedSeq);
        break;
      }
      count += 1;
      expectedSeq += 1;
      prevHash = row.hash;
    }
    if (firstBadSeq !== null || batch.length < BATCH) break;
  }
  // A batch read ahead of a break is not needed (nor its failure).
  next.catch(() => undefined);
  if (firstBadSeq === null && (count !== head.auditSeq || prevHash !== head.auditHeadHash)) {
    firstBadSeq = count + 1;
  }
  return { ok: firstBadSeq === null, count, headSeq: head.auditSeq, headHash: head.auditHeadHash, firstBadSeq };
}
