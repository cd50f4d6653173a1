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
exports.systemActor = systemActor;
exports.fourEyesRequired = fourEyesRequired;
exports.findFirstWorkspace = findFirstWorkspace;
exports.ensureFirstWorkspace = ensureFirstWorkspace;
exports.createWorkspace = createWorkspace;
exports.getWorkspace = getWorkspace;
exports.updateWorkspace = updateWorkspace;
const errors_1 = require("../../core/errors");
const unit_of_work_1 = require("../../write-path/unit-of-work");
const apiKeysService = __importStar(require("../auth/api-keys.service"));
const workspaces = __importStar(require("./workspaces.repository"));
/** The actor of changes claimtrack makes itself (first start, demo data). */
function systemActor(workspaceId) {
    return { keyId: null, name: 'claimtrack', role: 'admin', workspaceId };
}
/** Four eyes (DESIGN §4): whether the key that proposed a review is barred from publishing it. */
async function fourEyesRequired(tx, workspaceId) {
    return (await workspaces.findById(tx, workspaceId))?.fourEyes ?? true;
}
async function findFirstWorkspace(db) {
    return workspaces.findFirst(db.reader);
}
/** Creates the first workspace on an empty database; returns it either way. */
async function ensureFirstWorkspace(db) {
    const existing = await workspaces.findFirst(db.reader);
    if (existing)
        return existing;
    const created = await (0, unit_of_work_1.runWrite)(db, { actor: systemActor(''), requestId: 'startup' }, async (uow) => {
        const again = await workspaces.findFirst(uow.tx);
        return { status: 200, body: again ?? (await insertWorkspace(uow, 'Default workspace')) };
    });
    return created.body;
}
async function insertWorkspace(uow, name) {
    const workspace = await workspaces.insert(uow.tx, { name });
    // The new workspace's history starts with its creation; when a key made it, the creating
    // workspace's chain records that too, for its auditor.
    const entry = { action: 'workspace.create', entityType: 'workspace', entityId: workspace.id, before: null, after: workspace };
    await uow.audit({ ...entry, workspaceId: workspace.id });
    if (uow.actor.keyId !== null)
        await uow.audit(entry);
    return workspace;
}
/** `POST /v1/workspaces`: only an admin of the first workspace may; answers the first admin key. */
async function createWorkspace(db, context, input) {
    const first = await workspaces.findFirst(db.reader);
    if (!first || context.actor.workspaceId !== first.id) {
        throw errors_1.AppError.forbidden('Only an admin of the first workspace may create workspaces.');
    }
    return (0, unit_of_work_1.runWrite)(db, context, async (uow) => {
        const workspace = await insertWorkspace(uow, input.name);
        const { key, secret } = await apiKeysService.insertKey(uow, { workspaceId: workspace.id, name: 'admin', role: 'admin' });
        return {
            status: 201,
            location: `/v1/workspaces/${workspace.id}`,
            body: { workspace, apiKey: { id: key.id, name: key.name, role: key.role, secret } },
        };
    });
}
/** The caller's own workspace; any other id is 404 (no existence leak). */
async function getWorkspace(db, actor, id) {
    const row = id === actor.workspaceId ? await workspaces.findById(db.reader, id) : null;
    if (!row)
        throw errors_1.AppError.notFound('workspace', id);
    return row;
}
/** `PATCH /v1/workspaces/:id`: rename, or turn four eyes off or on (admin of that workspace). */
async function updateWorkspace(db, context, id, patch) {
    return (0, unit_of_work_1.runWrite)(db, context, async (uow) => {
        const { current, written: updated } = await uow.changeVersioned('workspace', id, async () => (id === uow.actor.workspaceId ? workspaces.findById(uow.tx, id) : null), (current) => workspaces.updateIfVersion(uow.tx, id, current.version, patch));
        await uow.audit({ action: 'workspace.update', entityType: 'workspace', entityId: id, before: current, after: updated });
        return { status: 200, body: updated, version: updated.version };
    });
}
//# sourceMappingURL=workspaces.service.js.map