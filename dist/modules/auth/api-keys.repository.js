"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.findBySecretHash = findBySecretHash;
exports.findInWorkspace = findInWorkspace;
exports.listPage = listPage;
exports.countInWorkspace = countInWorkspace;
exports.insert = insert;
exports.revoke = revoke;
exports.touch = touch;
const sql_1 = require("../../db/sql");
const columns = {
    id: true,
    workspaceId: true,
    name: true,
    role: true,
    prefix: true,
    createdAt: true,
    lastUsedAt: true,
    revokedAt: true,
    version: true,
};
/** Every request's key check: plain SQL (`db/sql.ts`). */
async function findBySecretHash(sql, secretHash) {
    const [row] = await sql.all('SELECT "id", "workspaceId", "name", "role", "prefix", "createdAt", "lastUsedAt", "revokedAt", "version" FROM "ApiKey" WHERE "secretHash" = ?', [secretHash]);
    if (!row)
        return null;
    return {
        id: row.id,
        workspaceId: row.workspaceId,
        name: row.name,
        role: row.role,
        prefix: row.prefix,
        createdAt: (0, sql_1.asDate)(row.createdAt),
        lastUsedAt: (0, sql_1.asDateOrNull)(row.lastUsedAt),
        revokedAt: (0, sql_1.asDateOrNull)(row.revokedAt),
        version: (0, sql_1.asInt)(row.version),
    };
}
async function findInWorkspace(db, workspaceId, id) {
    return (await db.apiKey.findFirst({ where: { id, workspaceId }, select: columns }));
}
async function listPage(db, workspaceId, limit, afterId) {
    return (await db.apiKey.findMany({
        where: { workspaceId, ...(afterId ? { id: { gt: afterId } } : {}) },
        orderBy: { id: 'asc' },
        take: limit,
        select: columns,
    }));
}
async function countInWorkspace(db, workspaceId) {
    return db.apiKey.count({ where: { workspaceId } });
}
async function insert(tx, data) {
    return (await tx.apiKey.create({ data, select: columns }));
}
async function revoke(tx, id, at) {
    return (await tx.apiKey.update({
        where: { id },
        data: { revokedAt: at, version: { increment: 1 } },
        select: columns,
    }));
}
async function touch(tx, id, at) {
    await tx.apiKey.update({ where: { id }, data: { lastUsedAt: at } });
}
//# sourceMappingURL=api-keys.repository.js.map