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
exports.sha256OfBody = sha256OfBody;
exports.insertArticle = insertArticle;
exports.createArticle = createArticle;
exports.getArticle = getArticle;
exports.listArticles = listArticles;
exports.updateArticle = updateArticle;
exports.deleteArticle = deleteArticle;
const node_crypto_1 = require("node:crypto");
const errors_1 = require("../../core/errors");
const pagination_1 = require("../../http/pagination");
const unit_of_work_1 = require("../../write-path/unit-of-work");
const zod_1 = require("zod");
const claims = __importStar(require("../claims/claims.repository"));
const claims_views_1 = require("../claims/claims.views");
const articles = __importStar(require("./articles.repository"));
function present(row) {
    const { workspaceId: _w, deletedAt: _d, ...view } = row;
    return view;
}
function sha256OfBody(body) {
    return (0, node_crypto_1.createHash)('sha256').update(body, 'utf8').digest('hex');
}
function toData(input) {
    return {
        url: input.url,
        title: input.title,
        publisher: input.publisher ?? null,
        language: input.language,
        publishedAt: input.publishedAt ? new Date(input.publishedAt) : null,
        body: input.body,
        bodySha256: sha256OfBody(input.body),
    };
}
async function assertUrlFree(tx, workspaceId, url, exceptId) {
    const existing = await articles.findByUrl(tx, workspaceId, url);
    if (existing && existing.id !== exceptId) {
        throw errors_1.AppError.conflict(existing.deletedAt ? `A deleted article had the url ${url}; urls stay reserved.` : `An article with the url ${url} already exists.`, { existingId: existing.id });
    }
}
/** Creates an article inside a unit of work (the API's POST and the demo seed). */
async function insertArticle(uow, input) {
    await assertUrlFree(uow.tx, uow.actor.workspaceId, input.url);
    const view = present(await articles.insert(uow.tx, uow.actor.workspaceId, toData(input)));
    await uow.audit({ action: 'article.create', entityType: 'article', entityId: view.id, before: null, after: view });
    return view;
}
async function createArticle(db, context, input) {
    return (0, unit_of_work_1.runWrite)(db, context, async (uow) => {
        const view = await insertArticle(uow, input);
        return { status: 201, body: view, version: view.version, location: `/v1/articles/${view.id}` };
    });
}
async function getArticle(db, actor, id) {
    const row = await articles.findActive(db.reader, actor.workspaceId, id);
    if (!row)
        throw errors_1.AppError.notFound('article', id);
    return { ...present(row), claims: (await claims.listForArticle(db.sql, actor.workspaceId, id)).map(claims_views_1.presentClaim) };
}
const cursorSchema = zod_1.z.object({ id: zod_1.z.string() });
async function listArticles(db, actor, query) {
    const after = (0, pagination_1.decodeCursor)(query.cursor, cursorSchema);
    const rows = await articles.listPage(db.reader, actor.workspaceId, { language: query.language }, query.limit + 1, after?.id);
    return (0, pagination_1.toPage)(rows, query.limit, present, (row) => ({ id: row.id }));
}
async function updateArticle(db, context, id, patch) {
    return (0, unit_of_work_1.runWrite)(db, context, async (uow) => {
        const workspaceId = uow.actor.workspaceId;
        const { current, written: updated } = await uow.changeVersioned('article', id, () => articles.findActive(uow.tx, workspaceId, id), async (current) => {
            if (patch.url !== undefined && patch.url !== current.url)
                await assertUrlFree(uow.tx, workspaceId, patch.url, id);
            const data = {};
            if (patch.url !== undefined)
                data.url = patch.url;
            if (patch.title !== undefined)
                data.title = patch.title;
            if (patch.publisher !== undefined)
                data.publisher = patch.publisher;
            if (patch.language !== undefined)
                data.language = patch.language;
            if (patch.publishedAt !== undefined)
                data.publishedAt = patch.publishedAt ? new Date(patch.publishedAt) : null;
            if (patch.body !== undefined && patch.body !== current.body) {
                const quoting = await claims.countForArticle(uow.tx, workspaceId, id);
                if (quoting > 0) {
                    throw errors_1.AppError.unprocessable(`The body cannot change while ${quoting} claims quote it by position; delete or move those claims first.`);
                }
                data.body = patch.body;
                data.bodySha256 = sha256OfBody(patch.body);
            }
            return articles.updateIfVersion(uow.tx, workspaceId, id, current.version, data);
        });
        const view = present(updated);
        await uow.audit({ action: 'article.update', entityType: 'article', entityId: id, before: present(current), after: view });
        return { status: 200, body: view, version: updated.version };
    });
}
async function deleteArticle(db, context, id) {
    return (0, unit_of_work_1.runWrite)(db, context, async (uow) => {
        const workspaceId = uow.actor.workspaceId;
        const { current } = await uow.changeVersioned('article', id, () => articles.findActive(uow.tx, workspaceId, id), (current) => articles.updateIfVersion(uow.tx, workspaceId, id, current.version, { deletedAt: new Date() }));
        await uow.audit({ action: 'article.delete', entityType: 'article', entityId: id, before: present(current), after: null });
        return { status: 204 };
    });
}
//# sourceMappingURL=articles.service.js.map