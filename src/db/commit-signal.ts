import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * What a committed write appended: its workspace's new audit head, whether the changes feed
 * gained anything, and how many webhook deliveries it queued. `workspaceId: '*'` means "anything
 * may have changed" (the PostgreSQL listener reconnected and may have missed notices).
 */
export interface CommitNotice {
  workspaceId: string;
  seq: number;
  feed: boolean;
  deliveries: number;
}

export type CommitListener = (notice: CommitNotice) => void;

/** The NOTIFY channel the API processes of one PostgreSQL database share. */
export const COMMIT_CHANNEL = 'claimtrack_commits';
/** PostgreSQL's NOTIFY payload limit is 8,000 bytes; stay under it. */
const MAX_PAYLOAD = 7_500;
const RECONNECT_MS = 1_000;

interface Wire {
  /** The publishing process, so it ignores its own notices (it told its listeners already). */
  o: string;
  n: [workspaceId: string, seq: number, feed: 0 | 1, deliveries: number][];
}

/**
 * The wake-up after a commit (webhook dispatcher, long-polls of the changes feed): one per
 * process, whatever the number of waiters. `publish` tells this process's listeners at once; on
 * PostgreSQL it also sends one NOTIFY per event-loop turn for all commits of that turn (after
 * the commits: a NOTIFY inside each write transaction would serialize the commits), and one
 * LISTEN connection per process, opened when the first listener arrives, hears the others.
 * A missed notice costs latency, never correctness: waiters also time out and the dispatcher
 * polls.
 */
export class CommitSignal {
  private readonly listeners = new Set<CommitListener>();
  private readonly origin = randomBytes(8).toString('hex');
  private outgoing = new Map<string, CommitNotice>();
  private flushScheduled = false;
  private listener: Client | undefined;
  private listening = false;
  private closed = false;
  private reconnectTimer: NodeJS.Timeout | undefined;

  /**
   * @param postgres on PostgreSQL: how to send a NOTIFY (on the pool) and the url for LISTEN.
   */
  constructor(private readonly postgres?: { notify: (channel: string, payload: string) => Promise<unknown>; url: string; onError?: (error: unknown) => void }) {}

  /** Calls `listener` after every commit of this process (and of the others, on PostgreSQL). */
  on(listener: CommitListener): () => void {
    this.listeners.add(listener);
    if (this.postgres && !this.listening && !this.closed) {
      this.listening = true;
      void this.listen();
    }
    return () => this.listeners.delete(listener);
  }

  /** After a commit: tells this process's listeners now, and the other processes soon. */
  publish(notice: CommitNotice): void {
    this.deliver(notice);
    if (!this.postgres || this.closed) return;
    const queued = this.outgoing.get(notice.workspaceId);
    this.outgoing.set(notice.workspaceId, queued ? merge(queued, notice) : notice);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => void this.flush());
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    await this.flush();
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
    this.listeners.clear();
  }

  private deliver(notice: CommitNotice): void {
    for (const listener of [...this.listeners]) listener(notice);
  }

  private async flush(): Promise<void> {
    this.flushScheduled = false;
    const notices = [...this.outgoing.values()];
    this.outgoing = new Map();
    if (!this.postgres || notices.length === 0) return;
    for (const payload of payloads(this.origin, notices)) {
      await this.postgres.notify(COMMIT_CHANNEL, payload).catch((error: unknown) => this.postgres?.onError?.(error));
    }
  }

  private async listen(): Promise<void> {
    if (!this.postgres || this.closed) return;
    const client = new Client({ connectionString: this.postgres.url });
    const retry = (error?: unknown) => {
      if (error) this.postgres?.onError?.(error);
      if (this.listener !== client) return;
      this.listener = undefined;
      client.end().catch(() => undefined);
      if (!this.closed) this.reconnectTimer = setTimeout(() => void this.listen(), RECONNECT_MS);
    };
    this.listener = client;
    client.on('error', retry);
    client.on('end', () => retry());
    client.on('notification', (message) => {
      if (message.channel === COMMIT_CHANNEL && message.payload) this.receive(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${COMMIT_CHANNEL}`);
      // Whatever committed while no connection listened: let every waiter look again.
      this.deliver({ workspaceId: '*', seq: 0, feed: true, deliveries: 1 });
    } catch (error) {
      retry(error);
    }
  }

  private receive(payload: string): void {
    let wire: Wire;
    try {
      wire = JSON.parse(payload) as Wire;
    } catch {
      return;
    }
    if (wire.o === this.origin || !Array.isArray(wire.n)) return;
    for (const [workspaceId, seq, feed, deliveries] of wire.n) this.deliver({ workspaceId, seq, feed: feed === 1, deliveries });
  }
}

function merge(a: CommitNotice, b: CommitNotice): CommitNotice {
  return { workspaceId: a.workspaceId, seq: Math.max(a.seq, b.seq), feed: a.feed || b.feed, deliveries: a.deliveries + b.deliveries };
}

/** The notices of one flush as NOTIFY payloads, each under PostgreSQL's limit. */
function payloads(origin: string, notices: CommitNotice[]): string[] {
  const out: string[] = [];
  let batch: Wire['n'] = [];
  const encode = (n: Wire['n']) => JSON.stringify({ o: origin, n } satisfies Wire);
  for (const notice of notices) {
    const entry: Wire['n'][number] = [notice.workspaceId, notice.seq, notice.feed ? 1 : 0, notice.deliveries];
    if (batch.length > 0 && encode([...batch, entry]).length > MAX_PAYLOAD) {
      out.push(encode(batch));
      batch = [];
    }
    batch.push(entry);
  }
  if (batch.length > 0) out.push(encode(batch));
  return out;
}
