"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.contentOf = contentOf;
exports.appendMany = appendMany;
const ids_1 = require("../db/ids");
const sql_1 = require("../db/sql");
const audit_chain_1 = require("./audit-chain");
/** What a stored event's hash covers (the one definition `append` and verification share). */
function contentOf(row) {
    return {
        workspaceId: row.workspaceId,
        seq: row.seq,
        at: row.at.toISOString(),
        actor: { keyId: row.actorKeyId, name: row.actorName, role: row.actorRole },
        action: row.action,
        entityType: row.entityType,
        entityId: row.entityId,
        before: row.before ?? null,
        after: row.after ?? null,
        requestId: row.requestId,
        prevHash: row.prevHash,
    };
}
const EVENT_COLUMNS = ['id', 'workspaceId', 'seq', 'at', 'actorKeyId', 'actorName', 'actorRole', 'action', 'entityType', 'entityId', 'before', 'after', 'requestId', 'prevHash', 'hash'];
const EVENT_VALUES = `(${(0, sql_1.placeholders)(10)}, ?::jsonb, ?::jsonb, ?, ?, ?)`;
/** Rows per INSERT: 15 parameters each stays far below either database's limit. */
const EVENTS_PER_STATEMENT = 500;
/**
 * Appends events to their workspace's chain, in order, inside the caller's transaction: one
 * increment of the workspace's `auditSeq` reserves their seqs and takes that row's lock
 * (PostgreSQL) or runs alone (SQLite's single writer), so `seq` is gap-free and the chain never
 * forks; the hashes are chained here and the rows written in few statements.
 */
async function appendMany(sql, events) {
    const workspaceId = events[0]?.workspaceId;
    if (workspaceId === undefined)
        return;
    if (events.some((event) => event.workspaceId !== workspaceId))
        throw new Error('appendMany takes the events of one workspace');
    const [head] = await sql.all('UPDATE "Workspace" SET "auditSeq" = "auditSeq" + ? WHERE "id" = ? RETURNING "auditSeq", "auditHeadHash"', [events.length, workspaceId]);
    if (!head)
        throw new Error(`workspace ${workspaceId} is missing`);
    const firstSeq = (0, sql_1.asInt)(head.auditSeq) - events.length + 1;
    const at = new Date();
    let prevHash = head.auditHeadHash;
    const rows = events.map((event, i) => {
        const content = { ...event, seq: firstSeq + i, at: at.toISOString(), prevHash };
        const hash = (0, audit_chain_1.hashAuditEvent)(content);
        const row = [(0, ids_1.uuidv7)(), workspaceId, content.seq, at, event.actor.keyId, event.actor.name, event.actor.role, event.action, event.entityType, event.entityId, (0, sql_1.jsonParam)(event.before), (0, sql_1.jsonParam)(event.after), event.requestId, prevHash, hash];
        prevHash = hash;
        return row;
    });
    for (const slice of (0, sql_1.chunks)(rows, EVENTS_PER_STATEMENT)) {
        await sql.run(`INSERT INTO "AuditEvent" (${EVENT_COLUMNS.map((c) => `"${c}"`).join(', ')}) VALUES ${slice.map(() => EVENT_VALUES).join(', ')}`, slice.flat());
    }
    await sql.run('UPDATE "Workspace" SET "auditHeadHash" = ? WHERE "id" = ?', [prevHash, workspaceId]);
}
//# sourceMappingURL=audit-log.js.map