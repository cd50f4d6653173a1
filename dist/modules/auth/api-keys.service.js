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
exports.insertKey = insertKey;
exports.createKey = createKey;
exports.listKeys = listKeys;
exports.getKey = getKey;
exports.revokeKey = revokeKey;
exports.bootstrapAdminKey = bootstrapAdminKey;
const errors_1 = require("../../core/errors");
const pagination_1 = require("../../http/pagination");
const unit_of_work_1 = require("../../write-path/unit-of-work");
const zod_1 = require("zod");
const apiKeys = __importStar(require("./api-keys.repository"));
const secrets_1 = require("./secrets");
function present(row) {
    const { workspaceId: _workspaceId, ...view } = row;
    return view;
}
/** Inserts a key inside a unit of work; the secret is returned once and only its hash is kept. */
async function insertKey(uow, input) {
    const secret = input.secret ?? (0, secrets_1.newSecret)();
    const row = await apiKeys.insert(uow.tx, {
        workspaceId: input.workspaceId,
        name: input.name,
        role: input.role,
        secretHash: (0, secrets_1.hashSecret)(secret),
        prefix: (0, secrets_1.secretPrefix)(secret),
    });
    await uow.audit({ action: 'api_key.create', entityType: 'api_key', entityId: row.id, before: null, after: present(row), workspaceId: input.workspaceId });
    return { key: present(row), secret };
}
async function createKey(db, context, input) {
    return (0, unit_of_work_1.runWrite)(db, context, async (uow) => {
        const { key, secret } = await insertKey(uow, { ...input, workspaceId: uow.actor.workspaceId });
        return { status: 201, location: `/v1/api-keys/${key.id}`, version: key.version, body: { ...key, secret } };
    });
}
const cursorSchema = zod_1.z.object({ id: zod_1.z.string() });
async function listKeys(db, actor, limit, cursor) {
    const after = (0, pagination_1.decodeCursor)(cursor, cursorSchema);
    const rows = await apiKeys.listPage(db.reader, actor.workspaceId, limit + 1, after?.id);
    return (0, pagination_1.toPage)(rows, limit, present, (row) => ({ id: row.id }));
}
async function getKey(db, actor, id) {
    const key = await apiKeys.findInWorkspace(db.reader, actor.workspaceId, id);
    if (!key)
        throw errors_1.AppError.notFound('API key', id);
    return present(key);
}
/** Revoking is idempotent: a second revoke answers the same and records nothing. */
async function revokeKey(db, context, id) {
    return (0, unit_of_work_1.runWrite)(db, context, async (uow) => {
        const key = await apiKeys.findInWorkspace(uow.tx, uow.actor.workspaceId, id);
        if (!key)
            throw errors_1.AppError.notFound('API key', id);
        if (!key.revokedAt) {
            const revoked = await apiKeys.revoke(uow.tx, id, new Date());
            await uow.audit({ action: 'api_key.revoke', entityType: 'api_key', entityId: id, before: present(key), after: present(revoked) });
        }
        return { status: 204 };
    });
}
/**
 * At start: `BOOTSTRAP_ADMIN_KEY` becomes the admin key of a workspace that has none; without it,
 * a new admin key is made and returned so the caller can print it once.
 */
async function bootstrapAdminKey(db, workspaceId, actor, secret) {
    if ((await apiKeys.countInWorkspace(db.reader, workspaceId)) > 0)
        return undefined;
    const result = await (0, unit_of_work_1.runWrite)(db, { actor, requestId: 'startup' }, async (uow) => {
        if ((await apiKeys.countInWorkspace(uow.tx, workspaceId)) > 0)
            return { status: 200 };
        const created = await insertKey(uow, { workspaceId, name: 'bootstrap admin', role: 'admin', secret });
        return { status: 201, body: created.secret };
    });
    return result.body;
}
//# sourceMappingURL=api-keys.service.js.map