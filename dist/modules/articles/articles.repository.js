"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.insert = insert;
exports.findActive = findActive;
exports.findBodies = findBodies;
exports.findByUrl = findByUrl;
exports.updateIfVersion = updateIfVersion;
exports.listPage = listPage;
const sql_1 = require("../../db/sql");
const summaryColumns = {
    id: true,
    workspaceId: true,
    url: true,
    title: true,
    publisher: true,
    language: true,
    publishedAt: true,
    bodySha256: true,
    version: true,
    createdAt: true,
    updatedAt: true,
    deletedAt: true,
};
async function insert(tx, workspaceId, data) {
    return tx.article.create({ data: { ...data, workspaceId } });
}
/** An article of this workspace that is not deleted. */
async function findActive(db, workspaceId, id) {
    return db.article.findFirst({ where: { id, workspaceId, deletedAt: null } });
}
/** Long id lists go in slices, each one statement. */
const IDS_PER_QUERY = 500;
async function findBodies(sql, workspaceId, ids) {
    const bodies = new Map();
    for (const slice of (0, sql_1.chunks)(ids, IDS_PER_QUERY)) {
        const rows = await sql.all(`SELECT "id", "body" FROM "Article" WHERE "id" IN (${(0, sql_1.placeholders)(slice.length)}) AND "workspaceId" = ? AND "deletedAt" IS NULL`, [...slice, workspaceId]);
        for (const row of rows)
            bodies.set(row.id, row.body);
    }
    return bodies;
}
async function findByUrl(db, workspaceId, url) {
    return db.article.findUnique({ where: { workspaceId_url: { workspaceId, url } }, select: summaryColumns });
}
/**
 * Applies `data` only if the row still has `version`; null when another write got there first.
 * The condition is what makes concurrent PATCHes safe on PostgreSQL.
 */
async function updateIfVersion(tx, workspaceId, id, version, data) {
    const [row] = await tx.article.updateManyAndReturn({
        where: { id, workspaceId, version, deletedAt: null },
        data: { ...data, version: { increment: 1 } },
    });
    return row ?? null;
}
async function listPage(db, workspaceId, filter, take, beforeId) {
    return db.article.findMany({
        where: {
            workspaceId,
            deletedAt: null,
            ...(filter.language ? { language: filter.language } : {}),
            ...(beforeId ? { id: { lt: beforeId } } : {}),
        },
        orderBy: { id: 'desc' },
        take,
        select: summaryColumns,
    });
}
//# sourceMappingURL=articles.repository.js.map