"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.insert = insert;
exports.insertMany = insertMany;
exports.findActive = findActive;
exports.findActiveWith = findActiveWith;
exports.findManyActiveForUpdate = findManyActiveForUpdate;
exports.updateIfVersion = updateIfVersion;
exports.setStatusMany = setStatusMany;
exports.listForArticle = listForArticle;
exports.countForArticle = countForArticle;
exports.countInWorkspace = countInWorkspace;
exports.listPage = listPage;
const ids_1 = require("../../db/ids");
const sql_1 = require("../../db/sql");
const COLUMNS = ['id', 'workspaceId', 'articleId', 'text', 'language', 'claimant', 'claimDate', 'quote', 'quantities', 'status', 'verdict', 'version', 'createdAt', 'updatedAt'];
/** The claim's columns and its tags (a JSON array, sorted), from `"Claim" c`. */
const TAGS_COLUMN = {
    sqlite: `(SELECT json_group_array("tag") FROM (SELECT "tag" FROM "ClaimTag" t WHERE t."claimId" = c."id" ORDER BY "tag")) AS "tags"`,
    postgres: `(SELECT coalesce(json_agg("tag" ORDER BY "tag"), '[]') FROM "ClaimTag" t WHERE t."claimId" = c."id") AS "tags"`,
};
const PLAIN_COLUMNS = COLUMNS.map((column) => `c."${column}"`).join(', ');
/** Built once: every claim read and list page starts with these. */
const CLAIM_COLUMNS = { sqlite: `${PLAIN_COLUMNS}, ${TAGS_COLUMN.sqlite}`, postgres: `${PLAIN_COLUMNS}, ${TAGS_COLUMN.postgres}` };
function selectClaims(sql) {
    return `SELECT ${claimColumns(sql)} FROM "Claim" c`;
}
function claimColumns(sql) {
    return CLAIM_COLUMNS[sql.dialect];
}
function toRow(raw) {
    return {
        id: raw.id,
        workspaceId: raw.workspaceId,
        articleId: raw.articleId ?? null,
        text: raw.text,
        language: raw.language,
        claimant: raw.claimant ?? null,
        claimDate: (0, sql_1.asDateOrNull)(raw.claimDate),
        quote: (0, sql_1.asJson)(raw.quote),
        quantities: (0, sql_1.asJson)(raw.quantities) ?? [],
        tags: (0, sql_1.asJson)(raw.tags) ?? [],
        status: raw.status,
        verdict: raw.verdict ?? null,
        version: (0, sql_1.asInt)(raw.version),
        createdAt: (0, sql_1.asDate)(raw.createdAt),
        updatedAt: (0, sql_1.asDate)(raw.updatedAt),
    };
}
async function insert(sql, workspaceId, data) {
    return (await insertMany(sql, workspaceId, [data]))[0];
}
const INSERT_COLUMNS = ['id', 'workspaceId', 'articleId', 'text', 'searchText', 'language', 'claimant', 'claimDate', 'quote', 'quantities', 'status', 'version', 'createdAt', 'updatedAt'];
const INSERT_VALUES = `(${(0, sql_1.placeholders)(8)}, ?::jsonb, ?::jsonb, ${(0, sql_1.placeholders)(4)})`;
/** Rows per INSERT: 14 parameters each, far below either database's limit. */
const ROWS_PER_STATEMENT = 500;
/**
 * Inserts many claims in a few statements (a batch of 1,000 must not take 1,000 round trips).
 * The rows are answered from what was written: ids and times are made here.
 */
