import { z } from 'zod';
import type { Database } from '../../db/database';
import { decodeCursor, toPage, type Page } from '../../http/pagination';
import type { Actor } from '../../core/roles';
import { hashAuditEvent } from '../../write-path/audit-chain';
import { contentOf } from '../../write-path/audit-log';
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

const BATCH = 5000;

/**
 * Recomputes the workspace's chain from the first event: each must have the next `seq`, link to
 * the previous hash and hash to what it says. The head kept on the workspace row catches events
 * deleted from the end.
 */
export async function verifyChain(db: Database, workspaceId: string): Promise<ChainCheck> {
  const head = await audit.chainHead(db.reader, workspaceId);
  let count = 0;
  let expectedSeq = 1;
  let prevHash = '';
  let firstBadSeq: number | null = null;
  for (;;) {
    const batch = await audit.batchFrom(db.sql, workspaceId, expectedSeq - 1, BATCH);
    for (const row of batch) {
      const recomputed = hashAuditEvent(contentOf(row));
      if (row.seq !== expectedSeq || row.prevHash !== prevHash || row.hash !== recomputed) {
        firstBadSeq = Math.min(row.seq, expectedSeq);
        break;
      }
      count += 1;
      expectedSeq += 1;
      prevHash = row.hash;
    }
    if (firstBadSeq !== null || batch.length < BATCH) break;
  }
  if (firstBadSeq === null && (count !== head.auditSeq || prevHash !== head.auditHeadHash)) {
    firstBadSeq = count + 1;
  }
  return { ok: firstBadSeq === null, count, headSeq: head.auditSeq, headHash: head.auditHeadHash, firstBadSeq };
}
