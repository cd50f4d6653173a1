"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.insert = insert;
exports.find = find;
exports.findInState = findInState;
exports.listForClaim = listForClaim;
exports.historyColumn = historyColumn;
exports.fromColumn = fromColumn;
exports.moveIfState = moveIfState;
const sql_1 = require("../../db/sql");
async function insert(tx, data) {
    return tx.review.create({ data: { ...data, state: 'proposed' } });
}
async function find(db, workspaceId, claimId, id) {
    return db.review.findFirst({ where: { id, claimId, workspaceId } });
}
async function findInState(tx, claimId, state) {
    return tx.review.findFirst({ where: { claimId, state }, orderBy: { id: 'desc' } });
}
const REVIEW_COLUMNS = ['id', 'workspaceId', 'claimId', 'rating', 'summary', 'scaleVersion', 'state', 'proposedById', 'decidedById', 'decisionNote', 'correctionNote', 'version', 'createdAt', 'decidedAt'];
function selectReviews(where) {
    return `SELECT ${REVIEW_COLUMNS.map((c) => `r."${c}" AS "${c}"`).join(', ')} FROM "Review" r WHERE ${where}`;
}
function toRow(row) {
    return {
        ...row,
        scaleVersion: (0, sql_1.asInt)(row.scaleVersion),
        version: (0, sql_1.asInt)(row.version),
        createdAt: (0, sql_1.asDate)(row.createdAt),
        decidedAt: (0, sql_1.asDateOrNull)(row.decidedAt),
    };
}
/** A claim's reviews, oldest first. */
async function listForClaim(sql, workspaceId, claimId) {
    const rows = await sql.all(`${selectReviews('r."workspaceId" = ? AND r."claimId" = ?')} ORDER BY r."id"`, [workspaceId, claimId]);
    return rows.map(toRow);
}
/**
 * A claim's verdict history (published and superseded reviews, newest first) as a column of a
 * claim query (a JSON array; `claim` names the claim row), so a claim read is one statement.
 */
function historyColumn(sql, claim) {
    return (0, sql_1.jsonArray)(sql, REVIEW_COLUMNS, selectReviews(`r."workspaceId" = ${claim}."workspaceId" AND r."claimId" = ${claim}."id" AND r."state" IN ('published', 'superseded')`), '"id" DESC');
}
function fromColumn(value) {
    return ((0, sql_1.asJson)(value) ?? []).map(toRow);
}
/** Moves a review out of `from`; null when another write moved it first. */
async function moveIfState(tx, id, from, data) {
    const [row] = await tx.review.updateManyAndReturn({ where: { id, state: from }, data: { ...data, version: { increment: 1 } } });
    return row ?? null;
}
//# sourceMappingURL=reviews.repository.js.map