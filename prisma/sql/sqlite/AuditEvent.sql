-- AuditEvent is append-only (DESIGN §6): the database itself refuses UPDATE and DELETE.
-- Appended by scripts/migration-new.mjs to every migration that creates or recreates the table
-- (SQLite's RedefineTables drops a table's triggers), so it must be safe to run again.
DROP TRIGGER IF EXISTS "AuditEvent_no_update";
CREATE TRIGGER "AuditEvent_no_update"
BEFORE UPDATE ON "AuditEvent"
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;

DROP TRIGGER IF EXISTS "AuditEvent_no_delete";
CREATE TRIGGER "AuditEvent_no_delete"
BEFORE DELETE ON "AuditEvent"
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;

-- Evidence events by the claim they belong to (an expression Prisma's schema cannot state): the
-- audit report counts the links a claim had when a verdict was published with one index range
-- per publication (src/modules/reports/reports.repository.ts, publishedWithoutEvidence). The
-- expression must stay the one the statement uses.
CREATE INDEX IF NOT EXISTS "AuditEvent_evidence_claim_idx" ON "AuditEvent"("workspaceId", (CASE WHEN "action" = 'evidence.delete' THEN json_extract("before", '$.claimId') ELSE json_extract("after", '$.claimId') END), "seq") WHERE "action" IN ('evidence.create', 'evidence.delete');
