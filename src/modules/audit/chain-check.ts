import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Sql } from '../../db/sql';
import { ChainVerifier, hashAuditEvent, sha256Hex, splicedContentText, type AuditEventScalars } from '../../write-path/audit-chain';
import { digestBatchFrom, spanDigest, storedBatchFrom, type EventDigest, type StoredEvent } from './audit.repository';

/**
 * The chain check's work over one range of seqs (docs/decisions/0009-audit-report.md), on the
 * caller's connection or in a worker thread with a read-only connection of its own.
 */

const BATCH = 10_000;

/** Worker threads for a long trail: one per core, at least two. */
export const CHAIN_THREADS = Math.max(2, availableParallelism());

/**
 * Whether a stored event hashes to its stored hash. Fast path: the stored JSON texts spliced into
 * the content string as they are (the write path stores canonical text); when that misses (rows
 * written before canonical storage, PostgreSQL's jsonb, or a tampered row) the texts are parsed and
 * the content canonicalised, the plain definition of the hash. Either way every byte of the
 * event's content is hashed.
 */
export function eventIntact(workspaceId: string, row: StoredEvent): boolean {
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

export interface SeqRange {
  fromSeq: number;
  toSeq: number;
}

/** What one range holds: how many events from `fromSeq` on are in order and intact, and its ends' links. */
export interface RangeCheck {
  count: number;
  /** The first seq in the range whose event is missing, out of order, altered or mislinked. */
  firstBadSeq: number | null;
  /** The first event's `prevHash` (checked by the caller against the range before). */
  firstPrevHash: string | null;
  /** The hash of the last event counted. */
  lastHash: string | null;
}

/** [1, head] in `parts` consecutive ranges (one, [1, 0], for an empty trail). */
export function splitRange(head: number, parts: number): SeqRange[] {
  const size = Math.max(1, Math.ceil(head / parts));
  const ranges: SeqRange[] = [];
  for (let from = 1; from <= head; from += size) ranges.push({ fromSeq: from, toSeq: Math.min(head, from + size - 1) });
  return ranges.length > 0 ? ranges : [{ fromSeq: 1, toSeq: 0 }];
}

/**
 * The events of `batch` whose fast check failed (`intact` false), checked in full from their
 * stored rows (`eventIntact`): rows written before canonical storage, or altered ones. One read
 * from the first such event to the batch's end.
 */
async function confirmSuspects(sql: Sql, workspaceId: string, batch: EventDigest[]): Promise<void> {
  const first = batch.find((digest) => !digest.intact);
  const last = batch[batch.length - 1];
  if (first === undefined || last === undefined) return;
  const stored = new Map((await storedBatchFrom(sql, workspaceId, first.seq - 1, last.seq - first.seq + 1)).map((row) => [row.seq, row]));
  for (const digest of batch) {
    if (digest.intact) continue;
    // The stored row is the one to trust (a digest may carry a placeholder for its hashes).
    const row = stored.get(digest.seq);
    if (row === undefined) continue;
    digest.prevHash = row.prevHash;
    digest.hash = row.hash;
    digest.intact = eventIntact(workspaceId, row);
  }
}

/**
 * Checks the events with seq in [fromSeq, toSeq]. Each event must have the next seq, link to the
 * hash of the event before it in the range, and be intact. On PostgreSQL the server checks each
 * batch of BATCH seqs among themselves (`spanDigest`) and only the batch's ends come back; a batch
 * it finds anything wrong with, or whose first link does not hold, is checked event by event to
 * name the first bad seq. On SQLite every batch is checked event by event (`digestBatchFrom`),
 * the next batch read while one is checked.
 */
export async function verifyRange(sql: Sql, workspaceId: string, range: SeqRange): Promise<RangeCheck> {
  if (range.toSeq < range.fromSeq) return { count: 0, firstBadSeq: null, firstPrevHash: null, lastHash: null };
  // The range's first link is the caller's to check (against the range before).
  const chain = new ChainVerifier({ seq: range.fromSeq });
  let firstPrevHash: string | null = null;
  /** The events in (afterSeq, lastSeq], one by one; false when the check stopped before lastSeq. */
  const eventByEvent = async (afterSeq: number, lastSeq: number): Promise<boolean> => {
    // SQLite: digests, and the events they cannot show intact checked in full. PostgreSQL comes
    // here only for a batch its span check found wrong: its rows, checked in full.
    const read = async (after: number): Promise<EventDigest[]> => {
      const size = Math.min(BATCH, lastSeq - after);
      if (sql.dialect !== 'sqlite') {
        const rows = await storedBatchFrom(sql, workspaceId, after, size);
        return rows.map((row) => ({ seq: row.seq, prevHash: row.prevHash, hash: row.hash, intact: eventIntact(workspaceId, row) }));
      }
      const digests = await digestBatchFrom(sql, workspaceId, after, size);
      await confirmSuspects(sql, workspaceId, digests);
      return digests;
    };
    let next = read(afterSeq);
    for (;;) {
      const batch = await next;
      const last = batch[batch.length - 1];
      const more = last !== undefined && last.seq < lastSeq;
      if (more) next = read(last.seq);
      for (const digest of batch) {
        if (digest.seq > lastSeq) break;
        firstPrevHash ??= digest.prevHash;
        if (!chain.link(digest, () => digest.intact)) break;
      }
      if (chain.firstBadSeq !== null || !more) {
        // A batch read ahead of a break is not needed (nor its failure).
        if (more) next.catch(() => undefined);
        return chain.firstBadSeq === null && chain.lastSeq === lastSeq;
      }
    }
  };
  if (sql.dialect !== 'postgres') {
    await eventByEvent(range.fromSeq - 1, range.toSeq);
  } else {
    for (let after = range.fromSeq - 1; after < range.toSeq; after += BATCH) {
      const upTo = Math.min(range.toSeq, after + BATCH);
      const span = await spanDigest(sql, workspaceId, after, upTo);
      if (span !== null && span.suspect === null && span.firstSeq === after + 1 && span.lastSeq === upTo && chain.trySpan(span)) {
        firstPrevHash ??= span.firstPrevHash;
        continue;
      }
      if (!(await eventByEvent(after, upTo))) break;
    }
  }
  return { count: chain.count, firstBadSeq: chain.firstBadSeq, firstPrevHash, lastHash: chain.lastSeq === undefined ? null : chain.headHash };
}

export interface WorkerRange extends SeqRange {
  provider: 'sqlite' | 'postgres';
  location: string;
  workspaceId: string;
}

/** `verifyRange` in a worker thread with its own read-only connection (chain-check.worker.ts). */
export function verifyRangeInWorker(task: WorkerRange): Promise<RangeCheck> {
  return new Promise((resolve, reject) => {
    // From the TypeScript source (tsx, Jest): an inline CommonJS entry that registers tsx's
    // require hook in the thread, then loads the worker. From compiled JavaScript: the worker.
    const source = join(__dirname, 'chain-check.worker.ts');
    const worker = existsSync(source)
      ? new Worker(`require('tsx/cjs'); require(${JSON.stringify(source)});`, { eval: true, workerData: task })
      : new Worker(join(__dirname, 'chain-check.worker.js'), { workerData: task });
    let settled = false;
    worker.once('message', (message: RangeCheck) => {
      settled = true;
      resolve(message);
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`chain check worker exited with code ${code}`));
    });
  });
}
