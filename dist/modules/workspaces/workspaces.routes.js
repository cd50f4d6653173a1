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
exports.workspaceCreatedView = exports.workspaceView = exports.workspaceUpdate = exports.workspaceCreate = void 0;
exports.workspaceRoutes = workspaceRoutes;
const zod_1 = require("zod");
const route_1 = require("../../http/route");
const respond_1 = require("../../http/respond");
const schemas_1 = require("../../http/schemas");
const write_context_1 = require("../../write-path/write-context");
const roles_1 = require("../../core/roles");
const service = __importStar(require("./workspaces.service"));
exports.workspaceCreate = zod_1.z.strictObject({ name: (0, schemas_1.text)(200) });
exports.workspaceUpdate = zod_1.z
    .strictObject({ name: (0, schemas_1.text)(200).optional(), fourEyes: zod_1.z.boolean().optional() })
    .refine((patch) => Object.keys(patch).length > 0, { message: 'name at least one field to change' });
exports.workspaceView = zod_1.z
    .strictObject({
    id: schemas_1.id,
    name: zod_1.z.string(),
    fourEyes: zod_1.z.boolean().describe('The key that proposed a review may not publish it'),
    version: schemas_1.version,
    createdAt: schemas_1.timestamp,
    updatedAt: schemas_1.timestamp,
})
    .meta({ id: 'Workspace' });
/** A new workspace and its first admin key, whose secret is shown this once. */
exports.workspaceCreatedView = zod_1.z
    .strictObject({
    workspace: exports.workspaceView,
    apiKey: zod_1.z.strictObject({ id: schemas_1.id, name: zod_1.z.string(), role: zod_1.z.enum(roles_1.ROLES), secret: zod_1.z.string() }),
})
    .meta({ id: 'WorkspaceCreated' });
function workspaceRoutes({ db }) {
    return [
        (0, route_1.defineRoute)({
            method: 'post',
            path: '/v1/workspaces',
            summary: 'Create a workspace and its first admin key (admin of the first workspace only)',
            roles: roles_1.can.admin,
            body: exports.workspaceCreate,
            response: { status: 201, description: 'The workspace and its admin key with its secret (shown this once)', schema: exports.workspaceCreatedView },
            handler: async (input, res) => {
                (0, respond_1.sendWrite)(res, await service.createWorkspace(db, (0, write_context_1.writeContext)(input), input.body));
            },
        }),
        (0, route_1.defineRoute)({
            method: 'get',
            path: '/v1/workspaces/:id',
            summary: "The key's own workspace (any other id is 404)",
            roles: roles_1.can.read,
            params: schemas_1.idParams,
            response: { status: 200, description: 'The workspace', schema: exports.workspaceView },
            handler: async ({ actor, params, req }, res) => {
                const workspace = await service.getWorkspace(db, actor, params.id);
                (0, respond_1.sendResource)(req, res, workspace, workspace.version);
            },
        }),
        (0, route_1.defineRoute)({
            method: 'patch',
            path: '/v1/workspaces/:id',
            summary: 'Rename the workspace, or turn four eyes off or on',
            roles: roles_1.can.admin,
            params: schemas_1.idParams,
            body: exports.workspaceUpdate,
            ifMatch: true,
            response: { status: 200, description: 'The workspace as changed', schema: exports.workspaceView },
            handler: async (input, res) => {
                (0, respond_1.sendWrite)(res, await service.updateWorkspace(db, (0, write_context_1.writeContext)(input), input.params.id, input.body));
            },
        }),
    ];
}
//# sourceMappingURL=workspaces.routes.js.map