"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.articlePage = exports.articleWithClaimsView = exports.articleView = exports.articleSummaryView = exports.articleListQuery = exports.articleUpdate = exports.articleCreate = void 0;
const zod_1 = require("zod");
const schemas_1 = require("../../http/schemas");
const pagination_1 = require("../../http/pagination");
const claims_schemas_1 = require("../claims/claims.schemas");
exports.articleCreate = zod_1.z.strictObject({
    url: schemas_1.httpUrl,
    title: (0, schemas_1.text)(1000),
    publisher: (0, schemas_1.text)(300).nullable().optional(),
    language: schemas_1.languageTag,
    publishedAt: schemas_1.timestamp.nullable().optional(),
    /** The full text as published; quotes anchor to it by code point. */
    body: zod_1.z.string().min(1).max(500_000),
});
exports.articleUpdate = exports.articleCreate
    .partial()
    .refine((patch) => Object.keys(patch).length > 0, { message: 'name at least one field to change' });
exports.articleListQuery = pagination_1.pageQuery.extend({ language: schemas_1.languageTag.optional() }).strict();
/** An article in a list: everything but its body. */
exports.articleSummaryView = zod_1.z
    .strictObject({
    id: schemas_1.id,
    url: zod_1.z.string(),
    title: zod_1.z.string(),
    publisher: zod_1.z.string().nullable(),
    language: zod_1.z.string(),
    publishedAt: schemas_1.timestampOut.nullable(),
    bodySha256: zod_1.z.string().regex(/^[0-9a-f]{64}$/).describe('SHA-256 of the body (UTF-8), hex'),
    version: schemas_1.version,
    createdAt: schemas_1.timestampOut,
    updatedAt: schemas_1.timestampOut,
})
    .meta({ id: 'ArticleSummary' });
/** An article with its full text, as created or changed. */
exports.articleView = exports.articleSummaryView.extend({ body: zod_1.z.string() }).meta({ id: 'Article' });
/** An article with the claims taken from it, oldest first. */
exports.articleWithClaimsView = exports.articleView.extend({ claims: zod_1.z.array(claims_schemas_1.claimView) }).meta({ id: 'ArticleWithClaims' });
exports.articlePage = (0, schemas_1.pageOf)(exports.articleSummaryView);
//# sourceMappingURL=articles.schemas.js.map