import { z } from 'zod';
import type { Database } from '../../db/database';
import { AppError } from '../../core/errors';
import type { Actor } from '../../core/roles';
import { decodeCursor, toPage, type Page } from '../../http/pagination';
import type { Served } from '../../http/schemas';
import { runWrite, type UnitOfWork, type WriteContext, type WriteResponse } from '../../write-path/unit-of-work';
import * as deliveries from './deliveries.repository';
import { newWebhookSecret, ROTATION_OVERLAP_MS } from './signing';
import { checkSubscriptionUrl, type Resolver } from './ssrf-guard';
import * as webhooks from './webhooks.repository';
import type { DeliveryState, WebhookCreate, deliveryView, webhookView } from './webhooks.schemas';

export type WebhookView = Served<typeof webhookView>;
export type DeliveryView = Served<typeof deliveryView>;

/** What subscribing needs besides the request: the SSRF policy and the resolver it checks with. */
export interface UrlPolicy {
  allowPrivate: boolean;
  resolver?: Resolver;
}

/** Never the secret: not in answers after the first, not in the audit trail. */
export function presentWebhook(row: webhooks.WebhookRow, now = new Date()): WebhookView {
  const expires = row.previousSecretExpiresAt && row.previousSecretExpiresAt > now ? row.previousSecretExpiresAt : null;
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    description: row.description,
    previousSecretExpiresAt: expires,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function presentDelivery(row: deliveries.DeliveryRow): DeliveryView {
  return {
    id: row.id,
    webhookId: row.webhookId,
    event: { id: row.auditEventId, type: row.event, seq: row.seq, entityType: row.entityType, entityId: row.entityId, at: row.at },
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    createdAt: row.createdAt,
  };
}

/**
 * The URL as WHATWG parses it (`http://0x7f.1/` is `http://127.0.0.1/`): what is checked is what
 * is stored and called. 422 for a scheme other than http(s), or a host that is or resolves to a
 * non-public address, unless private addresses are allowed.
 */
async function acceptableUrl(input: string, policy: UrlPolicy): Promise<string> {
  const url = new URL(input);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw AppError.unprocessable(`Webhooks are delivered over http or https, not ${url.protocol.replace(/:$/, '')}.`, [{ path: 'body.url', message: 'must be an http or https URL' }]);
  }
  if (!policy.allowPrivate) {
    const refused = await checkSubscriptionUrl(url, policy.resolver);
    if (refused) throw AppError.unprocessable(`The url cannot receive webhooks: ${refused.message}.`, [{ path: 'body.url', message: refused.message }]);
  }
  return url.href;
}

export async function createWebhook(db: Database, context: WriteContext, input: WebhookCreate, policy: UrlPolicy): Promise<WriteResponse & { replayed: boolean }> {
  // Resolved before the write: DNS must not hold the writer.
  const url = await acceptableUrl(input.url, policy);
  return runWrite(db, context, async (uow) => {
    const row = await webhooks.insert(uow.tx, uow.actor.workspaceId, { url, events: input.events, description: input.description ?? null, secret: newWebhookSecret() });
    const view = presentWebhook(row);
    await uow.audit({ action: 'webhook.create', entityType: 'webhook', entityId: row.id, before: null, after: view });
    return { status: 201, body: { ...view, secret: row.secret }, version: row.version, location: `/v1/webhooks/${row.id}` };
  });
}

const cursorSchema = z.object({ id: z.string() });

export async function listWebhooks(db: Database, actor: Actor, query: { limit: number; cursor?: string }): Promise<Page<WebhookView>> {
  const after = decodeCursor(query.cursor, cursorSchema);
  const rows = await webhooks.listPage(db.reader, actor.workspaceId, query.limit + 1, after?.id);
  const now = new Date();
  return toPage(rows, query.limit, (row) => presentWebhook(row, now), (row) => ({ id: row.id }));
}

async function requireWebhook(db: Database, actor: Actor, id: string): Promise<webhooks.WebhookRow> {
  const row = await webhooks.findActive(db.reader, actor.workspaceId, id);
  if (!row) throw AppError.notFound('webhook', id);
  return row;
}

export async function getWebhook(db: Database, actor: Actor, id: string): Promise<WebhookView> {
  return presentWebhook(await requireWebhook(db, actor, id));
}

