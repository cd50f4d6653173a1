import type { CommitNotice } from '../db/commit-signal';
import type { Database, Tx } from '../db/database';
import type { Sql } from '../db/sql';
import { plainJson } from '../db/json';
import { AppError } from '../core/errors';
import { ifMatchAllows, type IfMatch } from '../http/etag';
import { canonicalJson, sha256Hex } from './audit-chain';
import * as auditLog from './audit-log';
import type { Actor } from '../core/roles';
import * as idempotency from './idempotency.repository';
import { CONTENT_ENTITY_TYPES, isDeliverable, type AuditAction } from './audit-actions';
import * as outbox from './outbox.repository';

/** Who writes, and the request's preconditions, as the route layer parsed them. */
export interface WriteContext {
  actor: Actor;
  requestId: string;
  /** If-Match, on routes that require it. */
  ifMatch?: IfMatch;
  /** `Idempotency-Key` of a POST, with a fingerprint of the request it came with. */
  idempotency?: { key: string; fingerprint: string };
}

/** A write's response, as sent and as replayed for a repeated `Idempotency-Key`. */
export interface WriteResponse<T = unknown> {
  status: number;
  body?: T;
  /** The resource's version after the write; becomes the `ETag`. */
  version?: number;
  location?: string;
}

export interface AuditEntry {
  action: AuditAction;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  /** Defaults to the actor's workspace. */
  workspaceId?: string;
}

/**
 * Who a workspace's trail names when another workspace's key changed it (provisioning a new
 * workspace and its first key): the key stays in its own workspace's trail, not in this one.
 */
export const PROVISIONING_ACTOR = { keyId: null, name: 'provisioned by another workspace', role: 'admin' } as const;

/** What a feature's write sees: the transaction, the actor, and the two checks every write makes. */
export class UnitOfWork {
  /** The events this write appended, for the outbox and the commit notices (`finish`). */
  private readonly appended: auditLog.AppendedEvent[] = [];
  /** Deliveries a write queued itself (a retry), by workspace, to wake the dispatcher for. */
  private readonly requeued = new Map<string, number>();

  constructor(
    readonly tx: Tx,
    /** Plain statements in the same transaction (`db/sql.ts`), for the hot paths. */
    readonly sql: Sql,
    readonly context: WriteContext,
  ) {}

  get actor(): Actor {
    return this.context.actor;
  }

  /** 428 without If-Match, 412 unless it matches `current`. Pair it with a version-conditional update. */
  expectVersion(current: number): void {
    if (this.context.ifMatch === undefined) throw AppError.preconditionRequired();
    if (!ifMatchAllows(this.context.ifMatch, current)) throw AppError.preconditionFailed(current);
  }

  /**
   * The sequence of every PATCH, DELETE and workflow action: the live row or 404, If-Match
   * checked against its version (428, 412), then `write`, a version-conditional change whose
   * null or false means another write got there first since the read (412).
   * @example const { current, written } = await uow.changeVersioned('source', id,
   *   () => sources.findActive(uow.tx, workspaceId, id),
   *   (current) => sources.updateIfVersion(uow.tx, workspaceId, id, current.version, data));
   */
  async changeVersioned<Row extends { version: number }, Written>(
    entity: string,
    id: string,
    find: () => Promise<Row | null | undefined>,
    write: (current: Row) => Promise<Written | null | false>,
  ): Promise<{ current: Row; written: Written }> {
    const current = await find();
    if (!current) throw AppError.notFound(entity, id);
    this.expectVersion(current.version);
    const written = await write(current);
    if (written === null || written === false) throw AppError.preconditionFailed();
    return { current, written };
  }

  /** Appends the audit event for this change, in this transaction. */
  async audit(entry: AuditEntry): Promise<void> {
    await this.auditMany([entry]);
  }

  /** Appends one event per entry, in order, in one statement per workspace. */
  async auditMany(entries: AuditEntry[]): Promise<void> {
    const { actor, requestId } = this.context;
    const byWorkspace = new Map<string, auditLog.NewAuditEvent[]>();
    for (const entry of entries) {
      const workspaceId = entry.workspaceId ?? actor.workspaceId;
      const events = byWorkspace.get(workspaceId) ?? [];
      events.push({
        workspaceId,
        actor: workspaceId === actor.workspaceId ? { keyId: actor.keyId, name: actor.name, role: actor.role } : PROVISIONING_ACTOR,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        before: plainJson(entry.before),
        after: plainJson(entry.after),
        requestId,
      });
      byWorkspace.set(workspaceId, events);
    }
    for (const events of byWorkspace.values()) this.appended.push(...(await auditLog.appendMany(this.sql, events)));
  }

