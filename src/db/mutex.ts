/**
 * A FIFO lock for async work: `run` calls wait for the ones before them to settle.
 * @example await mutex.run(() => writer.$transaction(work))
 */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
