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