  /** Tells the dispatcher, once this write commits, that it queued `count` deliveries. */
  queuedDeliveries(workspaceId: string, count: number): void {
    this.requeued.set(workspaceId, (this.requeued.get(workspaceId) ?? 0) + count);
  }

  /**
   * The write's last step, in its transaction: the outbox rows for the events it appended (one
   * query for the workspace's subscriptions, one insert), and what to announce once it commits.
   */
  async finish(): Promise<CommitNotice[]> {
    const notices: CommitNotice[] = [];
    for (const [workspaceId, events] of groupBy(this.appended, (event) => event.workspaceId)) {
      const deliverable = events.filter((event) => isDeliverable(event.action));
      const subscriptions = deliverable.length > 0 ? await outbox.activeSubscriptions(this.sql, workspaceId) : [];
      const deliveries = subscriptions.length > 0 ? await outbox.enqueue(this.sql, subscriptions, deliverable) : 0;
      notices.push({
        workspaceId,
        seq: Math.max(...events.map((event) => event.seq)),
        feed: events.some((event) => FEED_TYPES.has(event.entityType)),
        deliveries: deliveries + (this.requeued.get(workspaceId) ?? 0),
      });
    }
    return notices;
  }
}

const FEED_TYPES = new Set<string>(CONTENT_ENTITY_TYPES);

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** A `running` record older than this was left by a process that died; a retry may take it over. */
const ABANDONED_AFTER_MS = 5 * 60 * 1000;

/**
 * The one write path (STYLE §5): in one transaction, the feature's change (which checks the
 * version and appends audit events through `uow`) and the response stored under its
 * `Idempotency-Key`. A repeated key replays the stored response; features never open
 * transactions themselves.
 */
export async function runWrite<T>(
  db: Database,
  context: WriteContext,
  work: (uow: UnitOfWork) => Promise<WriteResponse<T>>,
): Promise<WriteResponse<T> & { replayed: boolean }> {
  const apiKeyId = context.actor.keyId;
  const key = apiKeyId ? context.idempotency : undefined;
  if (key && apiKeyId) {
    const replay = await claimIdempotencyKey(db, apiKeyId, key.key, key.fingerprint);
    if (replay) return { ...(replay as WriteResponse<T>), replayed: true };
  }
  try {
    const { result: response, notices } = await db.write(async (tx, sql) => {
      const uow = new UnitOfWork(tx, sql, context);
      const result = await work(uow);
      const notices = await uow.finish();
      if (key && apiKeyId) await idempotency.complete(tx, apiKeyId, key.key, result.status, result);
      return { result, notices };
    });
    // Committed: wake the webhook dispatcher and the long-polls of the changes feed.
    for (const notice of notices) db.commits.publish(notice);
    return { ...response, replayed: false };
  } catch (error) {
    // The write changed nothing, so the key is free again: a corrected retry may use it.
    if (key && apiKeyId) await db.write((tx) => idempotency.removeRunning(tx, apiKeyId, key.key)).catch(() => undefined);
    throw error;
  }
}

/** Fingerprint of a request for `Idempotency-Key`: the same key with another body is refused. */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return sha256Hex(`${method} ${path}\n${canonicalJson(body ?? null)}`);
}

/** Returns the stored response to replay, or undefined after taking the key for this request. */
async function claimIdempotencyKey(db: Database, apiKeyId: string, key: string, fingerprint: string): Promise<WriteResponse | undefined> {
  const attempt = () =>
    db.write(async (tx) => {
      const now = new Date();
      const expiresAt = new Date(now.getTime() + IDEMPOTENCY_TTL_MS);
      const existing = await idempotency.find(tx, apiKeyId, key);
      if (existing && existing.expiresAt > now) {
        if (existing.requestHash !== fingerprint) {
          throw AppError.unprocessable('This Idempotency-Key was used with a different request. Use a new key for a new request.');
        }
        if (existing.state === 'completed') return existing.response as WriteResponse;
        if (now.getTime() - existing.createdAt.getTime() < ABANDONED_AFTER_MS) {
          throw AppError.conflict('A request with this Idempotency-Key is still being processed. Retry later.');
        }
        await idempotency.restart(tx, existing.id, fingerprint, now, expiresAt);
        return undefined;
      }
      if (existing) await idempotency.remove(tx, existing.id); // expired
      await idempotency.insertRunning(tx, { apiKeyId, key, requestHash: fingerprint, createdAt: now, expiresAt });
      return undefined;
    });
  try {
    return await attempt();
  } catch (error) {
    // Two first requests at once (PostgreSQL): the loser's insert hits the unique key. Look again.
    if ((error as { code?: string }).code === 'P2002') return attempt();
    throw error;
  }
}
