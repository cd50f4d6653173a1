"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.find = find;
exports.insertRunning = insertRunning;
exports.restart = restart;
exports.complete = complete;
exports.removeRunning = removeRunning;
exports.remove = remove;
exports.removeExpired = removeExpired;
const json_1 = require("../db/json");
async function find(tx, apiKeyId, key) {
    return (await tx.idempotencyRecord.findUnique({ where: { apiKeyId_key: { apiKeyId, key } } }));
}
async function insertRunning(tx, data) {
    await tx.idempotencyRecord.create({ data: { ...data, state: 'running' } });
}
async function restart(tx, id, requestHash, createdAt, expiresAt) {
    await tx.idempotencyRecord.update({
        where: { id },
        data: { state: 'running', requestHash, status: null, response: (0, json_1.toJsonColumn)(null), createdAt, expiresAt },
    });
}
async function complete(tx, apiKeyId, key, status, response) {
    await tx.idempotencyRecord.update({
        where: { apiKeyId_key: { apiKeyId, key } },
        data: { state: 'completed', status, response: (0, json_1.toJsonColumn)(response) },
    });
}
async function removeRunning(tx, apiKeyId, key) {
    await tx.idempotencyRecord.deleteMany({ where: { apiKeyId, key, state: 'running' } });
}
async function remove(tx, id) {
    await tx.idempotencyRecord.delete({ where: { id } });
}
async function removeExpired(tx, now) {
    const { count } = await tx.idempotencyRecord.deleteMany({ where: { expiresAt: { lt: now } } });
    return count;
}
//# sourceMappingURL=idempotency.repository.js.map