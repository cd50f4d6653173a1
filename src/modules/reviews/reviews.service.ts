import type { Database } from '../../db/database';
import { AppError } from '../../core/errors';
import { runWrite, type WriteContext, type WriteResponse } from '../../write-path/unit-of-work';
import type { Actor } from '../../core/roles';
import { allowedActions } from '../claims/claim-status';
import type { ClaimStatus } from '../claims/claims.schemas';
import * as claimsService from '../claims/claims.service';
import * as evidence from '../evidence/evidence.repository';
import * as scalesService from '../rating-scales/rating-scales.service';
import * as workspacesService from '../workspaces/workspaces.service';
import * as reviews from './reviews.repository';
import { presentReview, type ReviewView } from './reviews.views';
import type { ReviewCreate, ReviewPublish, ReviewReject } from './reviews.schemas';

export type { ReviewView };
const present = presentReview;

/** `POST /claims/:id/reviews`: a verdict proposal; moves the claim to pending_approval. */
export async function proposeReview(db: Database, context: WriteContext, claimId: string, input: ReviewCreate): Promise<WriteResponse & { replayed: boolean }> {
  return runWrite(db, context, async (uow) => {
    const workspaceId = uow.actor.workspaceId;
    const claim = await claimsService.requireClaim(uow.sql, workspaceId, claimId);
    const open = await reviews.findInState(uow.tx, claimId, 'proposed');
    if (open) {
      throw AppError.conflict('This claim already has an open proposal; publish or reject it first.', {
        openReviewId: open.id,
        currentStatus: claim.status,
        allowedActions: allowedActions(claim.status as ClaimStatus),
      });
    }
    await claimsService.transitionClaim(uow, claimId, 'propose');
    const scale = await scalesService.currentScale(uow.tx, workspaceId);
    if (!scalesService.ratingOf(scale, input.rating)) {
      throw AppError.unprocessable(`"${input.rating}" is not a rating of scale version ${scale.version}.`, [
        { path: 'body.rating', message: `use one of: ${scale.ratings.map((r) => r.key).join(', ')}` },
      ]);
    }
    if (input.rating !== 'unverifiable' && (await evidence.countForClaim(uow.tx, claimId)) === 0) {
      throw AppError.unprocessable('A verdict needs evidence: link at least one source to the claim first (only "unverifiable" may stand without).', [
        { path: 'body.rating', message: 'the claim has no evidence' },
      ]);
    }
    const row = await reviews.insert(uow.tx, {
      workspaceId,
      claimId,
      rating: input.rating,
      summary: input.summary,
      scaleVersion: scale.version,
      proposedById: uow.actor.keyId as string,
    });
    const view = present(row);
    await uow.audit({ action: 'review.propose', entityType: 'review', entityId: row.id, before: null, after: view });
    return { status: 201, body: view, version: row.version, location: `/v1/claims/${claimId}/reviews/${row.id}` };
  });
}

async function proposalOf(uow: { tx: Parameters<typeof reviews.find>[0]; actor: Actor }, claimId: string, reviewId: string) {
  const review = await reviews.find(uow.tx, uow.actor.workspaceId, claimId, reviewId);
  if (!review) throw AppError.notFound('review', reviewId);
  if (review.state !== 'proposed') throw AppError.conflict(`This review is ${review.state}; only a proposed review can be decided.`, { reviewState: review.state });
  return review;
}

/**
 * Publishes a proposal: the claim's verdict becomes its rating. Four eyes: the proposing key may
 * not publish (unless the workspace turned the rule off). Replacing an earlier verdict is a
 * correction: it needs a correctionNote, and the earlier review becomes superseded.
 */
export async function publishReview(
  db: Database,
  context: WriteContext,
  claimId: string,
  reviewId: string,
  input: ReviewPublish,
): Promise<WriteResponse & { replayed: boolean }> {
  return runWrite(db, context, async (uow) => {
    const review = await proposalOf(uow, claimId, reviewId);
    if (review.proposedById === uow.actor.keyId && (await workspacesService.fourEyesRequired(uow.tx, uow.actor.workspaceId))) {
      throw AppError.forbidden('Four eyes: the key that proposed this review cannot publish it. Another editor must.');
    }
    const previous = await reviews.findInState(uow.tx, claimId, 'published');
    if (previous && !input.correctionNote) {
      throw AppError.unprocessable('This replaces a published verdict: say what changed in correctionNote.', [
        { path: 'body.correctionNote', message: 'required for a correction' },
      ]);
    }
    if (!previous && input.correctionNote) {
      throw AppError.unprocessable('There is no earlier verdict to correct.', [{ path: 'body.correctionNote', message: 'only for corrections' }]);
    }
    const claim = await claimsService.transitionClaim(uow, claimId, 'publish', { verdict: review.rating });
    if (previous) {
      const superseded = await reviews.moveIfState(uow.tx, previous.id, 'published', { state: 'superseded' });
      await uow.audit({ action: 'review.supersede', entityType: 'review', entityId: previous.id, before: present(previous), after: superseded && present(superseded) });
    }
    const published = await reviews.moveIfState(uow.tx, review.id, 'proposed', {
      state: 'published',
      decidedById: uow.actor.keyId,
      decidedAt: new Date(),
      decisionNote: input.decisionNote ?? null,
      correctionNote: input.correctionNote ?? null,
    });
    if (!published) throw AppError.conflict('This review was decided by someone else just now.');
    await uow.audit({ action: 'review.publish', entityType: 'review', entityId: review.id, before: present(review), after: present(published) });
    return { status: 200, body: claim, version: claim.version };
  });
}

/** Sends a proposal back: the claim returns to in_review; the published verdict, if any, stays. */
export async function rejectReview(
  db: Database,
  context: WriteContext,
  claimId: string,
  reviewId: string,
  input: ReviewReject,
): Promise<WriteResponse & { replayed: boolean }> {
  return runWrite(db, context, async (uow) => {
    const review = await proposalOf(uow, claimId, reviewId);
    const claim = await claimsService.transitionClaim(uow, claimId, 'reject');
    const rejected = await reviews.moveIfState(uow.tx, review.id, 'proposed', {
      state: 'rejected',
      decidedById: uow.actor.keyId,
      decidedAt: new Date(),
      decisionNote: input.decisionNote,
    });
    if (!rejected) throw AppError.conflict('This review was decided by someone else just now.');
    await uow.audit({ action: 'review.reject', entityType: 'review', entityId: review.id, before: present(review), after: present(rejected) });
    return { status: 200, body: claim, version: claim.version };
  });
}

/** published → in_review for a correction; the published verdict stays public until replaced. */
export async function reopenClaim(db: Database, context: WriteContext, claimId: string): Promise<WriteResponse & { replayed: boolean }> {
  return runWrite(db, context, async (uow) => {
    const claim = await claimsService.transitionClaim(uow, claimId, 'reopen');
    return { status: 200, body: claim, version: claim.version };
  });
}

export async function getReview(db: Database, actor: Actor, claimId: string, reviewId: string): Promise<ReviewView> {
  const row = await reviews.find(db.reader, actor.workspaceId, claimId, reviewId);
  if (!row) throw AppError.notFound('review', reviewId);
  return present(row);
}

export async function listReviews(db: Database, actor: Actor, claimId: string): Promise<{ data: ReviewView[]; nextCursor: null }> {
  await claimsService.requireClaim(db.sql, actor.workspaceId, claimId);
  return { data: (await reviews.listForClaim(db.sql, actor.workspaceId, claimId)).map(present), nextCursor: null };
}
