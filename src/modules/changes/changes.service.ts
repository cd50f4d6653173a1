import type { Database } from '../../db/database';
import { AppError } from '../../core/errors';
import type { Actor } from '../../core/roles';
import type { Served } from '../../http/schemas';
import * as changes from './changes.repository';
import type { FeedWaiters } from './feed-waiters';
import type { ChangesQuery, changesPage } from './changes.schemas';

export type ChangesPage = Served<typeof changesPage>;

/** The position a request reads after: `after`, or the `cursor` a page gave out (the same thing). */
function positionOf(query: ChangesQuery): number {
  const fromCursor = query.cursor === undefined ? undefined : Number(query.cursor);
  if (fromCursor !== undefined && query.after !== undefined && fromCursor !== query.after) {
    throw AppError.badRequest('Send after or cursor, not two different positions.', [{ path: 'query.cursor', message: 'differs from after' }]);
  }
  return fromCursor ?? query.after ?? 0;
}

/**
 * One page after `afterSeq`. The head is read after the page, so it is never behind it; a page
 * that ends before the head has a next cursor (its last seq), one that reaches it has none.
 */
async function readPage(db: Database, workspaceId: string, afterSeq: number, limit: number): Promise<ChangesPage> {
  const rows = await changes.pageAfter(db.sql, workspaceId, afterSeq, limit);
  const last = rows.at(-1)?.seq;
  const lastSeq = Math.max(await changes.headSeq(db.sql, workspaceId), last ?? 0);
  return {
    data: rows.map((row) => ({ seq: row.seq, at: row.at, type: row.action, entityType: row.entityType, entityId: row.entityId, data: row.after ?? null })),
    nextCursor: last !== undefined && last < lastSeq ? String(last) : null,
    lastSeq,
  };
}

/**
 * `GET /v1/changes` (DESIGN §11). With `wait`, an empty answer waits in memory (holding no
 * connection or writer) for a commit to the workspace's feed, at most `wait` seconds; shutdown
 * or the client leaving ends the wait at once.
 */
export async function readChanges(db: Database, actor: Actor, query: ChangesQuery, waiters: FeedWaiters, signal?: AbortSignal): Promise<ChangesPage> {
  const afterSeq = positionOf(query);
  const read = () => readPage(db, actor.workspaceId, afterSeq, query.limit);
  const deadline = Date.now() + (query.wait ?? 0) * 1000;
  let wokenBy: number | undefined;
  for (;;) {
    const remaining = deadline - Date.now();
    // Waiting starts before the read, so that a commit in between wakes it.
    const woken = remaining > 0 ? waiters.wait(actor.workspaceId, afterSeq, remaining, signal) : undefined;
    // Woken by a commit: one read for all the waiters it woke with the same question.
    const page = await (wokenBy === undefined ? read() : waiters.sharedRead(`${actor.workspaceId} ${afterSeq} ${query.limit}`, wokenBy, read));
    if (page.data.length > 0 || !woken) {
      woken?.cancel();
      return page;
    }
    if ((await woken.reason) !== 'change') return read();
    wokenBy = woken.notice;
  }
}