async function insertMany(sql, workspaceId, data) {
    const now = new Date();
    const rows = data.map((claim) => ({
        id: (0, ids_1.uuidv7)(),
        workspaceId,
        articleId: claim.articleId,
        text: claim.text,
        language: claim.language,
        claimant: claim.claimant,
        claimDate: claim.claimDate,
        quote: claim.quote,
        quantities: claim.quantities,
        tags: [...new Set(claim.tags)].sort(),
        status: 'unverified',
        verdict: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
    }));
    const values = rows.map((row, k) => [
        row.id, workspaceId, row.articleId, row.text, data[k].searchText, row.language, row.claimant, row.claimDate,
        (0, sql_1.jsonParam)(row.quote), (0, sql_1.jsonParam)(row.quantities), row.status, row.version, now, now,
    ]);
    for (const slice of (0, sql_1.chunks)(values, ROWS_PER_STATEMENT)) {
        await sql.run(`INSERT INTO "Claim" (${INSERT_COLUMNS.map((c) => `"${c}"`).join(', ')}) VALUES ${slice.map(() => INSERT_VALUES).join(', ')}`, slice.flat());
    }
    await insertTags(sql, workspaceId, rows.flatMap((row) => row.tags.map((tag) => [row.id, tag])));
    return rows;
}
const TAGS_PER_STATEMENT = 1_000;
async function insertTags(sql, workspaceId, pairs) {
    for (const slice of (0, sql_1.chunks)(pairs, TAGS_PER_STATEMENT)) {
        await sql.run(`INSERT INTO "ClaimTag" ("claimId", "tag", "workspaceId") VALUES ${slice.map(() => '(?, ?, ?)').join(', ')}`, slice.flatMap(([id, tag]) => [id, tag, workspaceId]));
    }
}
/** A live claim of this workspace. */
async function findActive(sql, workspaceId, id) {
    return (await findActiveWith(sql, workspaceId, id, {}))?.row ?? null;
}
/**
 * A live claim of this workspace and, in the same statement, `extra` columns (name → an SQL
 * expression over the claim row `c`), as the driver returns them.
 */
async function findActiveWith(sql, workspaceId, id, extra) {
    const names = Object.keys(extra);
    const columns = names.map((name) => `, ${extra[name]} AS "${name}"`).join('');
    const [raw] = await sql.all(`SELECT ${claimColumns(sql)}${columns} FROM "Claim" c WHERE c."id" = ? AND c."workspaceId" = ? AND c."deletedAt" IS NULL`, [id, workspaceId]);
    if (!raw)
        return null;
    return { row: toRow(raw), extra: Object.fromEntries(names.map((name) => [name, raw[name]])) };
}
/** Long id lists go in slices, each one statement. */
const IDS_PER_QUERY = 500;
/**
 * Live claims of this workspace among `ids`, locked until the transaction ends (PostgreSQL; on
 * SQLite the single writer already excludes every other write). Locks are taken in id order, so
 * two bulk moves of overlapping claims wait for each other instead of deadlocking.
 */
