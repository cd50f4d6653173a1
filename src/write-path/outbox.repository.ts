import { uuidv7 } from '../db/ids';
import { asJson, chunks, type Sql } from '../db/sql';
import { subscribesTo } from './audit-actions';
import type { AppendedEvent } from './audit-log';

/**
 * The webhook outbox as the write path sees it (docs/decisions/0008-webhooks-outbox.md): the
 * workspace's live subscriptions, and one delivery row per (event, subscription), written inside
 * the transaction of the change so that they commit, or roll back, with it. Delivering them is
 * `modules/webhooks`.
 */

export interface Subscription {
  id: string;
  events: string[];
}

/** Read inside the write's transaction, never cached: another process may have just subscribed. */
export async function activeSubscriptions(sql: Sql, workspaceId: string): Promise<Subscription[]> {
  const rows = await sql.all<{ id: string; events: unknown }>('SELECT "id", "events" FROM "Webhook" WHERE "workspaceId" = ? AND "deletedAt" IS NULL', [workspaceId]);
  return rows.map((row) => ({ id: row.id, events: asJson<string[]>(row.events) ?? [] }));
}

/** 8 parameters per row: 500 rows stay far below either database's limit. */
const ROWS_PER_STATEMENT = 500;
const DELIVERY_VALUES = "(?, ?, ?, ?, ?, 'pending', '[]'::jsonb, 0, ?, ?, ?)";

/**
 * Queues `events` for the subscriptions that want them, due now; resolves to the number of
 * deliveries queued. One statement per 500 deliveries.
 */
export async function enqueue(sql: Sql, subscriptions: readonly Subscription[], events: readonly AppendedEvent[]): Promise<number> {
  const now = new Date();
  const rows: unknown[][] = [];
  for (const event of events) {
    for (const subscription of subscriptions) {
      if (subscribesTo(subscription.events, event.action)) rows.push([uuidv7(), event.workspaceId, subscription.id, event.id, event.action, now, now, now]);
    }
  }
  for (const slice of chunks(rows, ROWS_PER_STATEMENT)) {
    await sql.run(
      'INSERT INTO "WebhookDelivery" ("id", "workspaceId", "webhookId", "auditEventId", "event", "state", "attempts", "failures", "nextAttemptAt", "createdAt", "updatedAt") ' +
        `VALUES ${slice.map(() => DELIVERY_VALUES).join(', ')}`,
      slice.flat(),
    );
  }
  return rows.length;
}
