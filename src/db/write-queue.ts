/**
 * The SQLite writer's queue, with group commit: writes run one at a time, in the order they
 * arrived, and the writes that queued up while a transaction was open share the next one, each
 * inside a savepoint of its own (a write that arrives alone gets a transaction to itself).
 *
 * - A write that throws is rolled back to its savepoint: its changes are gone, and the others are
 *   unaffected.
 * - Each write's promise settles only after the shared transaction has committed: nothing is
 *   acknowledged before it is on disk. If the commit fails, every write of the group fails and
 *   nothing of it is written.
 * - A group stops taking writes after `budgetMs`, so it stays far inside the transaction timeout.
 *
 * Why: a commit costs much more than a small write. FTS5 writes its index segments at commit, and
 * the WAL is synced. Under concurrent load most writes share a commit, so the throughput grows
 * with the load.
 */
export interface Savepoints {
  begin(): Promise<unknown>;
  release(): Promise<unknown>;
  rollback(): Promise<unknown>;
}

interface Job<C> {
  work: (context: C) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export class WriteQueue<C> {
  private readonly pending: Job<C>[] = [];
  /** The running drain, if any; cleared in the same step that finds the queue empty. */
  private draining: Promise<void> | undefined;
  private closed = false;

  /**
   * @param transaction runs its callback in one transaction: committed when it resolves, rolled
   *   back when it throws.
   */
  constructor(
    private readonly transaction: (body: (context: C) => Promise<void>) => Promise<void>,
    private readonly savepoints: Savepoints,
    private readonly budgetMs = 50,
    private readonly maxGroup = 64,
  ) {}

  run<T>(work: (context: C) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('The database is closed.'));
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.draining ??= this.drain();
    });
  }

  /** Takes no more writes; resolves once every write queued so far has settled. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    // A write queued by a settling write (a retry, a cleanup) must find either this loop still
    // running or `draining` cleared: so the emptiness check and the clearing are one step.
    for (;;) {
      if (this.pending.length === 0) {
        this.draining = undefined;
        return;
      }
      const group: Job<C>[] = [];
      const outcomes: Outcome[] = [];
      try {
        await this.transaction(async (context) => {
          const started = performance.now();
          for (;;) {
            const job = this.pending.shift();
            if (!job) break;
            group.push(job);
            outcomes.push(await this.attempt(job, context));
            if (group.length >= this.maxGroup || performance.now() - started >= this.budgetMs) break;
            // Requests in flight reach the queue only when the event loop turns: let it turn once.
            await new Promise((resolve) => setImmediate(resolve));
          }
        });
      } catch (error) {
        // The transaction (or its commit) failed: none of the group's writes happened. If it
        // failed before taking any (it could not begin), the first write waiting takes the error,
        // so the loop always makes progress.
        for (const job of group.length > 0 ? group : this.pending.splice(0, 1)) job.reject(error);
        continue;
      }
      group.forEach((job, i) => {
        const outcome = outcomes[i] as Outcome;
        if (outcome.ok) job.resolve(outcome.value);
        else job.reject(outcome.error);
      });
    }
  }

  private async attempt(job: Job<C>, context: C): Promise<Outcome> {
    await this.savepoints.begin();
    try {
      const value = await job.work(context);
      await this.savepoints.release();
      return { ok: true, value };
    } catch (error) {
      // If even this fails, the transaction is gone: the whole group fails, as it must.
      await this.savepoints.rollback();
      return { ok: false, error };
    }
  }
}
