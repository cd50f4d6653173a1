"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.evidencePage = exports.evidenceView = exports.evidenceListQuery = exports.evidenceParams = exports.claimParams = exports.evidenceCreate = exports.STANCES = void 0;
const zod_1 = require("zod");
const pagination_1 = require("../../http/pagination");
const schemas_1 = require("../../http/schemas");
const sources_schemas_1 = require("../sources/sources.schemas");
exports.STANCES = ['supports', 'refutes', 'context'];
exports.evidenceCreate = zod_1.z.strictObject({
    sourceId: schemas_1.id,
    stance: zod_1.z.enum(exports.STANCES),
    /** The words of the source that bear on the claim. */
    excerpt: zod_1.z.string().trim().min(1).max(10_000).nullable().optional(),
    note: zod_1.z.string().trim().min(1).max(5000).nullable().optional(),
});
exports.claimParams = zod_1.z.strictObject({ id: schemas_1.id });
exports.evidenceParams = zod_1.z.strictObject({ id: schemas_1.id, evidenceId: schemas_1.id });
exports.evidenceListQuery = pagination_1.pageQuery.strict();
/** An evidence link as the API answers it, with the essentials of its source. */
exports.evidenceView = zod_1.z
    .strictObject({
    id: schemas_1.id,
    claimId: schemas_1.id,
    sourceId: schemas_1.id,
    stance: zod_1.z.enum(exports.STANCES),
    excerpt: zod_1.z.string().nullable(),
    note: zod_1.z.string().nullable(),
    createdById: schemas_1.id.nullable().describe('The API key that linked it; null when claimtrack did'),
    version: schemas_1.version,
    createdAt: schemas_1.timestampOut,
    source: zod_1.z.strictObject({
        id: schemas_1.id,
        url: zod_1.z.string(),
        title: zod_1.z.string(),
        publisher: zod_1.z.string().nullable(),
        kind: zod_1.z.enum(sources_schemas_1.SOURCE_KINDS),
        archiveUrl: zod_1.z.string().nullable(),
    }),
})
    .meta({ id: 'Evidence' });
exports.evidencePage = (0, schemas_1.pageOf)(exports.evidenceView);
//# sourceMappingURL=evidence.schemas.js.map