import { CommitSignal } from '../../src/db/commit-signal';
import { FeedWaiters } from '../../src/modules/changes/feed-waiters';

describe('FeedWaiters', () => {
  it('wakes every waiter of the workspace past its position with one notice, and they share one read', async () => {
    const commits = new CommitSignal();
    const waiters = new FeedWaiters(commits);
    const waits = Array.from({ length: 100 }, () => waiters.wait('ws-1', 7, 10_000));
    const other = waiters.wait('ws-2', 0, 10_000);
    const behind = waiters.wait('ws-1', 8, 10_000);

    commits.publish({ workspaceId: 'ws-1', seq: 8, feed: true, deliveries: 0 });
    const reasons = await Promise.all(waits.map((w) => w.reason));

    expect(new Set(reasons)).toEqual(new Set(['change']));
    expect(new Set(waits.map((w) => w.notice)).size).toBe(1);
    expect(waiters.size).toBe(2); // ws-2's, and the one already at seq 8
    let reads = 0;
    const read = async () => {
      reads += 1;
      await new Promise((r) => setTimeout(r, 5));
      return { data: [8] };
    };
    const pages = await Promise.all(waits.map((w) => waiters.sharedRead('ws-1 7 50', w.notice as number, read)));
    expect(reads).toBe(1);
    expect(pages.every((page) => page === pages[0])).toBe(true);

    other.cancel();
    behind.cancel();
    expect(await other.reason).toBe('closed');
  });

  it('does not share a read across notices: a later commit gets a fresh read', async () => {
    const commits = new CommitSignal();
    const waiters = new FeedWaiters(commits);
    const first = waiters.wait('ws-1', 0, 10_000);
    commits.publish({ workspaceId: 'ws-1', seq: 1, feed: true, deliveries: 0 });
    await first.reason;
    const second = waiters.wait('ws-1', 0, 10_000);
    commits.publish({ workspaceId: 'ws-1', seq: 2, feed: true, deliveries: 0 });
    await second.reason;
    expect(second.notice).not.toBe(first.notice);

    let reads = 0;
    const read = async () => ++reads;
    const slow = waiters.sharedRead('q', first.notice as number, () => new Promise<number>((r) => setTimeout(() => r(read()), 10)));
    const fresh = await waiters.sharedRead('q', second.notice as number, read);
    await slow;
    expect(reads).toBe(2);
    expect(fresh).toBe(1);
  });

  it('ignores notices that are not the feed (key and webhook events)', async () => {
    const commits = new CommitSignal();
    const waiters = new FeedWaiters(commits);
    const wait = waiters.wait('ws-1', 0, 50);
    commits.publish({ workspaceId: 'ws-1', seq: 3, feed: false, deliveries: 0 });
    expect(await wait.reason).toBe('timeout');
  });
});
