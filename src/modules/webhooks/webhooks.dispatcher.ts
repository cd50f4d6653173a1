import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { Logger } from 'pino';
import type { AppDeps } from '../../app-deps';
import type { Database } from '../../db/database';
import * as deliveries from './deliveries.repository';
import { deliveryAgents, postJson, type PostResult } from './http-delivery';
import { signedHeaders } from './signing';
import type { Resolver } from './ssrf-guard';

export interface DispatcherOptions {
  db: Database;
  logger: Logger;
  /** Milliseconds before each retry (`WEBHOOK_RETRY_DELAYS`); past the last, a delivery fails. */
  retryDelaysMs: readonly number[];
  /** `WEBHOOK_ALLOW_PRIVATE`: no SSRF guard. */
  allowPrivate: boolean;
  /** DNS for the receivers' names (tests answer what they like). */
  resolver?: Resolver;
  /** One attempt, from connecting to the end of the answer (DESIGN §10: 10 s). */
  timeoutMs?: number;
  /** How long a lease lasts: past it another process may send the delivery again. */
  leaseMs?: number;
  /** Deliveries in flight at once, per process. */
  concurrency?: number;
  /** The longest sleep: catches leases that ran out and missed wake-ups. */
  pollMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
/**
 * A lease takes up to this many rounds of `concurrency` deliveries; the next lease is asked for
 * while half of them are still to send. When the write queue is slow (SQLite under a write load),
 * sending then does not stall for a lease's wait after every round.
 */
const LEASE_ROUNDS = 4;
/** When due rows exist that another process is leasing right now: look again soon, not at once. */
const BUSY_RETRY_MS = 50;

/** The body of a delivery (DESIGN §10): built from the audit event, so every attempt sends the same. */
export function deliveryPayload(event: deliveries.OutgoingDelivery['event']): string {
  return JSON.stringify({
    type: event.action,
    timestamp: event.at.toISOString(),
    data: { workspaceId: event.workspaceId, seq: event.seq, entityType: event.entityType, entityId: event.entityId, actor: event.actor, after: event.after },
  });
}

/**
 * Sends the outbox (docs/decisions/0008-webhooks-outbox.md). One per API process: it leases due
 * deliveries (on PostgreSQL several processes share them through `FOR UPDATE SKIP LOCKED`),
 * sends them, and records each attempt with the next one's time, or the outcome. It wakes when a
 * commit queued deliveries (this process's, or another's through NOTIFY), when a retry falls due,
 * and every `pollMs` otherwise. Delivery is at least once: a process that dies mid-send leaves a
 * lease that runs out, and the row is sent again with the same `webhook-id`.
 */
export class WebhookDispatcher {
  private readonly token = randomBytes(12).toString('hex');
  private readonly timeoutMs: number;
  private readonly leaseMs: number;
  private readonly concurrency: number;
  private readonly pollMs: number;
  private readonly agents: ReturnType<typeof deliveryAgents>;
  private readonly maxLeased: number;
  private readonly inFlight = new Map<string, Promise<void>>();
  /** Leased and loaded, waiting for a free slot. */
  private readonly queued: deliveries.OutgoingDelivery[] = [];
  private readonly outcomes: deliveries.Outcome[] = [];
  /** Leased rows a shutdown cut off: given back rather than recorded as attempts. */
  private readonly cutOff: string[] = [];
  private readonly abort = new AbortController();
  private flushing: Promise<void> | undefined;
  private running: Promise<void> | undefined;
  private unsubscribe: (() => void) | undefined;
  private wakeSleeper: (() => void) | undefined;
  private woken = false;
  private stopping = false;

  constructor(private readonly options: DispatcherOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.concurrency = options.concurrency ?? 64;
    this.maxLeased = this.concurrency * LEASE_ROUNDS;
    // Long enough for the last of a lease's rounds to time out, with a margin.
    this.leaseMs = options.leaseMs ?? this.timeoutMs * (LEASE_ROUNDS + 1) + 20_000;
    this.pollMs = options.pollMs ?? 2_000;
    this.agents = deliveryAgents(this.concurrency);
    // Every delivery in flight listens for the shutdown's abort.
    setMaxListeners(this.concurrency + 10, this.abort.signal);
  }

