"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sourcePage = exports.sourceView = exports.sourceListQuery = exports.sourceUpdate = exports.sourceCreate = exports.SOURCE_KINDS = void 0;
const zod_1 = require("zod");
const pagination_1 = require("../../http/pagination");
const schemas_1 = require("../../http/schemas");
exports.SOURCE_KINDS = ['primary_document', 'official_statement', 'dataset', 'news_report', 'expert', 'other'];
exports.sourceCreate = zod_1.z.strictObject({
    url: schemas_1.httpUrl,
    title: (0, schemas_1.text)(1000),
    publisher: (0, schemas_1.text)(300).nullable().optional(),
    kind: zod_1.z.enum(exports.SOURCE_KINDS),
    publishedAt: schemas_1.timestamp.nullable().optional(),
    accessedAt: schemas_1.timestamp.nullable().optional(),
    /** A snapshot in a web archive, so the evidence survives the page. */
    archiveUrl: schemas_1.httpUrl.nullable().optional(),
});
exports.sourceUpdate = exports.sourceCreate
    .partial()
    .refine((patch) => Object.keys(patch).length > 0, { message: 'name at least one field to change' });
exports.sourceListQuery = pagination_1.pageQuery.extend({ kind: zod_1.z.enum(exports.SOURCE_KINDS).optional() }).strict();
/** A source as the API answers it (`presentSource`). */
exports.sourceView = zod_1.z
    .strictObject({
    id: schemas_1.id,
    url: zod_1.z.string(),
    title: zod_1.z.string(),
    publisher: zod_1.z.string().nullable(),
    kind: zod_1.z.enum(exports.SOURCE_KINDS),
    publishedAt: schemas_1.timestampOut.nullable(),
    accessedAt: schemas_1.timestampOut.nullable(),
    archiveUrl: zod_1.z.string().nullable(),
    version: schemas_1.version,
    createdAt: schemas_1.timestampOut,
    updatedAt: schemas_1.timestampOut,
})
    .meta({ id: 'Source' });
exports.sourcePage = (0, schemas_1.pageOf)(exports.sourceView);
//# sourceMappingURL=sources.schemas.js.map