"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ratingScaleList = exports.ratingScaleView = exports.DEFAULT_SCALE = exports.ratingScaleDefinition = exports.ratingKey = void 0;
const zod_1 = require("zod");
const schemas_1 = require("../../http/schemas");
exports.ratingKey = zod_1.z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'a rating key is snake_case, such as mostly_false');
const rating = zod_1.z.strictObject({
    key: exports.ratingKey,
    /** The label per language; Arabic and English at least. */
    labels: zod_1.z
        .record(schemas_1.languageTag, zod_1.z.string().trim().min(1).max(100))
        .refine((labels) => 'ar' in labels && 'en' in labels, { message: 'give labels in Arabic (ar) and English (en) at least' }),
    /** schema.org ClaimReview `reviewRating.ratingValue`; null for ratings without a number (alternateName only). */
    ratingValue: zod_1.z.number().int().min(-100).max(100).nullable(),
});
const scaleFields = {
    /** In display order. */
    ratings: zod_1.z.array(rating).min(2).max(20),
    bestRating: zod_1.z.number().int().min(-100).max(100),
    worstRating: zod_1.z.number().int().min(-100).max(100),
};
exports.ratingScaleDefinition = zod_1.z
    .strictObject(scaleFields)
    .superRefine((scale, ctx) => {
    const keys = scale.ratings.map((r) => r.key);
    if (new Set(keys).size !== keys.length)
        ctx.addIssue({ code: 'custom', path: ['ratings'], message: 'rating keys must be unique' });
    if (scale.bestRating <= scale.worstRating)
        ctx.addIssue({ code: 'custom', path: ['bestRating'], message: 'bestRating must be above worstRating' });
    scale.ratings.forEach((r, i) => {
        if (r.ratingValue !== null && (r.ratingValue < scale.worstRating || r.ratingValue > scale.bestRating)) {
            ctx.addIssue({ code: 'custom', path: ['ratings', i, 'ratingValue'], message: 'ratingValue must lie between worstRating and bestRating' });
        }
    });
});
/** The default scale (DESIGN §4), version 1 of every workspace. */
exports.DEFAULT_SCALE = {
    ratings: [
        { key: 'true', labels: { en: 'True', ar: 'صحيح' }, ratingValue: 5 },
        { key: 'mostly_true', labels: { en: 'Mostly true', ar: 'صحيح في معظمه' }, ratingValue: 4 },
        { key: 'mixed', labels: { en: 'Mixed', ar: 'نصف صحيح' }, ratingValue: 3 },
        { key: 'mostly_false', labels: { en: 'Mostly false', ar: 'خاطئ في معظمه' }, ratingValue: 2 },
        { key: 'false', labels: { en: 'False', ar: 'خاطئ' }, ratingValue: 1 },
        { key: 'misleading', labels: { en: 'Misleading', ar: 'مضلل' }, ratingValue: null },
        { key: 'unverifiable', labels: { en: 'Unverifiable', ar: 'لا يمكن التحقق منه' }, ratingValue: null },
    ],
    bestRating: 5,
    worstRating: 1,
};
exports.ratingScaleView = zod_1.z
    .strictObject({
    ...scaleFields,
    version: schemas_1.version.describe('Version 1 is the default scale'),
    createdAt: schemas_1.timestampOut.nullable(),
    createdBy: zod_1.z.string().nullable().describe('API key id; null for the default scale'),
})
    .meta({ id: 'RatingScale' });
exports.ratingScaleList = zod_1.z.strictObject({ data: zod_1.z.array(exports.ratingScaleView), nextCursor: zod_1.z.null() });
//# sourceMappingURL=rating-scales.schemas.js.map