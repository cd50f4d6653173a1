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
exports.presentSource = presentSource;
exports.insertSource = insertSource;
exports.createSource = createSource;
exports.getSource = getSource;
exports.listSources = listSources;
exports.updateSource = updateSource;
exports.deleteSource = deleteSource;
const zod_1 = require("zod");
const errors_1 = require("../../core/errors");
const pagination_1 = require("../../http/pagination");
const unit_of_work_1 = require("../../write-path/unit-of-work");
const evidence = __importStar(require("../evidence/evidence.repository"));
const sources = __importStar(require("./sources.repository"));
function presentSource(row) {
    const { workspaceId: _w, deletedAt: _d, ...view } = row;
    return view;
}
const toDate = (value) => (value ? new Date(value) : null);
async function assertUrlFree(tx, workspaceId, url, exceptId) {
    const existing = await sources.findByUrl(tx, workspaceId, url);
    if (existing && existing.id !== exceptId) {
        throw errors_1.AppError.conflict(existing.deletedAt ? `A deleted source had the url ${url}; urls stay reserved.` : `A source with the url ${url} already exists; reuse it.`, { existingId: existing.id });
    }
}
/** Creates a source inside a unit of work (the API's POST and the demo seed). */
async function insertSource(uow, input) {
    await assertUrlFree(uow.tx, uow.actor.workspaceId, input.url);
    const row = await sources.insert(uow.tx, uow.actor.workspaceId, {
        url: input.url,
        title: input.title,
        publisher: input.publisher ?? null,
        kind: input.kind,
        publishedAt: toDate(input.publishedAt),
        accessedAt: toDate(input.accessedAt),
        archiveUrl: input.archiveUrl ?? null,
    });
    const view = presentSource(row);
    await uow.audit({ action: 'source.create', entityType: 'source', entityId: row.id, before: null, after: view });
    return view;
}
async function createSource(db, context, input) {
    return (0, unit_of_work_1.runWrite)(db, context, async (uow) => {
        const view = await insertSource(uow, input);
        return { status: 201, body: view, version: view.version, location: `/v1/sources/${view.id}` };
    });
}
async function getSource(db, actor, id) {
    const row = await sources.findActive(db.reader, actor.workspaceId, id);
    if (!row)
        throw errors_1.AppError.notFound('source', id);
    return presentSource(row);
}
const cursorSchema = zod_1.z.object({ id: zod_1.z.string() });
async function listSources(db, actor, query) {
    const after = (0, pagination_1.decodeCursor)(query.cursor, cursorSchema);
    const rows = await sources.listPage(db.reader, actor.workspaceId, { kind: query.kind }, query.limit + 1, after?.id);
    return (0, pagination_1.toPage)(rows, query.limit, presentSource, (row) => ({ id: row.id }));
}
async function updateSource(db, context, id, patch) {
    return (0, unit_of_work_1.runWrite)(db, context, async (uow) => {
        const workspaceId = uow.actor.workspaceId;
        const { current, written: updated } = await uow.changeVersioned('source', id, () => sources.findActive(uow.tx, workspaceId, id), async (current) => {
            if (patch.url !== undefined && patch.url !== current.url)
                await assertUrlFree(uow.tx, workspaceId, patch.url, id);
            const data = {};
            if (patch.url !== undefined)
                data.url = patch.url;
            if (patch.title !== undefined)
                data.title = patch.title;
            if (patch.publisher !== undefined)
                data.publisher = patch.publisher;
            if (patch.kind !== undefined)
                data.kind = patch.kind;
            if (patch.publishedAt !== undefined)
                data.publishedAt = toDate(patch.publishedAt);
            if (patch.accessedAt !== undefined)
                data.accessedAt = toDate(patch.accessedAt);
            if (patch.archiveUrl !== undefined)
                data.archiveUrl = patch.archiveUrl;
            return sources.updateIfVersion(uow.tx, workspaceId, id, current.version, data);
        });
        const view = presentSource(updated);
        await uow.audit({ action: 'source.update', entityType: 'source', entityId: id, before: presentSource(current), after: view });
        return { status: 200, body: view, version: updated.version };
    });
}
/** A source still cited as evidence is not deleted: the evidence would point at nothing. */
async function deleteSource(db, context, id) {
    return (0, unit_of_work_1.runWrite)(db, context, async (uow) => {
        const workspaceId = uow.actor.workspaceId;
        const { current } = await uow.changeVersioned('source', id, () => sources.findActive(uow.tx, workspaceId, id), async (current) => {
            const citing = await evidence.countForSource(uow.tx, id);
            if (citing > 0)
                throw errors_1.AppError.conflict(`This source is cited by ${citing} evidence links; remove them first.`, { evidenceCount: citing });
            return sources.updateIfVersion(uow.tx, workspaceId, id, current.version, { deletedAt: new Date() });
        });
        await uow.audit({ action: 'source.delete', entityType: 'source', entityId: id, before: presentSource(current), after: null });
        return { status: 204 };
    });
}
//# sourceMappingURL=sources.service.js.map