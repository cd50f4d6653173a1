"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.listPage = listPage;
exports.chainHead = chainHead;
exports.batchFrom = batchFrom;
async function listPage(db, workspaceId, filter, limit, afterSeq) {
    return (await db.auditEvent.findMany({
        where: {
            workspaceId,
            ...(filter.entityId ? { entityId: filter.entityId } : {}),
            ...(filter.action ? { action: filter.action } : {}),
            ...(filter.actor ? { actorKeyId: filter.actor } : {}),
            ...(filter.from || filter.to ? { at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } } : {}),
            ...(afterSeq !== undefined ? { seq: { gt: afterSeq } } : {}),
        },
        orderBy: { seq: 'asc' },
        take: limit,
    }));
}
async function chainHead(db, workspaceId) {
    return db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { auditSeq: true, auditHeadHash: true } });
}
async function batchFrom(db, workspaceId, afterSeq, size) {
    return (await db.auditEvent.findMany({
        where: { workspaceId, seq: { gt: afterSeq } },
        orderBy: { seq: 'asc' },
        take: size,
    }));
}
//# sourceMappingURL=audit.repository.js.map