import { z } from 'zod';
import type { Database } from '../../db/database';
import { decodeCursor, toPage, type Page } from '../../http/pagination';
import type { Actor } from '../../core/roles';
import { CHAIN_THREADS, splitRange, verifyRange, verifyRangeInWorker } from './chain-check';
import type { ChainedAuditEvent } from '../../write-path/audit-chain';
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

/** Trails at least this long are checked in worker threads, one range of seqs each. */
const PARALLEL_FROM = 200_000;

/**
 * Recomputes the workspace's chain up to the head kept on the workspace row: every event from
 * seq 1 must be there, link to the previous hash and hash to what it says (chain-check.ts); the
 * head's hash must be the last event's. Events appended after the head was read are not checked
 * (a report during writes is not broken by them); events deleted from the end are caught by the
 * head. A long trail is split into ranges checked in worker threads at once, each range's first
 * link checked against the previous range's last hash. `started` is called once the check is
 * under way (its threads started), for a caller that has other work for this thread meanwhile.
 */
export async function verifyChain(db: Database, workspaceId: string, options: { threads?: number; started?: () => void } = {}): Promise<ChainCheck> {
  const head = await audit.chainHead(db.reader, workspaceId);
  const threads = options.threads ?? (head.auditSeq >= PARALLEL_FROM ? CHAIN_THREADS : 0);
  const ranges = splitRange(head.auditSeq, Math.max(1, threads));
  const pending = threads > 0
    ? Promise.all(ranges.map((range) => verifyRangeInWorker({ provider: db.provider, location: db.location, workspaceId, ...range })))
    : verifyRange(db.sql, workspaceId, ranges[0] as { fromSeq: number; toSeq: number }).then((check) => [check]);
  options.started?.();
  const checks = await pending;
  let count = 0;
  let prevHash = '';
  let firstBadSeq: number | null = null;
  for (const [i, check] of checks.entries()) {
    const range = ranges[i] as { fromSeq: number; toSeq: number };
    if (check.count > 0 && check.firstPrevHash !== prevHash) {
      firstBadSeq = range.fromSeq;
      break;
    }
    count += check.count;
    if (check.firstBadSeq !== null) {
      firstBadSeq = check.firstBadSeq;
      break;
    }
    if (check.count < range.toSeq - range.fromSeq + 1) {
      firstBadSeq = range.fromSeq + check.count;
      break;
    }
    if (check.lastHash !== null) prevHash = check.lastHash;
  }
  if (firstBadSeq === null && prevHash !== head.auditHeadHash) firstBadSeq = count + 1;
  return { ok: firstBadSeq === null, count, headSeq: head.auditSeq, headHash: head.auditHeadHash, firstBadSeq };
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
