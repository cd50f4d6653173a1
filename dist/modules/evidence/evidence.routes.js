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
exports.evidenceRoutes = evidenceRoutes;
const route_1 = require("../../http/route");
const respond_1 = require("../../http/respond");
const write_context_1 = require("../../write-path/write-context");
const roles_1 = require("../../core/roles");
const evidence_schemas_1 = require("./evidence.schemas");
const service = __importStar(require("./evidence.service"));
function evidenceRoutes({ db }) {
    return [
        (0, route_1.defineRoute)({
            method: 'get',
            path: '/v1/claims/:id/evidence',
            summary: "A claim's evidence, with each source",
            tag: 'evidence',
            roles: roles_1.can.read,
            params: evidence_schemas_1.claimParams,
            query: evidence_schemas_1.evidenceListQuery,
            response: { status: 200, description: "A page of the claim's evidence", schema: evidence_schemas_1.evidencePage },
            handler: async ({ actor, params, query }, res) => {
                res.json(await service.listEvidence(db, actor, params.id, query));
            },
        }),
        (0, route_1.defineRoute)({
            method: 'post',
            path: '/v1/claims/:id/evidence',
            summary: 'Link a source to a claim as evidence (supports, refutes or context)',
            tag: 'evidence',
            roles: roles_1.can.write,
            params: evidence_schemas_1.claimParams,
            body: evidence_schemas_1.evidenceCreate,
            response: { status: 201, description: 'The evidence link', schema: evidence_schemas_1.evidenceView },
            errors: { 409: 'The source is already linked to the claim with this stance' },
            handler: async (input, res) => {
                (0, respond_1.sendWrite)(res, await service.addEvidence(db, (0, write_context_1.writeContext)(input), input.params.id, input.body));
            },
        }),
        (0, route_1.defineRoute)({
            method: 'get',
            path: '/v1/claims/:id/evidence/:evidenceId',
            summary: 'One evidence link, with its source',
            tag: 'evidence',
            roles: roles_1.can.read,
            params: evidence_schemas_1.evidenceParams,
            response: { status: 200, description: 'The evidence link', schema: evidence_schemas_1.evidenceView },
            handler: async ({ actor, params, req }, res) => {
                const link = await service.getEvidence(db, actor, params.id, params.evidenceId);
                (0, respond_1.sendResource)(req, res, link, link.version);
            },
        }),
        (0, route_1.defineRoute)({
            method: 'delete',
            path: '/v1/claims/:id/evidence/:evidenceId',
            summary: 'Remove an evidence link',
            tag: 'evidence',
            roles: roles_1.can.write,
            params: evidence_schemas_1.evidenceParams,
            ifMatch: true,
            response: { status: 204, description: 'Removed' },
            handler: async (input, res) => {
                (0, respond_1.sendWrite)(res, await service.removeEvidence(db, (0, write_context_1.writeContext)(input), input.params.id, input.params.evidenceId));
            },
        }),
    ];
}
//# sourceMappingURL=evidence.routes.js.map