async function findManyActiveForUpdate(sql, workspaceId, ids) {
    const lock = sql.dialect === 'postgres' ? ' ORDER BY c."id" FOR UPDATE OF c' : '';
    const sorted = [...new Set(ids)].sort();
    const rows = [];
    for (const slice of (0, sql_1.chunks)(sorted, IDS_PER_QUERY)) {
        const found = await sql.all(`${selectClaims(sql)} WHERE c."id" IN (${(0, sql_1.placeholders)(slice.length)}) AND c."workspaceId" = ? AND c."deletedAt" IS NULL${lock}`, [...slice, workspaceId]);
        rows.push(...found.map(toRow));
    }
    return rows;
}
const JSON_COLUMNS = new Set(['quote', 'quantities']);
/** Applies `change` only if the claim still has `version`; null when another write got there first. */
async function updateIfVersion(sql, workspaceId, id, version, change) {
    const { tags, ...columns } = change;
    const set = [];
    const params = [];
    for (const [column, value] of Object.entries(columns)) {
        if (value === undefined)
            continue;
        set.push(JSON_COLUMNS.has(column) ? `"${column}" = ?::jsonb` : `"${column}" = ?`);
        params.push(JSON_COLUMNS.has(column) ? (0, sql_1.jsonParam)(value) : value);
    }
    const changed = await sql.run(`UPDATE "Claim" SET ${[...set, '"version" = "version" + 1', '"updatedAt" = ?'].join(', ')} WHERE "id" = ? AND "workspaceId" = ? AND "version" = ? AND "deletedAt" IS NULL`, [...params, new Date(), id, workspaceId, version]);
    if (changed === 0)
        return null;
    if (tags !== undefined) {
        await sql.run('DELETE FROM "ClaimTag" WHERE "claimId" = ?', [id]);
        await insertTags(sql, workspaceId, [...new Set(tags)].map((tag) => [id, tag]));
    }
    const [row] = await sql.all(`${selectClaims(sql)} WHERE c."id" = ?`, [id]);
    return toRow(row);
}
/** Sets the status of claims the caller has locked (`findManyActiveForUpdate`); answers them as they now are. */
async function setStatusMany(sql, current, status) {
    const now = new Date();
    for (const slice of (0, sql_1.chunks)(current, IDS_PER_QUERY)) {
        const changed = await sql.run(`UPDATE "Claim" SET "status" = ?, "version" = "version" + 1, "updatedAt" = ? WHERE "id" IN (${(0, sql_1.placeholders)(slice.length)})`, [status, now, ...slice.map((row) => row.id)]);
        if (changed !== slice.length)
            throw new Error(`expected to move ${slice.length} locked claims, moved ${changed}`);
    }
    return current.map((row) => ({ ...row, status, version: row.version + 1, updatedAt: now }));
}
/** The claims anchored to an article, oldest first (the order they were taken from it). */
async function listForArticle(sql, workspaceId, articleId) {
    const rows = await sql.all(`${selectClaims(sql)} WHERE c."workspaceId" = ? AND c."articleId" = ? AND c."deletedAt" IS NULL ORDER BY c."id"`, [workspaceId, articleId]);
    return rows.map(toRow);
}
async function countForArticle(db, workspaceId, articleId) {
    return db.claim.count({ where: { workspaceId, articleId, deletedAt: null } });
}
async function countInWorkspace(db, workspaceId) {
    return db.claim.count({ where: { workspaceId } });
}
/**
 * Newest first by `sort`, then id. The position is a row-value comparison, which the
 * (workspace, [status,] sort, id) indexes answer as a range: a page costs the same wherever it starts.
 */
async function listPage(sql, workspaceId, filter, sort, take, after, onlyIds) {
    // With an id list (a search tier), SQLite must look the ids up by key and sort them: left to
    // itself it walks the workspace's (workspaceId, updatedAt) index until enough ids turn up,
    // which is most of the workspace for a rare match. `+` keeps that index out.
    const byIds = onlyIds !== undefined && sql.dialect === 'sqlite';
    const where = [byIds ? '+c."workspaceId" = ?' : 'c."workspaceId" = ?', 'c."deletedAt" IS NULL'];
    const params = [workspaceId];
    const equal = (column, value) => {
        if (value === undefined)
            return;
        where.push(`c."${column}" = ?`);
        params.push(value);
    };
    equal('status', filter.status);
    equal('verdict', filter.verdict);
    equal('articleId', filter.articleId);
    equal('claimant', filter.claimant);
    equal('language', filter.language);
    const condition = (text, value) => {
        where.push(text);
        params.push(value);
    };
    if (filter.tag !== undefined)
        condition('EXISTS (SELECT 1 FROM "ClaimTag" t WHERE t."claimId" = c."id" AND t."tag" = ?)', filter.tag);
    if (filter.updatedSince)
        condition('c."updatedAt" >= ?', filter.updatedSince);
    if (filter.createdAfter)
        condition('c."createdAt" > ?', filter.createdAfter);
    if (filter.createdBefore)
        condition('c."createdAt" < ?', filter.createdBefore);
    if (onlyIds) {
        where.push(`c."id" IN (${(0, sql_1.placeholders)(onlyIds.length)})`);
        params.push(...onlyIds);
    }
    if (after) {
        where.push(`(c."${sort}", c."id") < (?, ?)`);
        params.push(after.at, after.id);
    }
    const rows = await sql.all(`${selectClaims(sql)} WHERE ${where.join(' AND ')} ORDER BY c."${sort}" DESC, c."id" DESC LIMIT ?`, [...params, take]);
    return rows.map(toRow);
}
//# sourceMappingURL=claims.repository.js.map