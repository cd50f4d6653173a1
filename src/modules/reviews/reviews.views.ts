import type { Served } from '../../http/schemas';
import type { ReviewRow } from './reviews.repository';
import type { REVIEW_STATES, reviewView } from './reviews.schemas';

/** A review as the API answers it: the `reviewView` schema, with dates as `Date`s. */
export type ReviewView = Served<typeof reviewView>;

/** The read model other features (a claim's verdict history) use for reviews, with `reviews.repository`. */
export function presentReview(row: ReviewRow): ReviewView {
  return {
    id: row.id,
    claimId: row.claimId,
    rating: row.rating,
    summary: row.summary,
    scaleVersion: row.scaleVersion,
    state: row.state as (typeof REVIEW_STATES)[number],
    proposedBy: row.proposedById,
    decidedBy: row.decidedById,
    decisionNote: row.decisionNote,
    correctionNote: row.correctionNote,
    reopenedAt: row.reopenedAt,
    reopenedBy: row.reopenedById,
    reopenNote: row.reopenNote,
    version: row.version,
    createdAt: row.createdAt,
    decidedAt: row.decidedAt,
  };
}
