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
exports.listEvents = listEvents;
exports.verifyChain = verifyChain;
const zod_1 = require("zod");
const pagination_1 = require("../../http/pagination");
const audit_chain_1 = require("../../write-path/audit-chain");
const audit_log_1 = require("../../write-path/audit-log");
const audit = __importStar(require("./audit.repository"));
function present(row) {
    return {
        id: row.id,
        seq: row.seq,
        at: row.at,
        actor: { keyId: row.actorKeyId, name: row.actorName, role: row.actorRole },
        action: row.action,
        entityType: row.entityType,
        entityId: row.entityId,
        before: row.before ?? null,
        after: row.after ?? null,
        requestId: row.requestId,
        prevHash: row.prevHash,
        hash: row.hash,
    };
}
const cursorSchema = zod_1.z.object({ seq: zod_1.z.number().int() });
async function listEvents(db, actor, query) {
    const after = (0, pagination_1.decodeCursor)(query.cursor, cursorSchema);
    const rows = await audit.listPage(db.reader, actor.workspaceId, query, query.limit + 1, after?.seq);
    return (0, pagination_1.toPage)(rows, query.limit, present, (row) => ({ seq: row.seq }));
}
const BATCH = 1000;
/**
 * Recomputes the workspace's chain from the first event: each must have the next `seq`, link to
 * the previous hash and hash to what it says. The head kept on the workspace row catches events
 * deleted from the end.
 */
async function verifyChain(db, workspaceId) {
    const head = await audit.chainHead(db.reader, workspaceId);
    let count = 0;
    let expectedSeq = 1;
    let prevHash = '';
    let firstBadSeq = null;
    for (;;) {
        const batch = await audit.batchFrom(db.reader, workspaceId, expectedSeq - 1, BATCH);
        for (const row of batch) {
            const recomputed = (0, audit_chain_1.hashAuditEvent)((0, audit_log_1.contentOf)(row));
            if (row.seq !== expectedSeq || row.prevHash !== prevHash || row.hash !== recomputed) {
                firstBadSeq = Math.min(row.seq, expectedSeq);
                break;
            }
            count += 1;
            expectedSeq += 1;
            prevHash = row.hash;
        }
        if (firstBadSeq !== null || batch.length < BATCH)
            break;
    }
    if (firstBadSeq === null && (count !== head.auditSeq || prevHash !== head.auditHeadHash)) {
        firstBadSeq = count + 1;
    }
    return { ok: firstBadSeq === null, count, headSeq: head.auditSeq, headHash: head.auditHeadHash, firstBadSeq };
}
//# sourceMappingURL=audit.service.js.map