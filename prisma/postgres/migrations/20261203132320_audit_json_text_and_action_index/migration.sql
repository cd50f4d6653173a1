-- AlterTable
ALTER TABLE "AuditEvent" ALTER COLUMN "before" SET DATA TYPE JSON,
ALTER COLUMN "after" SET DATA TYPE JSON;

-- CreateIndex
CREATE INDEX "AuditEvent_workspaceId_action_at_idx" ON "AuditEvent"("workspaceId", "action", "at");
