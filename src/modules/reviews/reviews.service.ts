import type { Database } from '../../db/database';
import { AppError, type FieldError } from '../../core/errors';
import { runWrite, type UnitOfWork, type WriteContext, type WriteResponse } from '../../write-path/unit-of-work';
import type { Actor } from '../../core/roles';
import { allowedActions, type WorkflowAction } from '../claims/claim-status';
import type { ClaimStatus } from '../claims/claims.schemas';
import * as claimsService from '../claims/claims.service';
import * as evidence from '../evidence/evidence.repository';
import * as scalesService from '../rating-scales/rating-scales.service';
import * as workspacesService from '../workspaces/workspaces.service';
import * as claims from '../claims/claims.repository';
import { presentClaim } from '../claims/claims.views';
import * as reviews from './reviews.repository';
import { presentReview, type ReviewView } from './reviews.views';
import type { ReviewCreate, ReviewPublish, ReviewReject, ReviewReopen } from './reviews.schemas';

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

/**
 * published → in_review for a correction; the published verdict stays public until replaced, and
 * records when, by whom and why it was reopened (`note`), in the claim's history and the trail.
 */
export async function reopenClaim(db: Database, context: WriteContext, claimId: string, input: ReviewReopen): Promise<WriteResponse & { replayed: boolean }> {
  return runWrite(db, context, async (uow) => {
    const claim = await claimsService.transitionClaim(uow, claimId, 'reopen');
    await recordReopening(uow, [claimId], input.note);
    return { status: 200, body: claim, version: claim.version };
  });
}

/** Marks the published verdicts of reopened claims with the reason, one audit event each. */
async function recordReopening(uow: UnitOfWork, claimIds: string[], note: string): Promise<void> {
  const published = await reviews.findPublished(uow.tx, claimIds);
  // A published claim always has its published review: publishing is the only way in.
  if (published.length !== claimIds.length) throw new Error(`${claimIds.length - published.length} reopened claims have no published review`);
  const reopened = await reviews.markReopened(uow.tx, published.map((review) => review.id), { reopenedAt: new Date(), reopenedById: uow.actor.keyId, reopenNote: note });
  await uow.auditMany(
    published.map((before, i) => ({ action: 'review.reopen', entityType: 'review', entityId: before.id, before: present(before), after: reopened[i] && present(reopened[i]) })),
  );
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

/**
 * Moves many claims to `to` at once, all or nothing, one audit event per claim (e.g. 500 claims
 * from unverified to in_review). Only moves that need no review: starting a review, and reopening
 * a published claim (editors and admins, with the `note` saying why).
 */
export async function bulkTransition(
  db: Database,
  context: WriteContext,
  ids: string[],
  to: ClaimStatus,
  note?: string,
): Promise<WriteResponse & { replayed: boolean }> {
  return runWrite(db, context, async (uow) => {
    const workspaceId = uow.actor.workspaceId;
    const found = new Map((await claims.findManyActiveForUpdate(uow.sql, workspaceId, ids)).map((c) => [c.id, c]));
    const errors: FieldError[] = [];
    const moves: { claim: claims.ClaimRow; action: WorkflowAction }[] = [];
    for (const [index, id] of ids.entries()) {
      const claim = found.get(id);
      const path = `body.claimIds.${index}`;
      if (!claim) {
        errors.push({ path, message: `no claim with id ${id}` });
        continue;
      }
      const action = bulkActionFor(claim.status as ClaimStatus, to);
      if (!action) errors.push({ path, message: `a claim that is ${claim.status} cannot move to ${to} in bulk` });
      else if (action === 'reopen' && !['editor', 'admin'].includes(uow.actor.role)) errors.push({ path, message: 'reopening a published claim needs an editor' });
      else moves.push({ claim, action });
    }
    if (errors.length > 0) throw AppError.unprocessable(`${errors.length} of ${ids.length} claims cannot move to ${to}; none was moved.`, errors);
    const reopening = moves.filter((move) => move.action === 'reopen').map((move) => move.claim.id);
    if (reopening.length > 0 && note === undefined) {
      throw AppError.unprocessable('Reopening a published verdict needs a note saying why; none was moved.', [{ path: 'body.note', message: `required: ${reopening.length} of the claims are published` }]);
    }
    // Both bulk actions end in `to`; the claims are locked, so one statement moves them all.
    const moved = (await claims.setStatusMany(uow.sql, moves.map((move) => move.claim), to)).map(presentClaim);
    await uow.auditMany(
      moves.map(({ claim, action }, i) => ({ action: `claim.${action}`, entityType: 'claim', entityId: claim.id, before: presentClaim(claim), after: moved[i] })),
    );
    if (reopening.length > 0) await recordReopening(uow, reopening, note as string);
    return { status: 200, body: { data: moved } };
  });
}

function bulkActionFor(from: ClaimStatus, to: ClaimStatus): WorkflowAction | undefined {
  if (from === 'unverified' && to === 'in_review') return 'start_review';
  if (from === 'published' && to === 'in_review') return 'reopen';
  return undefined;
}
