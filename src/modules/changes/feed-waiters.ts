import type { CommitNotice, CommitSignal } from '../../db/commit-signal';

export type WakeReason = 'change' | 'timeout' | 'closed';

/** A registered wait: `reason` settles once; `cancel` drops it early (its answer came from a read). */
export interface Wait {
  reason: Promise<WakeReason>;
  cancel(): void;
}

interface Waiter {
  afterSeq: number;
  wake: (reason: WakeReason) => void;
}

/**
 * The long-polls of the changes feed, waiting in memory: no database connection and no polling
 * while they wait. One listener on the commit signal per process wakes the waiters of the
 * workspace that changed, however many there are; each then reads its page once.
 */
export class FeedWaiters {
  private readonly byWorkspace = new Map<string, Set<Waiter>>();
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
    const reason = new Promise<WakeReason>((resolve) => {
      const waiters = this.byWorkspace.get(workspaceId) ?? new Set<Waiter>();
      this.byWorkspace.set(workspaceId, waiters);
      const timer = setTimeout(() => waiter.wake('timeout'), timeoutMs);
      const onAbort = () => waiter.wake('closed');
      const waiter: Waiter = {
        afterSeq,
        wake: (reason) => {
          clearTimeout(timer);
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
    return { reason, cancel: () => cancel() };
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
    const groups = notice.workspaceId === '*' ? [...this.byWorkspace.values()] : [this.byWorkspace.get(notice.workspaceId)];
    for (const waiters of groups) {
      for (const waiter of [...(waiters ?? [])]) if (notice.workspaceId === '*' || notice.seq > waiter.afterSeq) waiter.wake('change');
    }
  }

  private close(): void {
    this.closed = true;
    for (const waiters of [...this.byWorkspace.values()]) for (const waiter of [...waiters]) waiter.wake('closed');
  }
}
