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
exports.apiKeyPage = exports.apiKeyWithSecretView = exports.apiKeyView = exports.apiKeyCreate = void 0;
exports.apiKeyRoutes = apiKeyRoutes;
const zod_1 = require("zod");
const pagination_1 = require("../../http/pagination");
const route_1 = require("../../http/route");
const respond_1 = require("../../http/respond");
const schemas_1 = require("../../http/schemas");
const write_context_1 = require("../../write-path/write-context");
const service = __importStar(require("./api-keys.service"));
const roles_1 = require("../../core/roles");
exports.apiKeyCreate = zod_1.z.strictObject({ name: (0, schemas_1.text)(100), role: zod_1.z.enum(roles_1.ROLES) });
/** An API key as the API answers it: never its secret or the secret's hash. */
exports.apiKeyView = zod_1.z
    .strictObject({
    id: schemas_1.id,
    name: zod_1.z.string(),
    role: zod_1.z.enum(roles_1.ROLES),
    prefix: zod_1.z.string().describe('The first characters of the secret, to tell keys apart'),
    createdAt: schemas_1.timestamp,
    lastUsedAt: schemas_1.timestamp.nullable().describe('Updated at most once a minute'),
    revokedAt: schemas_1.timestamp.nullable(),
    version: schemas_1.version,
})
    .meta({ id: 'ApiKey' });
/** A new key with its secret: the only response that ever shows it. */
exports.apiKeyWithSecretView = exports.apiKeyView
    .extend({ secret: zod_1.z.string().describe('Send as `Authorization: Bearer <secret>`; shown once') })
    .meta({ id: 'ApiKeyWithSecret' });
exports.apiKeyPage = (0, schemas_1.pageOf)(exports.apiKeyView);
function apiKeyRoutes({ db }) {
    return [
        (0, route_1.defineRoute)({
            method: 'get',
            path: '/v1/api-keys',
            summary: "List the workspace's API keys (never their secrets)",
            roles: roles_1.can.admin,
            query: pagination_1.pageQuery.strict(),
            response: { status: 200, description: 'A page of API keys, revoked ones included', schema: exports.apiKeyPage },
            handler: async ({ actor, query }, res) => {
                res.json(await service.listKeys(db, actor, query.limit, query.cursor));
            },
        }),
        (0, route_1.defineRoute)({
            method: 'post',
            path: '/v1/api-keys',
            summary: 'Create an API key; its secret is shown in this response only',
            roles: roles_1.can.admin,
            body: exports.apiKeyCreate,
            response: { status: 201, description: 'The key with its secret (shown this once)', schema: exports.apiKeyWithSecretView },
            handler: async (input, res) => {
                (0, respond_1.sendWrite)(res, await service.createKey(db, (0, write_context_1.writeContext)(input), input.body));
            },
        }),
        (0, route_1.defineRoute)({
            method: 'get',
            path: '/v1/api-keys/:id',
            summary: 'One API key (never its secret)',
            roles: roles_1.can.admin,
            params: schemas_1.idParams,
            response: { status: 200, description: 'The API key', schema: exports.apiKeyView },
            handler: async ({ actor, params, req }, res) => {
                const key = await service.getKey(db, actor, params.id);
                (0, respond_1.sendResource)(req, res, key, key.version);
            },
        }),
        (0, route_1.defineRoute)({
            method: 'delete',
            path: '/v1/api-keys/:id',
            summary: 'Revoke an API key (idempotent; no If-Match needed)',
            roles: roles_1.can.admin,
            params: schemas_1.idParams,
            response: { status: 204, description: 'Revoked (also when it already was)' },
            handler: async (input, res) => {
                (0, respond_1.sendWrite)(res, await service.revokeKey(db, (0, write_context_1.writeContext)(input), input.params.id));
            },
        }),
    ];
}
//# sourceMappingURL=api-keys.routes.js.map