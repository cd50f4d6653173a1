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
exports.currentScale = currentScale;
exports.scaleVersion = scaleVersion;
exports.getScale = getScale;
exports.listScales = listScales;
exports.publishScale = publishScale;
exports.ratingOf = ratingOf;
const errors_1 = require("../../core/errors");
const unit_of_work_1 = require("../../write-path/unit-of-work");
const scales = __importStar(require("./rating-scales.repository"));
const rating_scales_schemas_1 = require("./rating-scales.schemas");
const defaultView = { version: 1, ...rating_scales_schemas_1.DEFAULT_SCALE, createdAt: null, createdBy: null };
function present(row) {
    return { version: row.version, ...row.definition, createdAt: row.createdAt, createdBy: row.createdById };
}
/** The scale a new review is made under: the latest published version, or the default. */
async function currentScale(db, workspaceId) {
    const row = await scales.latest(db, workspaceId);
    return row ? present(row) : defaultView;
}
/** A version of the workspace's scale, so an old review keeps the meaning it was made under. */
async function scaleVersion(db, workspaceId, version) {
    if (version === 1)
        return defaultView;
    const row = await scales.byVersion(db, workspaceId, version);
    return row ? present(row) : null;
}
async function getScale(db, actor, version) {
    const scale = await scaleVersion(db.reader, actor.workspaceId, version);
    if (!scale)
        throw errors_1.AppError.notFound('rating scale version', String(version));
    return scale;
}
/** Every version, newest first (the default last). */
async function listScales(db, actor) {
    return { data: [...(await scales.all(db.reader, actor.workspaceId)).map(present), defaultView], nextCursor: null };
}
/** Publishes the next version; earlier versions and the reviews made under them stay as they were. */
async function publishScale(db, context, definition) {
    return (0, unit_of_work_1.runWrite)(db, context, async (uow) => {
        const workspaceId = uow.actor.workspaceId;
        const version = ((await scales.latest(uow.tx, workspaceId))?.version ?? 1) + 1;
        const row = await scales.insert(uow.tx, { workspaceId, version, definition, createdById: uow.actor.keyId });
        const view = present(row);
        await uow.audit({ action: 'scale.publish', entityType: 'rating_scale', entityId: row.id, before: null, after: view });
        return { status: 201, body: view, version: row.version, location: `/v1/rating-scales/${row.version}` };
    });
}
/** The ClaimReview numbers of a rating under a scale (schema.org reviewRating). */
function ratingOf(scale, key) {
    return scale.ratings.find((r) => r.key === key) ?? null;
}
//# sourceMappingURL=rating-scales.service.js.map