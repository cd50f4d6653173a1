"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.reviewList = exports.reviewView = exports.noBody = exports.claimParams = exports.reviewParams = exports.reviewReject = exports.reviewPublish = exports.reviewCreate = exports.REVIEW_STATES = void 0;
const zod_1 = require("zod");
const schemas_1 = require("../../http/schemas");
const rating_scales_schemas_1 = require("../rating-scales/rating-scales.schemas");
exports.REVIEW_STATES = ['proposed', 'published', 'rejected', 'superseded'];
exports.reviewCreate = zod_1.z.strictObject({
    /** A key of the workspace's current rating scale. */
    rating: rating_scales_schemas_1.ratingKey,
    /** The reasoning, shown to readers with the verdict. */
    summary: (0, schemas_1.text)(20_000),
});
exports.reviewPublish = zod_1.z.strictObject({
    /** Required when this publication replaces an earlier verdict (a correction); refused otherwise. */
    correctionNote: (0, schemas_1.text)(5000).optional(),
    decisionNote: (0, schemas_1.text)(5000).optional(),
});
exports.reviewReject = zod_1.z.strictObject({
    /** Why the proposal goes back: the checker reads it. */
    decisionNote: (0, schemas_1.text)(5000),
});
exports.reviewParams = zod_1.z.strictObject({ id: schemas_1.id, reviewId: schemas_1.id });
exports.claimParams = zod_1.z.strictObject({ id: schemas_1.id });
exports.noBody = zod_1.z.strictObject({});
exports.reviewView = zod_1.z
    .strictObject({
    id: schemas_1.id,
    claimId: schemas_1.id,
    rating: zod_1.z.string(),
    summary: zod_1.z.string(),
    scaleVersion: zod_1.z.number().int().min(1).describe('The rating scale version the review was made under'),
    state: zod_1.z.enum(exports.REVIEW_STATES),
    proposedBy: zod_1.z.string().describe('API key id'),
    decidedBy: zod_1.z.string().nullable().describe('API key id'),
    decisionNote: zod_1.z.string().nullable(),
    correctionNote: zod_1.z.string().nullable(),
    version: schemas_1.version,
    createdAt: schemas_1.timestampOut,
    decidedAt: schemas_1.timestampOut.nullable(),
})
    .meta({ id: 'Review' });
exports.reviewList = zod_1.z.strictObject({ data: zod_1.z.array(exports.reviewView), nextCursor: zod_1.z.null() });
//# sourceMappingURL=reviews.schemas.js.map