"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WriteQueue = void 0;
class WriteQueue {
    transaction;
    savepoints;
    budgetMs;
    maxGroup;
    pending = [];
    /** The running drain, if any; cleared in the same step that finds the queue empty. */
    draining;
    closed = false;
    /**
     * @param transaction runs its callback in one transaction: committed when it resolves, rolled
     *   back when it throws.
     */
    constructor(transaction, savepoints, budgetMs = 50, maxGroup = 64) {
        this.transaction = transaction;
        this.savepoints = savepoints;
        this.budgetMs = budgetMs;
        this.maxGroup = maxGroup;
    }
    run(work) {
        if (this.closed)
            return Promise.reject(new Error('The database is closed.'));
        return new Promise((resolve, reject) => {
            this.pending.push({ work, resolve: resolve, reject });
            this.draining ??= this.drain();
        });
    }
    /** Takes no more writes; resolves once every write queued so far has settled. */
    async close() {
        this.closed = true;
        while (this.draining)
            await this.draining;
    }
    async drain() {
        // A write queued by a settling write (a retry, a cleanup) must find either this loop still
        // running or `draining` cleared: so the emptiness check and the clearing are one step.
        for (;;) {
            if (this.pending.length === 0) {
                this.draining = undefined;
                return;
            }
            const group = [];
            const outcomes = [];
            try {
                await this.transaction(async (context) => {
                    const started = performance.now();
                    for (;;) {
                        const job = this.pending.shift();
                        if (!job)
                            break;
                        group.push(job);
                        outcomes.push(await this.attempt(job, context));
                        if (group.length >= this.maxGroup || performance.now() - started >= this.budgetMs)
                            break;
                        // Requests in flight reach the queue only when the event loop turns: let it turn once.
                        await new Promise((resolve) => setImmediate(resolve));
                    }
                });
            }
            catch (error) {
                // The transaction (or its commit) failed: none of the group's writes happened. If it
                // failed before taking any (it could not begin), the first write waiting takes the error,
                // so the loop always makes progress.
                for (const job of group.length > 0 ? group : this.pending.splice(0, 1))
                    job.reject(error);
                continue;
            }
            group.forEach((job, i) => {
                const outcome = outcomes[i];
                if (outcome.ok)
                    job.resolve(outcome.value);
                else
                    job.reject(outcome.error);
            });
        }
    }
    async attempt(job, context) {
        await this.savepoints.begin();
        try {
            const value = await job.work(context);
            await this.savepoints.release();
            return { ok: true, value };
        }
        catch (error) {
            // If even this fails, the transaction is gone: the whole group fails, as it must.
            await this.savepoints.rollback();
            return { ok: false, error };
        }
    }
}
exports.WriteQueue = WriteQueue;
//# sourceMappingURL=write-queue.js.map