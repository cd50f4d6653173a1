"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.insert = insert;
exports.findActive = findActive;
exports.findByUrl = findByUrl;
exports.updateIfVersion = updateIfVersion;
exports.listPage = listPage;
async function insert(tx, workspaceId, data) {
    return tx.source.create({ data: { ...data, workspaceId } });
}
async function findActive(db, workspaceId, id) {
    return db.source.findFirst({ where: { id, workspaceId, deletedAt: null } });
}
async function findByUrl(db, workspaceId, url) {
    return db.source.findUnique({ where: { workspaceId_url: { workspaceId, url } } });
}
async function updateIfVersion(tx, workspaceId, id, version, data) {
    const [row] = await tx.source.updateManyAndReturn({
        where: { id, workspaceId, version, deletedAt: null },
        data: { ...data, version: { increment: 1 } },
    });
    return row ?? null;
}
async function listPage(db, workspaceId, filter, take, beforeId) {
    return db.source.findMany({
        where: { workspaceId, deletedAt: null, ...(filter.kind ? { kind: filter.kind } : {}), ...(beforeId ? { id: { lt: beforeId } } : {}) },
        orderBy: { id: 'desc' },
        take,
    });
}
//# sourceMappingURL=sources.repository.js.map