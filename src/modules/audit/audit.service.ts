import { z } from 'zod';
import type { Database } from '../../db/database';
import { decodeCursor, toPage, type Page } from '../../http/pagination';
import type { Actor } from '../../core/roles';
import { ChainVerifier, type ChainedAuditEvent } from '../../write-path/audit-chain';
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

const BATCH = 1000;

/**
 * Recomputes the workspace's chain from the first event: each must have the next `seq`, link to
 * the previous hash and hash to what it says. The head kept on the workspace row catches events
 * deleted from the end.
 */
export async function verifyChain(db: Database, workspaceId: string): Promise<ChainCheck> {
  const head = await audit.chainHead(db.reader, workspaceId);
  const chain = new ChainVerifier({ seq: 1, prevHash: '' });
  for (let afterSeq = 0; ; ) {
    const batch = await audit.batchFrom(db.reader, workspaceId, afterSeq, BATCH);
    for (const row of batch) if (!chain.add({ ...contentOf(row), hash: row.hash })) break;
    if (chain.firstBadSeq !== null || batch.length < BATCH) break;
    afterSeq = chain.lastSeq ?? afterSeq;
  }
  let firstBadSeq = chain.firstBadSeq;
  if (firstBadSeq === null && (chain.count !== head.auditSeq || chain.headHash !== head.auditHeadHash)) {
    firstBadSeq = chain.count + 1;
  }
  return { ok: firstBadSeq === null, count: chain.count, headSeq: head.auditSeq, headHash: head.auditHeadHash, firstBadSeq };
}

/** An event as an export writes it: everything its hash covers, its hash, and its id. */
export type ExportedAuditEvent = ChainedAuditEvent & { id: string };

/**
 * The events between `from` and `to` as pages in seq order: one unbroken run of the chain (see
 * `audit.seqRange`), so the file verifies from its first event's prevHash. Always yields a first
 * page (empty when there are no events), so a download can start once the range is known.
 */
export async function* exportedEvents(db: Database, workspaceId: string, range: { from?: Date; to?: Date }, pageSize: number): AsyncGenerator<ExportedAuditEvent[]> {
  const seqs = await audit.seqRange(db.sql, workspaceId, range.from, range.to);
  if (!seqs) {
    yield [];
    return;
  }
  for (let afterSeq = seqs.first - 1; afterSeq < seqs.last; ) {
    const rows = await audit.eventsPage(db.sql, workspaceId, afterSeq, seqs.last, pageSize);
    if (rows.length === 0) return;
    yield rows.map((row) => ({ id: row.id, ...contentOf(row), hash: row.hash }));
    afterSeq = (rows.at(-1) as audit.AuditEventRow).seq;
  }
}
