import { asDate, asDateOrNull, asInt, asJson, jsonParam, placeholders, type Sql } from '../../db/sql';
import type { DeliveryState } from './webhooks.schemas';

/**
 * The outbox rows (`WebhookDelivery`), in plain SQL (docs/decisions/0005): the dispatcher's
 * lease, send and record loop runs on every delivery. Rows are written by `write-path/outbox`.
 */

export interface Attempt {
  at: Date;
  status: number | null;
  error: string | null;
  durationMs: number;
}

export interface DeliveryRow {
  id: string;
  webhookId: string;
  auditEventId: string;
  event: string;
  state: DeliveryState;
  attempts: Attempt[];
  nextAttemptAt: Date | null;
  createdAt: Date;
  seq: number;
  entityType: string;
  entityId: string;
  at: Date;
}

function readAttempts(value: unknown): Attempt[] {
  return (asJson<(Omit<Attempt, 'at'> & { at: string })[]>(value) ?? []).map((attempt) => ({ ...attempt, at: new Date(attempt.at) }));
}

function toDeliveryRow(row: Record<string, unknown>): DeliveryRow {
  return {
    id: row.id as string,
    webhookId: row.webhookId as string,
    auditEventId: row.auditEventId as string,
    event: row.event as string,
    state: row.state as DeliveryState,
    attempts: readAttempts(row.attempts),
    nextAttemptAt: asDateOrNull(row.nextAttemptAt),
    createdAt: asDate(row.createdAt),
    seq: asInt(row.seq),
    entityType: row.entityType as string,
    entityId: row.entityId as string,
    at: asDate(row.at),
  };
}

const LOG_SELECT =
  'SELECT d."id", d."webhookId", d."auditEventId", d."event", d."state", d."attempts", d."nextAttemptAt", d."createdAt", e."seq", e."entityType", e."entityId", e."at" ' +
  'FROM "WebhookDelivery" d JOIN "AuditEvent" e ON e."id" = d."auditEventId"';

/** A subscription's delivery log, newest first. */
export async function listPage(sql: Sql, webhookId: string, filter: { state?: DeliveryState }, limit: number, beforeId?: string): Promise<DeliveryRow[]> {
  const conditions = ['d."webhookId" = ?'];
  const params: unknown[] = [webhookId];
  if (filter.state) {
    conditions.push('d."state" = ?');
    params.push(filter.state);
  }
  if (beforeId) {
    conditions.push('d."id" < ?');
    params.push(beforeId);
  }
  const rows = await sql.all(`${LOG_SELECT} WHERE ${conditions.join(' AND ')} ORDER BY d."id" DESC LIMIT ?`, [...params, limit]);
  return rows.map(toDeliveryRow);
}

export async function findInWebhook(sql: Sql, webhookId: string, id: string): Promise<DeliveryRow | null> {
  const [row] = await sql.all(`${LOG_SELECT} WHERE d."webhookId" = ? AND d."id" = ?`, [webhookId, id]);
  return row ? toDeliveryRow(row) : null;
}

/** A failed delivery due again now, with `failures` set so that it gets the attempts left. */
export async function requeueFailed(sql: Sql, webhookId: string, id: string, failures: number, now: Date): Promise<boolean> {
  const changed = await sql.run(
    'UPDATE "WebhookDelivery" SET "state" = \'pending\', "failures" = ?, "nextAttemptAt" = ?, "updatedAt" = ? WHERE "id" = ? AND "webhookId" = ? AND "state" = \'failed\'',
    [failures, now, now, id, webhookId],
  );
  return changed > 0;
}

/** A deleted subscription gets nothing more: its pending deliveries fail, and lose any lease. */
export async function failPending(sql: Sql, webhookId: string, now: Date): Promise<number> {
  return sql.run(
    'UPDATE "WebhookDelivery" SET "state" = \'failed\', "nextAttemptAt" = NULL, "leasedUntil" = NULL, "leaseToken" = NULL, "updatedAt" = ? WHERE "webhookId" = ? AND "state" = \'pending\'',
    [now, webhookId],
  );
}

// ---------------------------------------------------------------------------------------------
// The dispatcher

/**
 * Leases up to `limit` due deliveries to `token` until `leaseUntil`, oldest due first. On
 * PostgreSQL `FOR UPDATE SKIP LOCKED` lets processes lease at once without waiting on, or
 * taking, each other's rows; SQLite has one writer, so the statement alone suffices.
 */
