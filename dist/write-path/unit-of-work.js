"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.IDEMPOTENCY_TTL_MS = exports.UnitOfWork = void 0;
exports.runWrite = runWrite;
exports.requestFingerprint = requestFingerprint;
const json_1 = require("../db/json");
const errors_1 = require("../core/errors");
const etag_1 = require("../http/etag");
const audit_chain_1 = require("./audit-chain");
const auditLog = __importStar(require("./audit-log"));
const idempotency = __importStar(require("./idempotency.repository"));
/** What a feature's write sees: the transaction, the actor, and the two checks every write makes. */
class UnitOfWork {
    tx;
    sql;
    context;
    constructor(tx, 
    /** Plain statements in the same transaction (`db/sql.ts`), for the hot paths. */
    sql, context) {
        this.tx = tx;
        this.sql = sql;
        this.context = context;
    }
    get actor() {
        return this.context.actor;
    }
    /** 428 without If-Match, 412 unless it matches `current`. Pair it with a version-conditional update. */
    expectVersion(current) {
        if (this.context.ifMatch === undefined)
            throw errors_1.AppError.preconditionRequired();
        if (!(0, etag_1.ifMatchAllows)(this.context.ifMatch, current))
            throw errors_1.AppError.preconditionFailed(current);
    }
    /**
     * The sequence of every PATCH, DELETE and workflow action: the live row or 404, If-Match
     * checked against its version (428, 412), then `write`, a version-conditional change whose
     * null or false means another write got there first since the read (412).
     * @example const { current, written } = await uow.changeVersioned('source', id,
     *   () => sources.findActive(uow.tx, workspaceId, id),
     *   (current) => sources.updateIfVersion(uow.tx, workspaceId, id, current.version, data));
     */
    async changeVersioned(entity, id, find, write) {
        const current = await find();
        if (!current)
            throw errors_1.AppError.notFound(entity, id);
        this.expectVersion(current.version);
        const written = await write(current);
        if (written === null || written === false)
            throw errors_1.AppError.preconditionFailed();
        return { current, written };
    }
    /** Appends the audit event for this change, in this transaction. */
    async audit(entry) {
        await this.auditMany([entry]);
    }
    /** Appends one event per entry, in order, in one statement per workspace. */
    async auditMany(entries) {
        const { actor, requestId } = this.context;
        const byWorkspace = new Map();
        for (const entry of entries) {
            const workspaceId = entry.workspaceId ?? actor.workspaceId;
            const events = byWorkspace.get(workspaceId) ?? [];
            events.push({
                workspaceId,
                actor: { keyId: actor.keyId, name: actor.name, role: actor.role },
                action: entry.action,
                entityType: entry.entityType,
                entityId: entry.entityId,
                before: (0, json_1.plainJson)(entry.before),
                after: (0, json_1.plainJson)(entry.after),
                requestId,
            });
            byWorkspace.set(workspaceId, events);
        }
        for (const events of byWorkspace.values())
            await auditLog.appendMany(this.sql, events);
    }
}
exports.UnitOfWork = UnitOfWork;
exports.IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** A `running` record older than this was left by a process that died; a retry may take it over. */
const ABANDONED_AFTER_MS = 5 * 60 * 1000;
/**
 * The one write path (STYLE §5): in one transaction, the feature's change (which checks the
 * version and appends audit events through `uow`) and the response stored under its
 * `Idempotency-Key`. A repeated key replays the stored response; features never open
 * transactions themselves.
 */
async function runWrite(db, context, work) {
    const apiKeyId = context.actor.keyId;
    const key = apiKeyId ? context.idempotency : undefined;
    if (key && apiKeyId) {
        const replay = await claimIdempotencyKey(db, apiKeyId, key.key, key.fingerprint);
        if (replay)
            return { ...replay, replayed: true };
    }
    try {
        const response = await db.write(async (tx, sql) => {
            const result = await work(new UnitOfWork(tx, sql, context));
            if (key && apiKeyId)
                await idempotency.complete(tx, apiKeyId, key.key, result.status, result);
            return result;
        });
        return { ...response, replayed: false };
    }
    catch (error) {
        // The write changed nothing, so the key is free again: a corrected retry may use it.
        if (key && apiKeyId)
            await db.write((tx) => idempotency.removeRunning(tx, apiKeyId, key.key)).catch(() => undefined);
        throw error;
    }
}
/** Fingerprint of a request for `Idempotency-Key`: the same key with another body is refused. */
function requestFingerprint(method, path, body) {
    return (0, audit_chain_1.sha256Hex)(`${method} ${path}\n${(0, audit_chain_1.canonicalJson)(body ?? null)}`);
}
/** Returns the stored response to replay, or undefined after taking the key for this request. */
async function claimIdempotencyKey(db, apiKeyId, key, fingerprint) {
    const attempt = () => db.write(async (tx) => {
        const now = new Date();
        const expiresAt = new Date(now.getTime() + exports.IDEMPOTENCY_TTL_MS);
        const existing = await idempotency.find(tx, apiKeyId, key);
        if (existing && existing.expiresAt > now) {
            if (existing.requestHash !== fingerprint) {
                throw errors_1.AppError.unprocessable('This Idempotency-Key was used with a different request. Use a new key for a new request.');
            }
            if (existing.state === 'completed')
                return existing.response;
            if (now.getTime() - existing.createdAt.getTime() < ABANDONED_AFTER_MS) {
                throw errors_1.AppError.conflict('A request with this Idempotency-Key is still being processed. Retry later.');
            }
            await idempotency.restart(tx, existing.id, fingerprint, now, expiresAt);
            return undefined;
        }
        if (existing)
            await idempotency.remove(tx, existing.id); // expired
        await idempotency.insertRunning(tx, { apiKeyId, key, requestHash: fingerprint, createdAt: now, expiresAt });
        return undefined;
    });
    try {
        return await attempt();
    }
    catch (error) {
        // Two first requests at once (PostgreSQL): the loser's insert hits the unique key. Look again.
        if (error.code === 'P2002')
            return attempt();
        throw error;
    }
}
//# sourceMappingURL=unit-of-work.js.map