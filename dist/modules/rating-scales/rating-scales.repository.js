"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.latest = latest;
exports.byVersion = byVersion;
exports.all = all;
exports.insert = insert;
async function latest(db, workspaceId) {
    return (await db.ratingScale.findFirst({ where: { workspaceId }, orderBy: { version: 'desc' } }));
}
async function byVersion(db, workspaceId, version) {
    return (await db.ratingScale.findUnique({ where: { workspaceId_version: { workspaceId, version } } }));
}
async function all(db, workspaceId) {
    return (await db.ratingScale.findMany({ where: { workspaceId }, orderBy: { version: 'desc' } }));
}
async function insert(tx, data) {
    return (await tx.ratingScale.create({ data }));
}
//# sourceMappingURL=rating-scales.repository.js.map