  start(): this {
    if (this.running) return this;
    this.unsubscribe = this.options.db.commits.on((notice) => {
      if (notice.deliveries > 0) this.wake();
    });
    this.running = this.loop();
    return this;
  }

  /** Look for due deliveries now. */
  wake(): void {
    this.woken = true;
    this.wakeSleeper?.();
  }

  /**
   * Takes no more deliveries; lets those in flight finish for up to `graceMs`, then cuts them off
   * and gives their leases back, so another process (or the next start) sends them at once.
   */
  async stop(graceMs = 5_000): Promise<void> {
    if (!this.running) return;
    this.stopping = true;
    this.unsubscribe?.();
    this.wake();
    await this.running;
    const sending = Promise.all(this.inFlight.values());
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([sending.then(() => true), new Promise<false>((done) => (timer = setTimeout(() => done(false), graceMs)))]);
    clearTimeout(timer);
    if (!finished) {
      this.abort.abort();
      await sending;
    }
    while (this.flushing) await this.flushing;
    this.cutOff.push(...this.queued.splice(0).map((delivery) => delivery.id));
    if (this.cutOff.length > 0) {
      const ids = this.cutOff.splice(0);
      await this.options.db.background.write((sql) => deliveries.releaseLeases(sql, this.token, ids)).catch((err: unknown) => this.options.logger.warn({ err }, 'webhook leases not released; they run out'));
      this.options.logger.info({ deliveries: ids.length }, 'webhook deliveries in flight at shutdown released');
    }
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  private async loop(): Promise<void> {
    const { db, logger } = this.options;
    if (db.provider === 'sqlite') {
      // One process per SQLite file (decision 0003): a lease found at start is a dead process's.
      await db.background.write((sql) => deliveries.releaseAllLeases(sql)).catch((err: unknown) => logger.warn({ err }, 'webhook leases not released at start'));
    }
    while (!this.stopping) {
      this.woken = false;
      const free = this.maxLeased - this.inFlight.size - this.queued.length;
      let leased = 0;
      try {
        if (free > 0) leased = await this.leaseAndSend(free);
      } catch (err) {
        logger.warn({ err }, 'webhook dispatcher could not lease deliveries');
      }
      if (this.stopping) break;
      // A full batch: more may be due. Woken meanwhile: something was queued.
      if ((free > 0 && leased === free) || this.woken) continue;
      await this.sleep(free - leased > 0 ? await this.untilNextDue() : this.pollMs);
    }
  }

  private async leaseAndSend(limit: number): Promise<number> {
    const { db } = this.options;
    const now = new Date();
    const leaseUntil = new Date(now.getTime() + this.leaseMs);
    const ids = await db.background.write((sql) => deliveries.leaseDue(sql, { now, leaseUntil, token: this.token, limit }));
    if (ids.length === 0) return 0;
    this.queued.push(...(await deliveries.loadOutgoing(db.background.sql, ids)));
    this.pump();
    return ids.length;
  }

  /** Starts queued deliveries while slots are free (none once stopping: their leases go back). */
  private pump(): void {
    while (!this.stopping && this.inFlight.size < this.concurrency && this.queued.length > 0) {
      const delivery = this.queued.shift() as deliveries.OutgoingDelivery;
      const sending = this.send(delivery).finally(() => {
        this.inFlight.delete(delivery.id);
        this.pump();
        // Lease again in batches, not one lease statement per finished delivery.
        if (this.inFlight.size + this.queued.length <= this.maxLeased / 2) this.wake();
      });
      this.inFlight.set(delivery.id, sending);
    }
  }

  private async untilNextDue(): Promise<number> {
    const now = new Date();
    const due = await deliveries.nextDueAt(this.options.db.background.sql, now).catch(() => null);
    if (!due) return this.pollMs;
    return Math.min(this.pollMs, Math.max(BUSY_RETRY_MS, due.getTime() - now.getTime()));
  }

  private sleep(ms: number): Promise<void> {
    if (this.woken || this.stopping) return Promise.resolve();
    return new Promise((done) => {
      const timer = setTimeout(finish, ms);
      function finish() {
        clearTimeout(timer);
        done();
      }
      this.wakeSleeper = () => {
        this.wakeSleeper = undefined;
        finish();
      };
    });
  }

  private async send(delivery: deliveries.OutgoingDelivery): Promise<void> {
    if (delivery.webhookDeleted) {
      this.record({ id: delivery.id, token: this.token, state: 'failed', attempts: delivery.attempts, failures: delivery.failures, nextAttemptAt: null });
      return;
    }
    const body = deliveryPayload(delivery.event);
    const at = new Date();
    const previous = delivery.previousSecret && delivery.previousSecretExpiresAt && delivery.previousSecretExpiresAt > at ? delivery.previousSecret : undefined;
    const headers = signedHeaders(delivery.id, at, body, { secret: delivery.secret, previous });
    let result: PostResult;
    try {
      result = await postJson(new URL(delivery.url), body, headers, {
        timeoutMs: this.timeoutMs,
        guard: !this.options.allowPrivate,
        resolver: this.options.resolver,
        agents: this.agents,
        signal: this.abort.signal,
      });
    } catch (error) {
      result = { error: (error as Error).message, durationMs: Math.round(Date.now() - at.getTime()) };
    }
    if (this.abort.signal.aborted && result.status === undefined) {
      this.cutOff.push(delivery.id);
      return;
    }
    this.record(this.outcomeOf(delivery, at, result));
  }

  /** The attempt in the log, and what comes next: done, the next retry's time, or failed. */
  private outcomeOf(delivery: deliveries.OutgoingDelivery, at: Date, result: PostResult): deliveries.Outcome {
    const attempt: deliveries.Attempt = { at, status: result.status ?? null, error: result.error ?? null, durationMs: result.durationMs };
    const attempts = [...delivery.attempts, attempt];
    const ok = result.status !== undefined && result.status >= 200 && result.status < 300;
    if (ok) return { id: delivery.id, token: this.token, state: 'succeeded', attempts, failures: delivery.failures, nextAttemptAt: null };
    const failures = delivery.failures + 1;
    const delay = this.options.retryDelaysMs[failures - 1];
    this.options.logger.info({ webhookId: delivery.webhookId, deliveryId: delivery.id, status: attempt.status, error: attempt.error, failures }, 'webhook delivery attempt failed');
    if (delay === undefined) return { id: delivery.id, token: this.token, state: 'failed', attempts, failures, nextAttemptAt: null };
    return { id: delivery.id, token: this.token, state: 'pending', attempts, failures, nextAttemptAt: new Date(Date.now() + delay) };
  }

  /** Outcomes are written together: one transaction for all that finished since the last one. */
  private record(outcome: deliveries.Outcome): void {
    this.outcomes.push(outcome);
    this.flushing ??= this.flush();
  }

  private async flush(): Promise<void> {
    const { db, logger } = this.options;
    while (this.outcomes.length > 0) {
      const batch = this.outcomes.splice(0);
      try {
        const now = new Date();
        await db.background.write(async (sql) => {
          for (const outcome of batch) await deliveries.recordOutcome(sql, outcome, now);
        });
      } catch (err) {
        // Their leases run out and they are sent again: at least once, never lost.
        logger.warn({ err, deliveries: batch.length }, 'webhook attempts not recorded');
      }
    }
    this.flushing = undefined;
    // A retry may now be due sooner than the dispatcher's sleep.
    this.wake();
  }
}

/** The dispatcher an API process runs, configured from its environment (server.ts, test apps). */
export function dispatcherFor(deps: Pick<AppDeps, 'db' | 'config' | 'logger' | 'resolver'>, overrides: Partial<DispatcherOptions> = {}): WebhookDispatcher {
  return new WebhookDispatcher({
    db: deps.db,
    logger: deps.logger,
    retryDelaysMs: deps.config.WEBHOOK_RETRY_DELAYS,
    allowPrivate: deps.config.WEBHOOK_ALLOW_PRIVATE,
    resolver: deps.resolver,
    ...overrides,
  });
}
