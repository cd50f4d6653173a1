import type { AppDeps } from '../../app-deps';
import { defineRoute, type RouteSpec } from '../../http/route';
import { sendResource, sendWrite } from '../../http/respond';
import { idParams } from '../../http/schemas';
import { writeContext } from '../../write-path/write-context';
import { can } from '../../core/roles';
import { createdClaimView, similarClaims, similarQuery } from './claims.schemas';
import { findSimilar } from './claims.similar';
import { claimBatch, claimBatchView, claimCreate, claimListQuery, claimPage, claimUpdate, claimView, claimWithEvidenceView } from './claims.schemas';
import * as service from './claims.service';

export function claimRoutes({ db }: AppDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/claims',
      summary: 'List and search claims',
      roles: can.read,
      query: claimListQuery,
      response: { status: 200, description: 'A page of claims; with `q`, the best matches first', schema: claimPage },
      handler: async ({ actor, query }, res) => {
        res.json(await service.listClaims(db, actor, query));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/claims',
      summary: 'Create a claim, its quote anchored to its article',
      roles: can.write,
      body: claimCreate,
      response: { status: 201, description: 'The claim as stored, its quote anchored, with the existing claims it likely duplicates', schema: createdClaimView },
      errors: { 422: 'The article does not exist or the quote does not fit it' },
      handler: async (input, res) => {
        sendWrite(res, await service.createClaim(db, writeContext(input), input.body));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/claims/batch',
      summary: 'Create up to 1,000 claims, all or nothing',
      roles: can.write,
      body: claimBatch,
      response: { status: 201, description: 'Every claim, in the order sent', schema: claimBatchView },
      errors: { 422: 'Some claims do not fit their articles (each failing index is named); none was stored' },
      handler: async (input, res) => {
        sendWrite(res, await service.createClaims(db, writeContext(input), input.body.claims));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/claims/similar',
      summary: 'Claims like a text: the same words (folded) and, weighing more, the same quantities in any language',
      roles: can.read,
      query: similarQuery,
      response: { status: 200, description: 'The most similar claims, best first, each with its score and why', schema: similarClaims },
      handler: async ({ actor, query }, res) => {
        res.json({ data: await findSimilar(db, actor, query) });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/claims/:id',
      summary: 'Get a claim with its evidence',
      roles: can.read,
      params: idParams,
      response: { status: 200, description: 'The claim with its evidence and verdict history', schema: claimWithEvidenceView },
      handler: async ({ actor, params, req }, res) => {
        const claim = await service.getClaim(db, actor, params.id);
        sendResource(req, res, claim, claim.version);
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/v1/claims/:id',
      summary: 'Change a claim (status: unverified → in_review only)',
      roles: can.write,
      params: idParams,
      body: claimUpdate,
      ifMatch: true,
      response: { status: 200, description: 'The claim as changed', schema: claimView },
      errors: { 409: 'The status change is not one a PATCH may make', 422: 'The article does not exist or the quote does not fit it' },
      handler: async (input, res) => {
        sendWrite(res, await service.updateClaim(db, writeContext(input), input.params.id, input.body));
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/v1/claims/:id',
      summary: 'Delete a claim (soft delete)',
      roles: can.edit,
      params: idParams,
      ifMatch: true,
      response: { status: 204, description: 'Deleted' },
      handler: async (input, res) => {
        sendWrite(res, await service.deleteClaim(db, writeContext(input), input.params.id));
      },
    }),
  ];
}
