import { z, type ZodType } from 'zod';
import type { AppDeps } from '../../app-deps';
import { pageQuery } from '../../http/pagination';
import { defineRoute, type RouteSpec } from '../../http/route';
import { id, pageOf, timestamp } from '../../http/schemas';
import { can, ROLES } from '../../core/roles';
import { articleView } from '../articles/articles.schemas';
import { apiKeyView } from '../auth/api-keys.routes';
import { claimView } from '../claims/claims.schemas';
import { evidenceView } from '../evidence/evidence.schemas';
import { ratingScaleView } from '../rating-scales/rating-scales.schemas';
import { reviewView } from '../reviews/reviews.schemas';
import { sourceView } from '../sources/sources.schemas';
import { deliveryView, webhookView } from '../webhooks/webhooks.schemas';
import { workspaceView } from '../workspaces/workspaces.routes';
import * as service from './audit.service';

const SNAPSHOTS = { api_key: apiKeyView, article: articleView, claim: claimView, evidence: evidenceView, rating_scale: ratingScaleView, review: reviewView, source: sourceView, webhook: webhookView, webhook_delivery: deliveryView, workspace: workspaceView } as const;

/** One audit event (`present` of audit.service): who changed what, and the hash chain. */
const auditEventBase = {
  id,
    seq: z.number().int().min(1).describe('Gap-free per workspace, from 1'),
    at: timestamp,
    actor: z.strictObject({
      keyId: id.nullable().describe('null when claimtrack itself acted'),
      name: z.string(),
      role: z.enum(ROLES),
    }),
    action: z.string().describe('e.g. article.update'),
    entityId: id,
    requestId: z.string(),
    prevHash: z.string().regex(/^([0-9a-f]{64})?$/).describe("The previous event's hash; empty for the first"),
    hash: z.string().regex(/^[0-9a-f]{64}$/).describe('SHA-256 of the canonical JSON of the event'),
};
const variant = <T extends string>(entityType: T, view: ZodType, extra: z.ZodRawShape) =>
  z.strictObject({
    ...auditEventBase,
    ...extra,
    entityType: z.literal(entityType),
    before: view.nullable().describe('The entity before the change, as the API showed it then; null on create'),
    after: view.nullable().describe('The entity after the change, as the API showed it then; null on delete'),
  });

/** An audit event, its before/after typed by its entityType; `extra` adds members to each. */
export function auditEventUnion(extra: z.ZodRawShape = {}) {
  const v = <T extends string>(entityType: T, view: ZodType) => variant(entityType, view, extra);
  return z.discriminatedUnion('entityType', [
    v('api_key', SNAPSHOTS.api_key), v('article', SNAPSHOTS.article), v('claim', SNAPSHOTS.claim), v('evidence', SNAPSHOTS.evidence),
    v('rating_scale', SNAPSHOTS.rating_scale), v('review', SNAPSHOTS.review), v('source', SNAPSHOTS.source), v('webhook', SNAPSHOTS.webhook), v('webhook_delivery', SNAPSHOTS.webhook_delivery), v('workspace', SNAPSHOTS.workspace),
  ]);
}

export const auditEventView = auditEventUnion().meta({ id: 'AuditEvent' });

export const chainCheckView = z
  .strictObject({
    ok: z.boolean(),
    count: z.number().int().min(0).describe('Events that verified'),
    headSeq: z.number().int().min(0),
    headHash: z.string(),
    firstBadSeq: z.number().int().min(1).nullable().describe('The first seq missing, altered or out of chain; null when all is well'),
  })
  .meta({ id: 'ChainCheck' });


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
