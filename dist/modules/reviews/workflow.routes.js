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
exports.bulkTransitionBody = void 0;
exports.workflowRoutes = workflowRoutes;
const zod_1 = require("zod");
const route_1 = require("../../http/route");
const respond_1 = require("../../http/respond");
const schemas_1 = require("../../http/schemas");
const write_context_1 = require("../../write-path/write-context");
const roles_1 = require("../../core/roles");
const claimsService = __importStar(require("../claims/claims.service"));
const claims_schemas_1 = require("../claims/claims.schemas");
const reviews_schemas_1 = require("./reviews.schemas");
const service = __importStar(require("./reviews.service"));
exports.bulkTransitionBody = zod_1.z.strictObject({
    claimIds: zod_1.z
        .array(schemas_1.id)
        .min(1)
        .max(1000)
        .refine((ids) => new Set(ids).size === ids.length, { message: 'each claim once' }),
    to: zod_1.z.enum(claims_schemas_1.CLAIM_STATUSES),
});
/** The verdict workflow (DESIGN §4, §8): reviews, their decisions, reopening, bulk moves. */
function workflowRoutes({ db }) {
    return [
        (0, route_1.defineRoute)({
            method: 'get',
            path: '/v1/claims/:id/reviews',
            summary: "A claim's reviews, oldest first",
            roles: roles_1.can.read,
            params: reviews_schemas_1.claimParams,
            response: { status: 200, description: 'The reviews, oldest first', schema: reviews_schemas_1.reviewList },
            handler: async ({ actor, params }, res) => {
                res.json(await service.listReviews(db, actor, params.id));
            },
        }),
        (0, route_1.defineRoute)({
            method: 'post',
            path: '/v1/claims/:id/reviews',
            summary: 'Propose a verdict (If-Match of the claim); the claim goes to pending_approval',
            roles: roles_1.can.write,
            params: reviews_schemas_1.claimParams,
            body: reviews_schemas_1.reviewCreate,
            ifMatch: true,
            response: { status: 201, description: 'The proposal', schema: reviews_schemas_1.reviewView },
            handler: async (input, res) => {
                (0, respond_1.sendWrite)(res, await service.proposeReview(db, (0, write_context_1.writeContext)(input), input.params.id, input.body));
            },
        }),
        (0, route_1.defineRoute)({
            method: 'get',
            path: '/v1/claims/:id/reviews/:reviewId',
            summary: 'One review',
            roles: roles_1.can.read,
            params: reviews_schemas_1.reviewParams,
            response: { status: 200, description: 'The review', schema: reviews_schemas_1.reviewView },
            handler: async ({ actor, params, req }, res) => {
                const review = await service.getReview(db, actor, params.id, params.reviewId);
                (0, respond_1.sendResource)(req, res, review, review.version);
            },
        }),
        (0, route_1.defineRoute)({
            method: 'post',
            path: '/v1/claims/:id/reviews/:reviewId/publish',
            summary: 'Publish a proposal as the verdict (four eyes; a correction needs correctionNote)',
            roles: roles_1.can.edit,
            params: reviews_schemas_1.reviewParams,
            body: reviews_schemas_1.reviewPublish,
            ifMatch: true,
            response: { status: 200, description: 'The claim, published with its new verdict', schema: claims_schemas_1.claimView },
            handler: async (input, res) => {
                (0, respond_1.sendWrite)(res, await service.publishReview(db, (0, write_context_1.writeContext)(input), input.params.id, input.params.reviewId, input.body));
            },
        }),
        (0, route_1.defineRoute)({
            method: 'post',
            path: '/v1/claims/:id/reviews/:reviewId/reject',
            summary: 'Send a proposal back to review, with a decisionNote',
            roles: roles_1.can.edit,
            params: reviews_schemas_1.reviewParams,
            body: reviews_schemas_1.reviewReject,
            ifMatch: true,
            response: { status: 200, description: 'The claim, back in review', schema: claims_schemas_1.claimView },
            handler: async (input, res) => {
                (0, respond_1.sendWrite)(res, await service.rejectReview(db, (0, write_context_1.writeContext)(input), input.params.id, input.params.reviewId, input.body));
            },
        }),
        (0, route_1.defineRoute)({
            method: 'post',
            path: '/v1/claims/:id/reopen',
            summary: 'Reopen a published claim for a correction; its verdict stays public until replaced',
            roles: roles_1.can.edit,
            params: reviews_schemas_1.claimParams,
            body: reviews_schemas_1.noBody.optional(),
            ifMatch: true,
            response: { status: 200, description: 'The claim, in review; its verdict unchanged', schema: claims_schemas_1.claimView },
            handler: async (input, res) => {
                (0, respond_1.sendWrite)(res, await service.reopenClaim(db, (0, write_context_1.writeContext)(input), input.params.id));
            },
        }),
        (0, route_1.defineRoute)({
            method: 'post',
            path: '/v1/claims/bulk-transition',
            summary: 'Move up to 1,000 claims at once (start review, or reopen), all or nothing',
            roles: roles_1.can.write,
            body: exports.bulkTransitionBody,
            response: { status: 200, description: 'Every claim as moved, in the order sent', schema: claims_schemas_1.claimBatchView },
            handler: async (input, res) => {
                (0, respond_1.sendWrite)(res, await claimsService.bulkTransition(db, (0, write_context_1.writeContext)(input), input.body.claimIds, input.body.to));
            },
        }),
    ];
}
//# sourceMappingURL=workflow.routes.js.map