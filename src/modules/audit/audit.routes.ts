import { z } from 'zod';
import type { AppDeps } from '../../app-deps';
import { pageQuery } from '../../http/pagination';
import { defineRoute, type RouteSpec } from '../../http/route';
import { id, pageOf, timestamp } from '../../http/schemas';
import { can } from '../../core/roles';
import { auditEventView, chainCheckView } from './audit.schemas';
import * as service from './audit.service';

export { auditEventView, chainCheckView };

export const auditEventsQuery = pageQuery
  .extend({
    entityId: id.optional(),
    action: z.string().regex(/^[a-z_]+\.[a-z_]+$/, 'an action such as article.update').optional(),
    actor: id.optional().describe('API key id'),
    from: timestamp.optional().describe('inclusive'),
    to: timestamp.optional().describe('exclusive'),
  })
  .strict();

export function auditRoutes({ db }: AppDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/audit/events',
      summary: "The workspace's audit trail, oldest first",
      roles: can.audit,
      query: auditEventsQuery,
      response: { status: 200, description: 'A page of audit events, oldest first', schema: pageOf(auditEventView) },
      handler: async ({ actor, query }, res) => {
        res.json(
          await service.listEvents(db, actor, {
            ...query,
            from: query.from ? new Date(query.from) : undefined,
            to: query.to ? new Date(query.to) : undefined,
          }),
        );
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/audit/verify',
      summary: 'Recompute the audit chain and name the first broken seq',
      roles: can.audit,
      response: { status: 200, description: 'The result of the check', schema: chainCheckView },
      handler: async ({ actor }, res) => {
        res.json(await service.verifyChain(db, actor.workspaceId));
      },
    }),
  ];
}
