import { Gauge } from 'prom-client';
import type { AppDeps } from '../../app-deps';
import { can } from '../../core/roles';
import { defineRoute, type RouteSpec } from '../../http/route';
import { changesPage, changesQuery } from './changes.schemas';
import * as service from './changes.service';
import { FeedWaiters } from './feed-waiters';

export function changesRoutes({ db, shutdown, metrics }: AppDeps): RouteSpec[] {
  // Made on the first long poll: the route table is also built without a database (OpenAPI).
  let waiters: FeedWaiters | undefined;
  if (metrics) {
    new Gauge({
      name: 'claimtrack_changes_waiting',
      help: 'Long polls of GET /v1/changes waiting for a change',
      registers: [metrics],
      collect() {
        this.set(waiters?.size ?? 0);
      },
    });
  }
  return [
    defineRoute({
      method: 'get',
      path: '/v1/changes',
      summary: "The workspace's changes to articles, claims, sources, evidence and reviews, in seq order; optionally long-polled",
      roles: can.read,
      query: changesQuery,
      response: { status: 200, description: 'The changes after the position, and the head of the feed', schema: changesPage },
      handler: async ({ actor, query }, res) => {
        // The client leaving ends its wait: nothing is kept for a request nobody reads.
        const gone = new AbortController();
        res.once('close', () => gone.abort());
        waiters ??= new FeedWaiters(db.commits, shutdown);
        res.json(await service.readChanges(db, actor, query, waiters, gone.signal));
      },
    }),
  ];
}
