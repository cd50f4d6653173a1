"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.insert = insert;
exports.find = find;
exports.findLink = findLink;
exports.listForClaim = listForClaim;
exports.evidenceColumn = evidenceColumn;
exports.fromColumn = fromColumn;
exports.countForClaim = countForClaim;
exports.countForSource = countForSource;
exports.removeIfVersion = removeIfVersion;
const sql_1 = require("../../db/sql");
const columns = {
    id: true,
    workspaceId: true,
    claimId: true,
    sourceId: true,
    stance: true,
    excerpt: true,
    note: true,
    createdById: true,
    version: true,
    createdAt: true,
    source: { select: { id: true, url: true, title: true, publisher: true, kind: true, archiveUrl: true } },
};
async function insert(tx, workspaceId, data) {
    return tx.evidence.create({ data: { ...data, workspaceId }, select: columns });
}
async function find(db, workspaceId, claimId, id) {
    return db.evidence.findFirst({ where: { id, claimId, workspaceId }, select: columns });
}
async function findLink(tx, claimId, sourceId, stance) {
    return tx.evidence.findFirst({ where: { claimId, sourceId, stance }, select: { id: true } });
}
/** The link's columns (`e`), then its source's (`s`). */
const EVIDENCE_COLUMNS = ['id', 'workspaceId', 'claimId', 'sourceId', 'stance', 'excerpt', 'note', 'createdById', 'version', 'createdAt'];
const SOURCE_COLUMNS = ['url', 'title', 'publisher', 'kind', 'archiveUrl'];
const ALL_COLUMNS = [...EVIDENCE_COLUMNS, ...SOURCE_COLUMNS];
const SELECTED = [...EVIDENCE_COLUMNS.map((c) => `e."${c}" AS "${c}"`), ...SOURCE_COLUMNS.map((c) => `s."${c}" AS "${c}"`)].join(', ');
/** Evidence rows with their source's columns, under `where` (over `e` and `s`). */
function selectEvidence(where) {
    return `SELECT ${SELECTED} FROM "Evidence" e JOIN "Source" s ON s."id" = e."sourceId" WHERE ${where}`;
}
function toRow(row) {
    return {
        id: row.id,
        workspaceId: row.workspaceId,
        claimId: row.claimId,
        sourceId: row.sourceId,
        stance: row.stance,
        excerpt: row.excerpt ?? null,
        note: row.note ?? null,
        createdById: row.createdById ?? null,
        version: (0, sql_1.asInt)(row.version),
        createdAt: (0, sql_1.asDate)(row.createdAt),
        source: {
            id: row.sourceId,
            url: row.url,
            title: row.title,
            publisher: row.publisher ?? null,
            kind: row.kind,
            archiveUrl: row.archiveUrl ?? null,
        },
    };
}
/** A claim's evidence with each source, oldest first. */
async function listForClaim(sql, workspaceId, claimId, take, afterId) {
    const rows = await sql.all(`${selectEvidence(`e."workspaceId" = ? AND e."claimId" = ?${afterId ? ' AND e."id" > ?' : ''}`)} ORDER BY e."id"${take ? ' LIMIT ?' : ''}`, [workspaceId, claimId, ...(afterId ? [afterId] : []), ...(take ? [take] : [])]);
    return rows.map(toRow);
}
/**
 * The same list as a column of a claim query (a JSON array; `claim` names the claim row, e.g.
 * `c`), so a claim read is one statement; `fromColumn` reads it back.
 */
function evidenceColumn(sql, claim) {
    return (0, sql_1.jsonArray)(sql, ALL_COLUMNS, selectEvidence(`e."workspaceId" = ${claim}."workspaceId" AND e."claimId" = ${claim}."id"`), '"id"');
}
function fromColumn(value) {
    return ((0, sql_1.asJson)(value) ?? []).map(toRow);
}
async function countForClaim(tx, claimId) {
    return tx.evidence.count({ where: { claimId } });
}
async function countForSource(tx, sourceId) {
    return tx.evidence.count({ where: { sourceId } });
}
/** Removes the link if it still has `version`; false when another write got there first. */
async function removeIfVersion(tx, id, version) {
    const { count } = await tx.evidence.deleteMany({ where: { id, version } });
    return count === 1;
}
//# sourceMappingURL=evidence.repository.js.map