-- CreateIndex
CREATE INDEX "AuditEvent_workspaceId_action_at_idx" ON "AuditEvent"("workspaceId", "action", "at");
