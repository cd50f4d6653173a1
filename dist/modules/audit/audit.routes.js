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
exports.chainCheckView = exports.auditEventView = exports.auditEventsQuery = void 0;
exports.auditRoutes = auditRoutes;
const zod_1 = require("zod");
const pagination_1 = require("../../http/pagination");
const route_1 = require("../../http/route");
const schemas_1 = require("../../http/schemas");
const roles_1 = require("../../core/roles");
const service = __importStar(require("./audit.service"));
exports.auditEventsQuery = pagination_1.pageQuery
    .extend({
    entityId: schemas_1.id.optional(),
    action: zod_1.z.string().regex(/^[a-z_]+\.[a-z_]+$/, 'an action such as article.update').optional(),
    actor: schemas_1.id.optional().describe('API key id'),
    from: schemas_1.timestamp.optional().describe('inclusive'),
    to: schemas_1.timestamp.optional().describe('exclusive'),
})
    .strict();
/** One audit event (`present` of audit.service): who changed what, and the hash chain. */
exports.auditEventView = zod_1.z
    .strictObject({
    id: schemas_1.id,
    seq: zod_1.z.number().int().min(1).describe('Gap-free per workspace, from 1'),
    at: schemas_1.timestamp,
    actor: zod_1.z.strictObject({
        keyId: schemas_1.id.nullable().describe('null when claimtrack itself acted'),
        name: zod_1.z.string(),
        role: zod_1.z.enum(roles_1.ROLES),
    }),
    action: zod_1.z.string().describe('e.g. article.update'),
    entityType: zod_1.z.string(),
    entityId: schemas_1.id,
    before: zod_1.z.unknown().describe('The entity before the change; null on create'),
    after: zod_1.z.unknown().describe('The entity after the change; null on delete'),
    requestId: zod_1.z.string(),
    prevHash: zod_1.z.string().regex(/^([0-9a-f]{64})?$/).describe("The previous event's hash; empty for the first"),
    hash: zod_1.z.string().regex(/^[0-9a-f]{64}$/).describe('SHA-256 of the canonical JSON of the event'),
})
    .meta({ id: 'AuditEvent' });
exports.chainCheckView = zod_1.z
    .strictObject({
    ok: zod_1.z.boolean(),
    count: zod_1.z.number().int().min(0).describe('Events that verified'),
    headSeq: zod_1.z.number().int().min(0),
    headHash: zod_1.z.string(),
    firstBadSeq: zod_1.z.number().int().min(1).nullable().describe('The first seq missing, altered or out of chain; null when all is well'),
})
    .meta({ id: 'ChainCheck' });
function auditRoutes({ db }) {
    return [
        (0, route_1.defineRoute)({
            method: 'get',
            path: '/v1/audit/events',
            summary: "The workspace's audit trail, oldest first",
            roles: roles_1.can.audit,
            query: exports.auditEventsQuery,
            response: { status: 200, description: 'A page of audit events, oldest first', schema: (0, schemas_1.pageOf)(exports.auditEventView) },
            handler: async ({ actor, query }, res) => {
                res.json(await service.listEvents(db, actor, {
                    ...query,
                    from: query.from ? new Date(query.from) : undefined,
                    to: query.to ? new Date(query.to) : undefined,
                }));
            },
        }),
        (0, route_1.defineRoute)({
            method: 'get',
            path: '/v1/audit/verify',
            summary: 'Recompute the audit chain and name the first broken seq',
            roles: roles_1.can.audit,
            response: { status: 200, description: 'The result of the check', schema: exports.chainCheckView },
            handler: async ({ actor }, res) => {
                res.json(await service.verifyChain(db, actor.workspaceId));
            },
        }),
    ];
}
//# sourceMappingURL=audit.routes.js.map