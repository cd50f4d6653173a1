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
exports.ratingScaleRoutes = ratingScaleRoutes;
const zod_1 = require("zod");
const route_1 = require("../../http/route");
const respond_1 = require("../../http/respond");
const write_context_1 = require("../../write-path/write-context");
const roles_1 = require("../../core/roles");
const rating_scales_schemas_1 = require("./rating-scales.schemas");
const service = __importStar(require("./rating-scales.service"));
function ratingScaleRoutes({ db }) {
    return [
        (0, route_1.defineRoute)({
            method: 'get',
            path: '/v1/rating-scales',
            summary: "Every version of the workspace's rating scale, newest first",
            // Everyone reads the scale: checkers need its keys to propose a review.
            roles: roles_1.can.read,
            query: zod_1.z.strictObject({}),
            response: { status: 200, description: 'Every version, newest first; version 1 is the default scale', schema: rating_scales_schemas_1.ratingScaleList },
            handler: async ({ actor }, res) => {
                res.json(await service.listScales(db, actor));
            },
        }),
        (0, route_1.defineRoute)({
            method: 'get',
            path: '/v1/rating-scales/:version',
            summary: 'One version of the rating scale (1 is the default)',
            roles: roles_1.can.read,
            params: zod_1.z.strictObject({ version: zod_1.z.coerce.number().int().min(1).max(1_000_000) }),
            response: { status: 200, description: 'The scale version', schema: rating_scales_schemas_1.ratingScaleView },
            handler: async ({ actor, params, req }, res) => {
                const scale = await service.getScale(db, actor, params.version);
                (0, respond_1.sendResource)(req, res, scale, scale.version);
            },
        }),
        (0, route_1.defineRoute)({
            method: 'post',
            path: '/v1/rating-scales',
            summary: 'Publish a new version of the rating scale',
            roles: roles_1.can.admin,
            body: rating_scales_schemas_1.ratingScaleDefinition,
            response: { status: 201, description: 'The new version', schema: rating_scales_schemas_1.ratingScaleView },
            handler: async (input, res) => {
                (0, respond_1.sendWrite)(res, await service.publishScale(db, (0, write_context_1.writeContext)(input), input.body));
            },
        }),
    ];
}
//# sourceMappingURL=rating-scales.routes.js.map