import type { CommitNotice, CommitSignal } from '../../db/commit-signal';

export type WakeReason = 'change' | 'timeout' | 'closed';

/** A registered wait: `reason` settles once; `cancel` drops it early (its answer came from a read). */
export interface Wait {
  reason: Promise<WakeReason>;
  /** Which commit notice woke it (a counter of this process), once `reason` is `change`. */
  notice?: number;
  cancel(): void;
}

interface Waiter {
  afterSeq: number;
  wake: (reason: WakeReason, notice?: number) => void;
}

/**
 * The long-polls of the changes feed, waiting in memory: no database connection and no polling
 * while they wait. One listener on the commit signal per process wakes the waiters of the
 * workspace that changed, however many there are; each then reads its page once.
 */
export class FeedWaiters {
  private readonly byWorkspace = new Map<string, Set<Waiter>>();
  private readonly reads = new Map<string, Promise<unknown>>();
  private notices = 0;
  private listening = false;
  private closed = false;

  constructor(
    private readonly commits: CommitSignal,
    shutdown?: AbortSignal,
  ) {
    shutdown?.addEventListener('abort', () => this.close(), { once: true });
    if (shutdown?.aborted) this.closed = true;
  }

  /**
   * Resolves on the first commit of the workspace's feed past `afterSeq`, after `timeoutMs`, on
   * `signal` (the client went away) or at shutdown. Register before reading, so that a commit
   * between the read and the wait is not missed.
   */
  wait(workspaceId: string, afterSeq: number, timeoutMs: number, signal?: AbortSignal): Wait {
    if (this.closed || signal?.aborted) return { reason: Promise.resolve('closed'), cancel: () => undefined };
    this.listen();
    let cancel = () => undefined as void;
    const registered: Wait = { reason: undefined as unknown as Promise<WakeReason>, cancel: () => cancel() };
    registered.reason = new Promise<WakeReason>((resolve) => {
      const waiters = this.byWorkspace.get(workspaceId) ?? new Set<Waiter>();
      this.byWorkspace.set(workspaceId, waiters);
      const timer = setTimeout(() => waiter.wake('timeout'), timeoutMs);
      const onAbort = () => waiter.wake('closed');
      const waiter: Waiter = {
        afterSeq,
        wake: (reason, notice) => {
          clearTimeout(timer);
          registered.notice = notice;
          signal?.removeEventListener('abort', onAbort);
          waiters.delete(waiter);
          if (waiters.size === 0 && this.byWorkspace.get(workspaceId) === waiters) this.byWorkspace.delete(workspaceId);
          resolve(reason);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      waiters.add(waiter);
      cancel = () => waiter.wake('closed');
    });
    return registered;
  }

  /**
   * The read that follows a wake-up, done once for every waiter the same commit notice woke with
   * the same `question` (workspace, position, page size): a commit that wakes 100 long polls
   * costs one page read, not 100. Only reads started after the notice are shared, so each one
   * sees the commit that woke its waiters.
   * @example waiters.sharedRead(`${workspaceId} ${afterSeq} ${limit}`, wait.notice, () => readPage(…))
   */
  sharedRead<T>(question: string, notice: number, read: () => Promise<T>): Promise<T> {
    const key = `${notice} ${question}`;
    const running = this.reads.get(key) as Promise<T> | undefined;
    if (running) return running;
    const started = read().finally(() => this.reads.delete(key));
    this.reads.set(key, started);
    return started;
  }

  /** How many requests are waiting (for tests and metrics). */
  get size(): number {
    let n = 0;
    for (const waiters of this.byWorkspace.values()) n += waiters.size;
    return n;
  }

  private listen(): void {
    if (this.listening) return;
    this.listening = true;
    this.commits.on((notice) => this.notify(notice));
  }

  private notify(notice: CommitNotice): void {
    if (!notice.feed) return;
    this.notices += 1;
    const id = this.notices;
    const groups = notice.workspaceId === '*' ? [...this.byWorkspace.values()] : [this.byWorkspace.get(notice.workspaceId)];
    for (const waiters of groups) {
      for (const waiter of [...(waiters ?? [])]) if (notice.workspaceId === '*' || notice.seq > waiter.afterSeq) waiter.wake('change', id);
    }
  }

  private close(): void {
    this.closed = true;
    for (const waiters of [...this.byWorkspace.values()]) for (const waiter of [...waiters]) waiter.wake('closed');
  }
}
