import { z } from 'zod';
import type { AppDeps } from '../../app-deps';
import { defineRoute, type RouteSpec } from '../../http/route';
import { sendResource, sendWrite } from '../../http/respond';
import { id } from '../../http/schemas';
import { writeContext } from '../../write-path/write-context';
import { can } from '../../core/roles';
import { claimBatchView, CLAIM_STATUSES, claimView } from '../claims/claims.schemas';
import { claimParams, reviewCreate, reviewReopen, reviewList, reviewParams, reviewPublish, reviewReject, reviewView } from './reviews.schemas';
import * as service from './reviews.service';

export const bulkTransitionBody = z.strictObject({
  claimIds: z
    .array(id)
    .min(1)
    .max(1000)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'each claim once' }),
  to: z.enum(CLAIM_STATUSES),
  /** Why, when the move reopens published verdicts (required then); kept on each verdict. */
  note: reviewReopen.shape.note.optional(),
});

/** The verdict workflow (DESIGN §4, §8): reviews, their decisions, reopening, bulk moves. */
export function workflowRoutes({ db }: AppDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/claims/:id/reviews',
      summary: "A claim's reviews, oldest first",
      roles: can.read,
      params: claimParams,
      response: { status: 200, description: 'The reviews, oldest first', schema: reviewList },
      handler: async ({ actor, params }, res) => {
        res.json(await service.listReviews(db, actor, params.id));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/claims/:id/reviews',
      summary: 'Propose a verdict (If-Match of the claim); the claim goes to pending_approval',
      roles: can.write,
      params: claimParams,
      body: reviewCreate,
      ifMatch: true,
      response: { status: 201, description: 'The proposal', schema: reviewView },
      handler: async (input, res) => {
        sendWrite(res, await service.proposeReview(db, writeContext(input), input.params.id, input.body));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/claims/:id/reviews/:reviewId',
      summary: 'One review',
      roles: can.read,
      params: reviewParams,
      response: { status: 200, description: 'The review', schema: reviewView },
      handler: async ({ actor, params, req }, res) => {
        const review = await service.getReview(db, actor, params.id, params.reviewId);
        sendResource(req, res, review, review.version);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/claims/:id/reviews/:reviewId/publish',
      summary: 'Publish a proposal as the verdict (four eyes; a correction needs correctionNote)',
      roles: can.edit,
      params: reviewParams,
      body: reviewPublish,
      ifMatch: true,
      response: { status: 200, description: 'The claim, published with its new verdict', schema: claimView },
      handler: async (input, res) => {
        sendWrite(res, await service.publishReview(db, writeContext(input), input.params.id, input.params.reviewId, input.body));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/claims/:id/reviews/:reviewId/reject',
      summary: 'Send a proposal back to review, with a decisionNote',
      roles: can.edit,
      params: reviewParams,
      body: reviewReject,
      ifMatch: true,
      response: { status: 200, description: 'The claim, back in review', schema: claimView },
      handler: async (input, res) => {
        sendWrite(res, await service.rejectReview(db, writeContext(input), input.params.id, input.params.reviewId, input.body));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/claims/:id/reopen',
      summary: 'Reopen a published claim for a correction; its verdict stays public until replaced',
      roles: can.edit,
      params: claimParams,
      body: reviewReopen,
      ifMatch: true,
      response: { status: 200, description: 'The claim, in review; its verdict unchanged, and marked reopened with the note', schema: claimView },
      handler: async (input, res) => {
        sendWrite(res, await service.reopenClaim(db, writeContext(input), input.params.id, input.body));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/claims/bulk-transition',
      summary: 'Move up to 1,000 claims at once (start review, or reopen), all or nothing',
      roles: can.write,
      body: bulkTransitionBody,
      response: { status: 200, description: 'Every claim as moved, in the order sent', schema: claimBatchView },
      handler: async (input, res) => {
        sendWrite(res, await service.bulkTransition(db, writeContext(input), input.body.claimIds, input.body.to, input.body.note));
      },
    }),
  ];
}