/** Deleted (If-Match), it gets nothing more: its pending deliveries fail in the same transaction. */
export async function deleteWebhook(db: Database, context: WriteContext, id: string): Promise<WriteResponse & { replayed: boolean }> {
  return runWrite(db, context, async (uow) => {
    const workspaceId = uow.actor.workspaceId;
    const now = new Date();
    const { current } = await uow.changeVersioned('webhook', id, () => webhooks.findActive(uow.tx, workspaceId, id), (current) =>
      webhooks.updateIfVersion(uow.tx, workspaceId, id, current.version, { deletedAt: now }),
    );
    await deliveries.failPending(uow.sql, id, now);
    await uow.audit({ action: 'webhook.delete', entityType: 'webhook', entityId: id, before: presentWebhook(current, now), after: null });
    return { status: 204 };
  });
}

/**
 * A new secret, shown this once; the one it replaces keeps signing for 24 hours (both
 * signatures are sent), so a receiver can switch without rejecting a delivery. If-Match is
 * checked when sent; without it the rotation applies to the current version.
 */
export async function rotateSecret(db: Database, context: WriteContext, id: string): Promise<WriteResponse & { replayed: boolean }> {
  return runWrite(db, context, async (uow) => {
    const workspaceId = uow.actor.workspaceId;
    const current = await webhooks.findActive(uow.tx, workspaceId, id);
    if (!current) throw AppError.notFound('webhook', id);
    if (uow.context.ifMatch) uow.expectVersion(current.version);
    const now = new Date();
    const rotated = await webhooks.updateIfVersion(uow.tx, workspaceId, id, current.version, {
      secret: newWebhookSecret(),
      previousSecret: current.secret,
      previousSecretExpiresAt: new Date(now.getTime() + ROTATION_OVERLAP_MS),
    });
    if (!rotated) throw AppError.preconditionFailed();
    const view = presentWebhook(rotated, now);
    await uow.audit({ action: 'webhook.rotate_secret', entityType: 'webhook', entityId: id, before: presentWebhook(current, now), after: view });
    return { status: 200, body: { ...view, secret: rotated.secret }, version: rotated.version };
  });
}

export async function listDeliveries(
  db: Database,
  actor: Actor,
  webhookId: string,
  query: { limit: number; cursor?: string; state?: DeliveryState },
): Promise<Page<DeliveryView>> {
  await requireWebhook(db, actor, webhookId);
  const after = decodeCursor(query.cursor, cursorSchema);
  const rows = await deliveries.listPage(db.sql, webhookId, { state: query.state }, query.limit + 1, after?.id);
  return toPage(rows, query.limit, presentDelivery, (row) => ({ id: row.id }));
}

/**
 * A failed delivery, due again now: one more attempt (the automatic retries were spent), logged
 * like the others. 409 unless it failed: a pending one is on its way, a succeeded one arrived.
 */
export async function retryDelivery(
  db: Database,
  context: WriteContext,
  webhookId: string,
  deliveryId: string,
  retryDelaysMs: readonly number[],
): Promise<WriteResponse & { replayed: boolean }> {
  return runWrite(db, context, async (uow: UnitOfWork) => {
    const webhook = await webhooks.findActive(uow.tx, uow.actor.workspaceId, webhookId);
    if (!webhook) throw AppError.notFound('webhook', webhookId);
    const before = await deliveries.findInWebhook(uow.sql, webhookId, deliveryId);
    if (!before) throw AppError.notFound('delivery', deliveryId);
    if (before.state !== 'failed') throw AppError.conflict(`Only a failed delivery can be retried; this one is ${before.state}.`, { currentState: before.state });
    await deliveries.requeueFailed(uow.sql, webhookId, deliveryId, retryDelaysMs.length, new Date());
    const after = await deliveries.findInWebhook(uow.sql, webhookId, deliveryId);
    const view = presentDelivery(after as deliveries.DeliveryRow);
    await uow.audit({ action: 'webhook.retry_delivery', entityType: 'webhook_delivery', entityId: deliveryId, before: presentDelivery(before), after: view });
    uow.queuedDeliveries(uow.actor.workspaceId, 1);
    return { status: 200, body: view };
  });
}
