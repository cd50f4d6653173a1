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
exports.sourceRoutes = sourceRoutes;
const route_1 = require("../../http/route");
const respond_1 = require("../../http/respond");
const schemas_1 = require("../../http/schemas");
const write_context_1 = require("../../write-path/write-context");
const roles_1 = require("../../core/roles");
const sources_schemas_1 = require("./sources.schemas");
const service = __importStar(require("./sources.service"));
function sourceRoutes({ db }) {
    return [
        (0, route_1.defineRoute)({
            method: 'get',
            path: '/v1/sources',
            summary: 'List sources, newest first',
            roles: roles_1.can.read,
            query: sources_schemas_1.sourceListQuery,
            response: { status: 200, description: 'A page of sources', schema: sources_schemas_1.sourcePage },
            handler: async ({ actor, query }, res) => {
                res.json(await service.listSources(db, actor, query));
            },
        }),
        (0, route_1.defineRoute)({
            method: 'post',
            path: '/v1/sources',
            summary: 'Create a source (url unique per workspace)',
            roles: roles_1.can.write,
            body: sources_schemas_1.sourceCreate,
            response: { status: 201, description: 'The source as stored', schema: sources_schemas_1.sourceView },
            errors: { 409: 'A source (also a deleted one) already has this url' },
            handler: async (input, res) => {
                (0, respond_1.sendWrite)(res, await service.createSource(db, (0, write_context_1.writeContext)(input), input.body));
            },
        }),
        (0, route_1.defineRoute)({
            method: 'get',
            path: '/v1/sources/:id',
            summary: 'Get a source',
            roles: roles_1.can.read,
            params: schemas_1.idParams,
            response: { status: 200, description: 'The source', schema: sources_schemas_1.sourceView },
            handler: async ({ actor, params, req }, res) => {
                const source = await service.getSource(db, actor, params.id);
                (0, respond_1.sendResource)(req, res, source, source.version);
            },
        }),
        (0, route_1.defineRoute)({
            method: 'patch',
            path: '/v1/sources/:id',
            summary: 'Change a source',
            roles: roles_1.can.write,
            params: schemas_1.idParams,
            body: sources_schemas_1.sourceUpdate,
            ifMatch: true,
            response: { status: 200, description: 'The source as changed', schema: sources_schemas_1.sourceView },
            errors: { 409: 'Another source (also a deleted one) has this url' },
            handler: async (input, res) => {
                (0, respond_1.sendWrite)(res, await service.updateSource(db, (0, write_context_1.writeContext)(input), input.params.id, input.body));
            },
        }),
        (0, route_1.defineRoute)({
            method: 'delete',
            path: '/v1/sources/:id',
            summary: 'Delete a source no evidence cites (soft delete)',
            roles: roles_1.can.edit,
            params: schemas_1.idParams,
            ifMatch: true,
            response: { status: 204, description: 'Deleted' },
            errors: { 409: 'Evidence still cites the source' },
            handler: async (input, res) => {
                (0, respond_1.sendWrite)(res, await service.deleteSource(db, (0, write_context_1.writeContext)(input), input.params.id));
            },
        }),
    ];
}
//# sourceMappingURL=sources.routes.js.map