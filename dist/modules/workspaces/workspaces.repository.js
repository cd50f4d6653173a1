"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.findFirst = findFirst;
exports.insert = insert;
exports.findById = findById;
exports.updateIfVersion = updateIfVersion;
const columns = { id: true, name: true, fourEyes: true, version: true, createdAt: true, updatedAt: true };
/** The first workspace is the oldest: ids are UUIDv7, so the smallest id. */
async function findFirst(db) {
    return db.workspace.findFirst({ orderBy: { id: 'asc' }, select: columns });
}
async function insert(tx, data) {
    return tx.workspace.create({ data, select: columns });
}
async function findById(db, id) {
    return db.workspace.findUnique({ where: { id }, select: columns });
}
/** Applies `data` only if the workspace still has `version`; null when another write got there first. */
async function updateIfVersion(tx, id, version, data) {
    const [row] = await tx.workspace.updateManyAndReturn({
        where: { id, version },
        data: { ...data, version: { increment: 1 }, updatedAt: new Date() },
        select: columns,
    });
    return row ?? null;
}
//# sourceMappingURL=workspaces.repository.js.map