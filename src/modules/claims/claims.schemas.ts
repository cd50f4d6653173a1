import { z } from 'zod';
import { pageQuery } from '../../http/pagination';
import { calendarDate, id, languageTag, pageOf, text, timestamp, timestampOut, version } from '../../http/schemas';
import { evidenceView } from '../evidence/evidence.schemas';
import { ratingKey } from '../rating-scales/rating-scales.schemas';
import { reviewView } from '../reviews/reviews.schemas';

export const CLAIM_STATUSES = ['unverified', 'in_review', 'pending_approval', 'published'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const QUANTITY_KINDS = ['money', 'share', 'percent', 'count', 'date', 'duration', 'quantity'] as const;

/** W3C Web Annotation style: positions in Unicode code points into the article body (DESIGN §3). */
export const quoteInput = z.strictObject({
  exact: z.string().min(1).max(10_000),
  prefix: z.string().min(1).max(1000).optional(),
  suffix: z.string().min(1).max(1000).optional(),
  start: z.number().int().min(0).max(10_000_000).optional(),
  end: z.number().int().min(1).max(10_000_000).optional(),
});

export const quantity = z.strictObject({
  text: z.string().min(1).max(200),
  value: z.number().finite(),
  unit: z.string().max(20),
  kind: z.enum(QUANTITY_KINDS),
  low: z.number().finite().optional(),
  high: z.number().finite().optional(),
  date: z.iso.date().optional(),
});

export const tag = z
  .string()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}_-]{0,63}$/u, 'a tag is 1–64 letters, digits, _ or -, starting with a letter or digit');

const claimFields = {
  /** The checkable statement, in its original language. */
  text: text(5000),
  language: languageTag,
  claimant: text(300).nullable().optional(),
  claimDate: z.union([timestamp, calendarDate]).nullable().optional(),
  articleId: id.nullable().optional(),
  quote: quoteInput.nullable().optional(),
  /** Sent: kept as given. Not sent: extracted from the text and quote. */
  quantities: z.array(quantity).max(50).optional(),
  tags: z.array(tag).max(20).optional(),
};

export const claimCreate = z.strictObject(claimFields);
export type ClaimCreate = z.infer<typeof claimCreate>;

export const claimUpdate = z
  .strictObject({ ...claimFields, status: z.enum(CLAIM_STATUSES).optional() })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'name at least one field to change' });
export type ClaimUpdate = z.infer<typeof claimUpdate>;

export const MAX_BATCH = 1000;
export const claimBatch = z.strictObject({ claims: z.array(claimCreate).min(1).max(MAX_BATCH) });

export const claimListQuery = pageQuery
  .extend({
    q: z.string().trim().min(1).max(500).optional(),
    status: z.enum(CLAIM_STATUSES).optional(),
    verdict: ratingKey.optional().describe('A rating key of any version of the workspace’s scale'),
    articleId: id.optional(),
    claimant: z.string().min(1).max(300).optional(),
    tag: tag.optional(),
    language: languageTag.optional(),
    updatedSince: timestamp.optional(),
    createdAfter: timestamp.optional(),
    createdBefore: timestamp.optional(),
    sort: z.enum(['updatedAt', 'createdAt']).default('updatedAt'),
  })
  .strict();
export type ClaimListQuery = z.infer<typeof claimListQuery>;

/** A quote as stored: anchored, with its code point offsets into the article body. */
export const quoteView = z
  .strictObject({
    exact: z.string(),
    prefix: z.string().optional(),
    suffix: z.string().optional(),
    start: z.number().int().min(0).describe('Offset of the first code point of `exact` in the article body'),
    end: z.number().int().min(0).describe('Offset just after its last code point'),
  })
  .meta({ id: 'Quote' });

export const quantityView = z
  .strictObject({
    text: z.string().describe('The exact words it was read from'),
    value: z.number(),
    unit: z.string(),
    kind: z.enum(QUANTITY_KINDS),
    low: z.number().optional(),
    high: z.number().optional(),
    date: z.iso.date().optional(),
  })
  .meta({ id: 'Quantity' });

/** A claim as the API answers it (`presentClaim`). */
export const claimView = z
  .strictObject({
    id,
    articleId: id.nullable(),
    text: z.string(),
    language: z.string(),
    claimant: z.string().nullable(),
    claimDate: timestampOut.nullable(),
    quote: quoteView.nullable(),
    quantities: z.array(quantityView),
    status: z.enum(CLAIM_STATUSES),
    verdict: z.string().nullable().describe("A rating of the workspace's rating scale, once a review is published"),
    version,
    createdAt: timestampOut,
    updatedAt: timestampOut,
    tags: z.array(z.string()),
  })
  .meta({ id: 'Claim' });

/** A claim with its evidence and the verdicts it has had (`getClaim`). */
export const claimWithEvidenceView = claimView
  .extend({
    evidence: z.array(evidenceView),
    verdictHistory: z.array(reviewView).describe('Every verdict the claim has had (published, then superseded ones), newest first'),
  })
  .meta({ id: 'ClaimWithEvidence' });

export const claimPage = pageOf(claimView);

/** The claims a batch created, in the order sent. */
export const claimBatchView = z.strictObject({ data: z.array(claimView) });

export const similarQuery = z
  .strictObject({
    text: text(5000).describe('The statement to compare, in any language'),
    language: languageTag.optional().describe('Its language, when known (a hint: similar claims are found across languages)'),
    limit: z.coerce.number().int().min(1).max(50).default(10),
  });
export type SimilarQuery = z.infer<typeof similarQuery>;

/** A claim like a given text, with why (DESIGN §12). */
export const similarClaimView = claimView
  .extend({
    score: z.number().min(0).max(1).describe('How alike, 0…1: shared words (folded, §5) and, weighing more, the same quantities'),
    sharedTerms: z.array(z.string()).describe('Words both state, folded and without clitics'),
    sharedQuantities: z.array(quantityView).describe('Its quantities that the text states too (the same amount in any words or language)'),
  })
  .meta({ id: 'SimilarClaim' });

export const similarClaims = z.strictObject({ data: z.array(similarClaimView).describe('Best first') });

/** A new claim, with the existing claims it may duplicate: a warning, not a refusal. */
export const createdClaimView = claimView
  .extend({ similar: z.array(similarClaimView).describe('Existing claims likely to state the same thing (score ≥ 0.4), best first; at most 3') })
  .meta({ id: 'CreatedClaim' });