export async function leaseDue(sql: Sql, options: { now: Date; leaseUntil: Date; token: string; limit: number }): Promise<string[]> {
  const lock = sql.dialect === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
  const rows = await sql.all<{ id: string }>(
    'UPDATE "WebhookDelivery" SET "leasedUntil" = ?, "leaseToken" = ? WHERE "id" IN (' +
      'SELECT "id" FROM "WebhookDelivery" WHERE "state" = \'pending\' AND "nextAttemptAt" <= ? AND ("leasedUntil" IS NULL OR "leasedUntil" < ?) ' +
      `ORDER BY "nextAttemptAt" LIMIT ?${lock}) RETURNING "id"`,
    [options.leaseUntil, options.token, options.now, options.now, options.limit],
  );
  return rows.map((row) => row.id);
}

/** A leased delivery with what sending it needs: its subscription and its audit event. */
export interface OutgoingDelivery {
  id: string;
  webhookId: string;
  attempts: Attempt[];
  failures: number;
  url: string;
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
  webhookDeleted: boolean;
  event: {
    workspaceId: string;
    seq: number;
    at: Date;
    action: string;
    entityType: string;
    entityId: string;
    actor: { keyId: string | null; name: string; role: string };
    after: unknown;
  };
}

export async function loadOutgoing(sql: Sql, ids: readonly string[]): Promise<OutgoingDelivery[]> {
  if (ids.length === 0) return [];
  const rows = await sql.all(
    'SELECT d."id", d."webhookId", d."attempts", d."failures", w."url", w."secret", w."previousSecret", w."previousSecretExpiresAt", w."deletedAt", ' +
      'e."workspaceId", e."seq", e."at", e."action", e."entityType", e."entityId", e."actorKeyId", e."actorName", e."actorRole", e."after" ' +
      'FROM "WebhookDelivery" d JOIN "Webhook" w ON w."id" = d."webhookId" JOIN "AuditEvent" e ON e."id" = d."auditEventId" ' +
      `WHERE d."id" IN (${placeholders(ids.length)})`,
    ids,
  );
  return rows.map((row) => ({
    id: row.id as string,
    webhookId: row.webhookId as string,
    attempts: readAttempts(row.attempts),
    failures: asInt(row.failures),
    url: row.url as string,
    secret: row.secret as string,
    previousSecret: (row.previousSecret as string | null) ?? null,
    previousSecretExpiresAt: asDateOrNull(row.previousSecretExpiresAt),
    webhookDeleted: row.deletedAt !== null && row.deletedAt !== undefined,
    event: {
      workspaceId: row.workspaceId as string,
      seq: asInt(row.seq),
      at: asDate(row.at),
      action: row.action as string,
      entityType: row.entityType as string,
      entityId: row.entityId as string,
      actor: { keyId: (row.actorKeyId as string | null) ?? null, name: row.actorName as string, role: row.actorRole as string },
      after: asJson(row.after),
    },
  }));
}

export interface Outcome {
  id: string;
  token: string;
  state: DeliveryState;
  attempts: Attempt[];
  failures: number;
  nextAttemptAt: Date | null;
}

/** Records an attempt, if the lease is still this dispatcher's (a delete or another process may have taken the row). */
export async function recordOutcome(sql: Sql, outcome: Outcome, now: Date): Promise<boolean> {
  const changed = await sql.run(
    'UPDATE "WebhookDelivery" SET "state" = ?, "attempts" = ?::jsonb, "failures" = ?, "nextAttemptAt" = ?, "leasedUntil" = NULL, "leaseToken" = NULL, "updatedAt" = ? ' +
      'WHERE "id" = ? AND "leaseToken" = ?',
    [outcome.state, jsonParam(outcome.attempts), outcome.failures, outcome.nextAttemptAt, now, outcome.id, outcome.token],
  );
  return changed > 0;
}

/** Gives leased rows back, due at once: a shutdown that could not finish sending them. */
export async function releaseLeases(sql: Sql, token: string, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  return sql.run(`UPDATE "WebhookDelivery" SET "leasedUntil" = NULL, "leaseToken" = NULL WHERE "leaseToken" = ? AND "id" IN (${placeholders(ids.length)})`, [token, ...ids]);
}

/**
 * Every lease, given back: for SQLite at start, where one process owns the file (decision 0003),
 * so a lease found then was left by a process that died.
 */
export async function releaseAllLeases(sql: Sql): Promise<number> {
  return sql.run('UPDATE "WebhookDelivery" SET "leasedUntil" = NULL, "leaseToken" = NULL WHERE "state" = \'pending\' AND "leasedUntil" IS NOT NULL');
}

/** When the next unleased pending delivery is due, if any. */
export async function nextDueAt(sql: Sql, now: Date): Promise<Date | null> {
  const [row] = await sql.all<{ nextAttemptAt: unknown }>(
    'SELECT "nextAttemptAt" FROM "WebhookDelivery" WHERE "state" = \'pending\' AND ("leasedUntil" IS NULL OR "leasedUntil" < ?) ORDER BY "nextAttemptAt" LIMIT 1',
    [now],
  );
  return row ? asDateOrNull(row.nextAttemptAt) : null;
}
