import { z } from 'zod';
import { id, text, timestampOut, version } from '../../http/schemas';
import { ratingKey } from '../rating-scales/rating-scales.schemas';

export const REVIEW_STATES = ['proposed', 'published', 'rejected', 'superseded'] as const;

export const reviewCreate = z.strictObject({
  /** A key of the workspace's current rating scale. */
  rating: ratingKey,
  /** The reasoning, shown to readers with the verdict. */
  summary: text(20_000),
});
export type ReviewCreate = z.infer<typeof reviewCreate>;

export const reviewPublish = z.strictObject({
  /** Required when this publication replaces an earlier verdict (a correction); refused otherwise. */
  correctionNote: text(5000).optional(),
  decisionNote: text(5000).optional(),
});
export type ReviewPublish = z.infer<typeof reviewPublish>;

export const reviewReject = z.strictObject({
  /** Why the proposal goes back: the checker reads it. */
  decisionNote: text(5000),
});
export type ReviewReject = z.infer<typeof reviewReject>;

export const reviewReopen = z.strictObject({
  /** Why the published verdict is reconsidered: kept on the verdict and in the audit trail. */
  note: text(5000),
});
export type ReviewReopen = z.infer<typeof reviewReopen>;

export const reviewParams = z.strictObject({ id, reviewId: id });
export const claimParams = z.strictObject({ id });

export const reviewView = z
  .strictObject({
    id,
    claimId: id,
    rating: z.string(),
    summary: z.string(),
    scaleVersion: z.number().int().min(1).describe('The rating scale version the review was made under'),
    state: z.enum(REVIEW_STATES),
    proposedBy: z.string().describe('API key id'),
    decidedBy: z.string().nullable().describe('API key id'),
    decisionNote: z.string().nullable(),
    correctionNote: z.string().nullable(),
    reopenedAt: timestampOut.nullable().describe('When the published verdict was reopened for a correction (it stays public until replaced)'),
    reopenedBy: z.string().nullable().describe('API key id'),
    reopenNote: z.string().nullable().describe('Why it was reopened'),
    version,
    createdAt: timestampOut,
    decidedAt: timestampOut.nullable(),
  })
  .meta({ id: 'Review' });

export const reviewList = z.strictObject({ data: z.array(reviewView), nextCursor: z.null() });
