import { onPostgres, type TestApp } from './test-app';

/**
 * Runs SQL behind the API's back the way an attacker with the database would: the audit table's
 * append-only triggers out of the way (disabled on PostgreSQL, dropped and re-created on SQLite).
 */
export async function tamper(t: TestApp, sql: string): Promise<void> {
  if (onPostgres) {
    await t.rawSql('ALTER TABLE "AuditEvent" DISABLE TRIGGER USER');
    try {
      await t.rawSql(sql);
    } finally {
      await t.rawSql('ALTER TABLE "AuditEvent" ENABLE TRIGGER USER');
    }
  } else {
    await t.rawSql('DROP TRIGGER "AuditEvent_no_update"');
    await t.rawSql('DROP TRIGGER "AuditEvent_no_delete"');
    try {
      await t.rawSql(sql);
    } finally {
      for (const op of ['UPDATE', 'DELETE']) {
        await t.rawSql(`CREATE TRIGGER "AuditEvent_no_${op.toLowerCase()}" BEFORE ${op} ON "AuditEvent" BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END`);
      }
    }
  }
}
