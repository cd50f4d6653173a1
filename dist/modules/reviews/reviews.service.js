"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.proposeReview = proposeReview;
exports.publishReview = publishReview;
exports.rejectReview = rejectReview;
exports.reopenClaim = reopenClaim;
exports.getReview = getReview;
exports.listReviews = listReviews;
const errors_1 = require("../../core/errors");
const unit_of_work_1 = require("../../write-path/unit-of-work");
const claim_status_1 = require("../claims/claim-status");
const claimsService = __importStar(require("../claims/claims.service"));
const evidence = __importStar(require("../evidence/evidence.repository"));
const scalesService = __importStar(require("../rating-scales/rating-scales.service"));
const workspacesService = __importStar(require("../workspaces/workspaces.service"));
const reviews = __importStar(require("./reviews.repository"));
const reviews_views_1 = require("./reviews.views");
const present = reviews_views_1.presentReview;
/** `POST /claims/:id/reviews`: a verdict proposal; moves the claim to pending_approval. */
async function proposeReview(db, context, claimId, input) {
    return (0, unit_of_work_1.runWrite)(db, context, async (uow) => {
        const workspaceId = uow.actor.workspaceId;
        const claim = await claimsService.requireClaim(uow.sql, workspaceId, claimId);
        const open = await reviews.findInState(uow.tx, claimId, 'proposed');
        if (open) {
            throw errors_1.AppError.conflict('This claim already has an open proposal; publish or reject it first.', {
                openReviewId: open.id,
                currentStatus: claim.status,
                allowedActions: (0, claim_status_1.allowedActions)(claim.status),
            });
        }
        await claimsService.transitionClaim(uow, claimId, 'propose');
        const scale = await scalesService.currentScale(uow.tx, workspaceId);
        if (!scalesService.ratingOf(scale, input.rating)) {
            throw errors_1.AppError.unprocessable(`"${input.rating}" is not a rating of scale version ${scale.version}.`, [
                { path: 'body.rating', message: `use one of: ${scale.ratings.map((r) => r.key).join(', ')}` },
            ]);
        }
        if (input.rating !== 'unverifiable' && (await evidence.countForClaim(uow.tx, claimId)) === 0) {
            throw errors_1.AppError.unprocessable('A verdict needs evidence: link at least one source to the claim first (only "unverifiable" may stand without).', [
                { path: 'body.rating', message: 'the claim has no evidence' },
            ]);
        }
        const row = await reviews.insert(uow.tx, {
            workspaceId,
            claimId,
            rating: input.rating,
            summary: input.summary,
            scaleVersion: scale.version,
            proposedById: uow.actor.keyId,
        });
        const view = present(row);
        await uow.audit({ action: 'review.propose', entityType: 'review', entityId: row.id, before: null, after: view });
        return { status: 201, body: view, version: row.version, location: `/v1/claims/${claimId}/reviews/${row.id}` };
    });
}
async function proposalOf(uow, claimId, reviewId) {
    const review = await reviews.find(uow.tx, uow.actor.workspaceId, claimId, reviewId);
    if (!review)
        throw errors_1.AppError.notFound('review', reviewId);
    if (review.state !== 'proposed')
        throw errors_1.AppError.conflict(`This review is ${review.state}; only a proposed review can be decided.`, { reviewState: review.state });
    return review;
}
/**
 * Publishes a proposal: the claim's verdict becomes its rating. Four eyes: the proposing key may
 * not publish (unless the workspace turned the rule off). Replacing an earlier verdict is a
 * correction: it needs a correctionNote, and the earlier review becomes superseded.
 */
async function publishReview(db, context, claimId, reviewId, input) {
    return (0, unit_of_work_1.runWrite)(db, context, async (uow) => {
        const review = await proposalOf(uow, claimId, reviewId);
        if (review.proposedById === uow.actor.keyId && (await workspacesService.fourEyesRequired(uow.tx, uow.actor.workspaceId))) {
            throw errors_1.AppError.forbidden('Four eyes: the key that proposed this review cannot publish it. Another editor must.');
        }
        const previous = await reviews.findInState(uow.tx, claimId, 'published');
        if (previous && !input.correctionNote) {
            throw errors_1.AppError.unprocessable('This replaces a published verdict: say what changed in correctionNote.', [
                { path: 'body.correctionNote', message: 'required for a correction' },
            ]);
        }
        if (!previous && input.correctionNote) {
            throw errors_1.AppError.unprocessable('There is no earlier verdict to correct.', [{ path: 'body.correctionNote', message: 'only for corrections' }]);
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
        if (!published)
            throw errors_1.AppError.conflict('This review was decided by someone else just now.');
        await uow.audit({ action: 'review.publish', entityType: 'review', entityId: review.id, before: present(review), after: present(published) });
        return { status: 200, body: claim, version: claim.version };
    });
}
/** Sends a proposal back: the claim returns to in_review; the published verdict, if any, stays. */
async function rejectReview(db, context, claimId, reviewId, input) {
    return (0, unit_of_work_1.runWrite)(db, context, async (uow) => {
        const review = await proposalOf(uow, claimId, reviewId);
        const claim = await claimsService.transitionClaim(uow, claimId, 'reject');
        const rejected = await reviews.moveIfState(uow.tx, review.id, 'proposed', {
            state: 'rejected',
            decidedById: uow.actor.keyId,
            decidedAt: new Date(),
            decisionNote: input.decisionNote,
        });
        if (!rejected)
            throw errors_1.AppError.conflict('This review was decided by someone else just now.');
        await uow.audit({ action: 'review.reject', entityType: 'review', entityId: review.id, before: present(review), after: present(rejected) });
        return { status: 200, body: claim, version: claim.version };
    });
}
/** published → in_review for a correction; the published verdict stays public until replaced. */
async function reopenClaim(db, context, claimId) {
    return (0, unit_of_work_1.runWrite)(db, context, async (uow) => {
        const claim = await claimsService.transitionClaim(uow, claimId, 'reopen');
        return { status: 200, body: claim, version: claim.version };
    });
}
async function getReview(db, actor, claimId, reviewId) {
    const row = await reviews.find(db.reader, actor.workspaceId, claimId, reviewId);
    if (!row)
        throw errors_1.AppError.notFound('review', reviewId);
    return present(row);
}
async function listReviews(db, actor, claimId) {
    await claimsService.requireClaim(db.sql, actor.workspaceId, claimId);
    return { data: (await reviews.listForClaim(db.sql, actor.workspaceId, claimId)).map(present), nextCursor: null };
}
//# sourceMappingURL=reviews.service.js.map