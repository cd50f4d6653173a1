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
exports.listEvidence = listEvidence;
exports.getEvidence = getEvidence;
exports.linkEvidence = linkEvidence;
exports.addEvidence = addEvidence;
exports.removeEvidence = removeEvidence;
const zod_1 = require("zod");
const errors_1 = require("../../core/errors");
const pagination_1 = require("../../http/pagination");
const unit_of_work_1 = require("../../write-path/unit-of-work");
const claimsService = __importStar(require("../claims/claims.service"));
const sources = __importStar(require("../sources/sources.repository"));
const evidence = __importStar(require("./evidence.repository"));
const evidence_views_1 = require("./evidence.views");
const present = evidence_views_1.presentEvidence;
const cursorSchema = zod_1.z.object({ id: zod_1.z.string() });
async function listEvidence(db, actor, claimId, query) {
    await claimsService.requireClaim(db.sql, actor.workspaceId, claimId);
    const after = (0, pagination_1.decodeCursor)(query.cursor, cursorSchema);
    const rows = await evidence.listForClaim(db.sql, actor.workspaceId, claimId, query.limit + 1, after?.id);
    return (0, pagination_1.toPage)(rows, query.limit, present, (row) => ({ id: row.id }));
}
async function getEvidence(db, actor, claimId, id) {
    const row = await evidence.find(db.reader, actor.workspaceId, claimId, id);
    if (!row)
        throw errors_1.AppError.notFound('evidence', id);
    return present(row);
}
/** Links a source to a claim inside a unit of work (the API's POST and the demo seed). */
async function linkEvidence(uow, claimId, input) {
    const workspaceId = uow.actor.workspaceId;
    await claimsService.requireClaim(uow.sql, workspaceId, claimId);
    if (!(await sources.findActive(uow.tx, workspaceId, input.sourceId)))
        throw errors_1.AppError.notFound('source', input.sourceId);
    const existing = await evidence.findLink(uow.tx, claimId, input.sourceId, input.stance);
    if (existing)
        throw errors_1.AppError.conflict(`This source is already linked to the claim as ${input.stance}.`, { existingId: existing.id });
    const row = await evidence.insert(uow.tx, workspaceId, {
        claimId,
        sourceId: input.sourceId,
        stance: input.stance,
        excerpt: input.excerpt ?? null,
        note: input.note ?? null,
        createdById: uow.actor.keyId,
    });
    const view = present(row);
    await uow.audit({ action: 'evidence.create', entityType: 'evidence', entityId: row.id, before: null, after: view });
    return view;
}
async function addEvidence(db, context, claimId, input) {
    return (0, unit_of_work_1.runWrite)(db, context, async (uow) => {
        const view = await linkEvidence(uow, claimId, input);
        return { status: 201, body: view, version: view.version, location: `/v1/claims/${claimId}/evidence/${view.id}` };
    });
}
async function removeEvidence(db, context, claimId, id) {
    return (0, unit_of_work_1.runWrite)(db, context, async (uow) => {
        const { current } = await uow.changeVersioned('evidence', id, () => evidence.find(uow.tx, uow.actor.workspaceId, claimId, id), (current) => evidence.removeIfVersion(uow.tx, id, current.version));
        await uow.audit({ action: 'evidence.delete', entityType: 'evidence', entityId: id, before: present(current), after: null });
        return { status: 204 };
    });
}
//# sourceMappingURL=evidence.service.js.map