-- CreateIndex
CREATE INDEX "AuditEvent_workspaceId_action_at_idx" ON "AuditEvent"("workspaceId", "action", "at");

-- CreateIndex (by hand, also in prisma/sql/sqlite/AuditEvent.sql for a recreated table)
-- Evidence events by the claim they belong to (an expression Prisma's schema cannot state): the
-- audit report counts the links a claim had when a verdict was published with one index range
-- per publication (src/modules/reports/reports.repository.ts, publishedWithoutEvidence). The
-- expression must stay the one the statement uses.
CREATE INDEX IF NOT EXISTS "AuditEvent_evidence_claim_idx" ON "AuditEvent"("workspaceId", (CASE WHEN "action" = 'evidence.delete' THEN json_extract("before", '$.claimId') ELSE json_extract("after", '$.claimId') END), "seq") WHERE "action" IN ('evidence.create', 'evidence.delete');
