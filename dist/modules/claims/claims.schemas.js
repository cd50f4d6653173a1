"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.claimBatchView = exports.claimPage = exports.claimWithEvidenceView = exports.claimView = exports.quantityView = exports.quoteView = exports.claimListQuery = exports.claimBatch = exports.MAX_BATCH = exports.claimUpdate = exports.claimCreate = exports.tag = exports.quantity = exports.quoteInput = exports.QUANTITY_KINDS = exports.CLAIM_STATUSES = void 0;
const zod_1 = require("zod");
const pagination_1 = require("../../http/pagination");
const schemas_1 = require("../../http/schemas");
const evidence_schemas_1 = require("../evidence/evidence.schemas");
const rating_scales_schemas_1 = require("../rating-scales/rating-scales.schemas");
const reviews_schemas_1 = require("../reviews/reviews.schemas");
exports.CLAIM_STATUSES = ['unverified', 'in_review', 'pending_approval', 'published'];
exports.QUANTITY_KINDS = ['money', 'share', 'percent', 'count', 'date', 'duration', 'quantity'];
/** W3C Web Annotation style: positions in Unicode code points into the article body (DESIGN §3). */
exports.quoteInput = zod_1.z.strictObject({
    exact: zod_1.z.string().min(1).max(10_000),
    prefix: zod_1.z.string().min(1).max(1000).optional(),
    suffix: zod_1.z.string().min(1).max(1000).optional(),
    start: zod_1.z.number().int().min(0).max(10_000_000).optional(),
    end: zod_1.z.number().int().min(1).max(10_000_000).optional(),
});
exports.quantity = zod_1.z.strictObject({
    text: zod_1.z.string().min(1).max(200),
    value: zod_1.z.number().finite(),
    unit: zod_1.z.string().max(20),
    kind: zod_1.z.enum(exports.QUANTITY_KINDS),
    low: zod_1.z.number().finite().optional(),
    high: zod_1.z.number().finite().optional(),
    date: zod_1.z.iso.date().optional(),
});
exports.tag = zod_1.z
    .string()
    .regex(/^[\p{L}\p{N}][\p{L}\p{N}_-]{0,63}$/u, 'a tag is 1–64 letters, digits, _ or -, starting with a letter or digit');
const claimFields = {
    /** The checkable statement, in its original language. */
    text: (0, schemas_1.text)(5000),
    language: schemas_1.languageTag,
    claimant: (0, schemas_1.text)(300).nullable().optional(),
    claimDate: zod_1.z.union([schemas_1.timestamp, schemas_1.calendarDate]).nullable().optional(),
    articleId: schemas_1.id.nullable().optional(),
    quote: exports.quoteInput.nullable().optional(),
    /** Sent: kept as given. Not sent: extracted from the text and quote. */
    quantities: zod_1.z.array(exports.quantity).max(50).optional(),
    tags: zod_1.z.array(exports.tag).max(20).optional(),
};
exports.claimCreate = zod_1.z.strictObject(claimFields);
exports.claimUpdate = zod_1.z
    .strictObject({ ...claimFields, status: zod_1.z.enum(exports.CLAIM_STATUSES).optional() })
    .partial()
    .refine((patch) => Object.keys(patch).length > 0, { message: 'name at least one field to change' });
exports.MAX_BATCH = 1000;
exports.claimBatch = zod_1.z.strictObject({ claims: zod_1.z.array(exports.claimCreate).min(1).max(exports.MAX_BATCH) });
exports.claimListQuery = pagination_1.pageQuery
    .extend({
    q: zod_1.z.string().trim().min(1).max(500).optional(),
    status: zod_1.z.enum(exports.CLAIM_STATUSES).optional(),
    verdict: rating_scales_schemas_1.ratingKey.optional().describe('A rating key of any version of the workspace’s scale'),
    articleId: schemas_1.id.optional(),
    claimant: zod_1.z.string().min(1).max(300).optional(),
    tag: exports.tag.optional(),
    language: schemas_1.languageTag.optional(),
    updatedSince: schemas_1.timestamp.optional(),
    createdAfter: schemas_1.timestamp.optional(),
    createdBefore: schemas_1.timestamp.optional(),
    sort: zod_1.z.enum(['updatedAt', 'createdAt']).default('updatedAt'),
})
    .strict();
/** A quote as stored: anchored, with its code point offsets into the article body. */
exports.quoteView = zod_1.z
    .strictObject({
    exact: zod_1.z.string(),
    prefix: zod_1.z.string().optional(),
    suffix: zod_1.z.string().optional(),
    start: zod_1.z.number().int().min(0).describe('Offset of the first code point of `exact` in the article body'),
    end: zod_1.z.number().int().min(0).describe('Offset just after its last code point'),
})
    .meta({ id: 'Quote' });
exports.quantityView = zod_1.z
    .strictObject({
    text: zod_1.z.string().describe('The exact words it was read from'),
    value: zod_1.z.number(),
    unit: zod_1.z.string(),
    kind: zod_1.z.enum(exports.QUANTITY_KINDS),
    low: zod_1.z.number().optional(),
    high: zod_1.z.number().optional(),
    date: zod_1.z.iso.date().optional(),
})
    .meta({ id: 'Quantity' });
/** A claim as the API answers it (`presentClaim`). */
exports.claimView = zod_1.z
    .strictObject({
    id: schemas_1.id,
    articleId: schemas_1.id.nullable(),
    text: zod_1.z.string(),
    language: zod_1.z.string(),
    claimant: zod_1.z.string().nullable(),
    claimDate: schemas_1.timestampOut.nullable(),
    quote: exports.quoteView.nullable(),
    quantities: zod_1.z.array(exports.quantityView),
    status: zod_1.z.enum(exports.CLAIM_STATUSES),
    verdict: zod_1.z.string().nullable().describe("A rating of the workspace's rating scale, once a review is published"),
    version: schemas_1.version,
    createdAt: schemas_1.timestampOut,
    updatedAt: schemas_1.timestampOut,
    tags: zod_1.z.array(zod_1.z.string()),
})
    .meta({ id: 'Claim' });
/** A claim with its evidence and the verdicts it has had (`getClaim`). */
exports.claimWithEvidenceView = exports.claimView
    .extend({
    evidence: zod_1.z.array(evidence_schemas_1.evidenceView),
    verdictHistory: zod_1.z.array(reviews_schemas_1.reviewView).describe('Every verdict the claim has had (published, then superseded ones), newest first'),
})
    .meta({ id: 'ClaimWithEvidence' });
exports.claimPage = (0, schemas_1.pageOf)(exports.claimView);
/** The claims a batch created, in the order sent. */
exports.claimBatchView = zod_1.z.strictObject({ data: zod_1.z.array(exports.claimView) });
//# sourceMappingURL=claims.schemas.js.map