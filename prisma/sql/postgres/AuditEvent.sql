-- AuditEvent is append-only (DESIGN §6): the database itself refuses UPDATE, DELETE and TRUNCATE.
-- Appended by scripts/migration-new.mjs to every migration that creates or recreates the table,
-- so it must be safe to run again.
CREATE OR REPLACE FUNCTION "AuditEvent_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit events are append-only'
        USING DETAIL = TG_OP || ' on "AuditEvent" is refused';
END;
$$;

DROP TRIGGER IF EXISTS "AuditEvent_no_update_delete" ON "AuditEvent";
CREATE TRIGGER "AuditEvent_no_update_delete"
BEFORE UPDATE OR DELETE ON "AuditEvent"
FOR EACH ROW EXECUTE FUNCTION "AuditEvent_append_only"();

DROP TRIGGER IF EXISTS "AuditEvent_no_truncate" ON "AuditEvent";
CREATE TRIGGER "AuditEvent_no_truncate"
BEFORE TRUNCATE ON "AuditEvent"
FOR EACH STATEMENT EXECUTE FUNCTION "AuditEvent_append_only"();

-- Evidence events by the claim they belong to (an expression Prisma's schema cannot state): the
-- audit report counts the links a claim had when a verdict was published with one index range
-- per publication (src/modules/reports/reports.repository.ts, publishedWithoutEvidence). The
-- expression must stay the one the statement uses.
CREATE INDEX IF NOT EXISTS "AuditEvent_evidence_claim_idx" ON "AuditEvent"("workspaceId", (CASE WHEN "action" = 'evidence.delete' THEN ("before"->>'claimId') ELSE ("after"->>'claimId') END), "seq") WHERE "action" IN ('evidence.create', 'evidence.delete');
