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
