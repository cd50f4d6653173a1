import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Sql } from '../../db/sql';
import { ChainVerifier, hashAuditEvent, sha256Hex, splicedContentText, type AuditEventScalars } from '../../write-path/audit-chain';
import { storedBatchFrom, type StoredEvent } from './audit.repository';

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
 * Checks the events with seq in [fromSeq, toSeq], in batches; the next batch is read while one is
 * hashed (on PostgreSQL the server reads it meanwhile). Each event must have the next seq, link to
 * the hash of the event before it in the range, and be intact.
 */
export async function verifyRange(sql: Sql, workspaceId: string, range: SeqRange): Promise<RangeCheck> {
  if (range.toSeq < range.fromSeq) return { count: 0, firstBadSeq: null, firstPrevHash: null, lastHash: null };
  // The range's first link is the caller's to check (against the range before).
  const chain = new ChainVerifier({ seq: range.fromSeq });
  let firstPrevHash: string | null = null;
  let next = storedBatchFrom(sql, workspaceId, range.fromSeq - 1, Math.min(BATCH, range.toSeq - range.fromSeq + 1));
  for (;;) {
    const batch = await next;
    const last = batch[batch.length - 1];
    const more = last !== undefined && last.seq < range.toSeq;
    if (more) next = storedBatchFrom(sql, workspaceId, last.seq, Math.min(BATCH, range.toSeq - last.seq));
    for (const row of batch) {
      if (row.seq > range.toSeq) break;
      firstPrevHash ??= row.prevHash;
      if (!chain.link(row, () => eventIntact(workspaceId, row))) break;
    }
    if (chain.firstBadSeq !== null || !more) {
      // A batch read ahead of a break is not needed (nor its failure).
      if (more) next.catch(() => undefined);
      break;
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
