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
exports.claimRoutes = claimRoutes;
const route_1 = require("../../http/route");
const respond_1 = require("../../http/respond");
const schemas_1 = require("../../http/schemas");
const write_context_1 = require("../../write-path/write-context");
const roles_1 = require("../../core/roles");
const claims_schemas_1 = require("./claims.schemas");
const service = __importStar(require("./claims.service"));
function claimRoutes({ db }) {
    return [
        (0, route_1.defineRoute)({
            method: 'get',
            path: '/v1/claims',
            summary: 'List and search claims',
            roles: roles_1.can.read,
            query: claims_schemas_1.claimListQuery,
            response: { status: 200, description: 'A page of claims; with `q`, the best matches first', schema: claims_schemas_1.claimPage },
            handler: async ({ actor, query }, res) => {
                res.json(await service.listClaims(db, actor, query));
            },
        }),
        (0, route_1.defineRoute)({
            method: 'post',
            path: '/v1/claims',
            summary: 'Create a claim, its quote anchored to its article',
            roles: roles_1.can.write,
            body: claims_schemas_1.claimCreate,
            response: { status: 201, description: 'The claim as stored, its quote anchored', schema: claims_schemas_1.claimView },
            errors: { 422: 'The article does not exist or the quote does not fit it' },
            handler: async (input, res) => {
                (0, respond_1.sendWrite)(res, await service.createClaim(db, (0, write_context_1.writeContext)(input), input.body));
            },
        }),
        (0, route_1.defineRoute)({
            method: 'post',
            path: '/v1/claims/batch',
            summary: 'Create up to 1,000 claims, all or nothing',
            roles: roles_1.can.write,
            body: claims_schemas_1.claimBatch,
            response: { status: 201, description: 'Every claim, in the order sent', schema: claims_schemas_1.claimBatchView },
            errors: { 422: 'Some claims do not fit their articles (each failing index is named); none was stored' },
            handler: async (input, res) => {
                (0, respond_1.sendWrite)(res, await service.createClaims(db, (0, write_context_1.writeContext)(input), input.body.claims));
            },
        }),
        (0, route_1.defineRoute)({
            method: 'get',
            path: '/v1/claims/:id',
            summary: 'Get a claim with its evidence',
            roles: roles_1.can.read,
            params: schemas_1.idParams,
            response: { status: 200, description: 'The claim with its evidence and verdict history', schema: claims_schemas_1.claimWithEvidenceView },
            handler: async ({ actor, params, req }, res) => {
                const claim = await service.getClaim(db, actor, params.id);
                (0, respond_1.sendResource)(req, res, claim, claim.version);
            },
        }),
        (0, route_1.defineRoute)({
            method: 'patch',
            path: '/v1/claims/:id',
            summary: 'Change a claim (status: unverified → in_review only)',
            roles: roles_1.can.write,
            params: schemas_1.idParams,
            body: claims_schemas_1.claimUpdate,
            ifMatch: true,
            response: { status: 200, description: 'The claim as changed', schema: claims_schemas_1.claimView },
            errors: { 409: 'The status change is not one a PATCH may make', 422: 'The article does not exist or the quote does not fit it' },
            handler: async (input, res) => {
                (0, respond_1.sendWrite)(res, await service.updateClaim(db, (0, write_context_1.writeContext)(input), input.params.id, input.body));
            },
        }),
        (0, route_1.defineRoute)({
            method: 'delete',
            path: '/v1/claims/:id',
            summary: 'Delete a claim (soft delete)',
            roles: roles_1.can.edit,
            params: schemas_1.idParams,
            ifMatch: true,
            response: { status: 204, description: 'Deleted' },
            handler: async (input, res) => {
                (0, respond_1.sendWrite)(res, await service.deleteClaim(db, (0, write_context_1.writeContext)(input), input.params.id));
            },
        }),
    ];
}
//# sourceMappingURL=claims.routes.js.map