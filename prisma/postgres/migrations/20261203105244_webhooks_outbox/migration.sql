-- DropIndex
DROP INDEX "WebhookDelivery_webhookId_createdAt_idx";

-- DropIndex
DROP INDEX "WebhookDelivery_status_nextAttemptAt_idx";

-- AlterTable
ALTER TABLE "Webhook" ADD COLUMN     "description" TEXT,
ADD COLUMN     "previousSecret" TEXT,
ADD COLUMN     "previousSecretExpiresAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "WebhookDelivery" DROP COLUMN "lastError",
DROP COLUMN "payload",
DROP COLUMN "responseStatus",
DROP COLUMN "status",
ADD COLUMN     "auditEventId" TEXT NOT NULL,
ADD COLUMN     "failures" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "leaseToken" TEXT,
ADD COLUMN     "leasedUntil" TIMESTAMP(3),
ADD COLUMN     "state" TEXT NOT NULL DEFAULT 'pending',
ADD COLUMN     "workspaceId" TEXT NOT NULL,
DROP COLUMN "attempts",
ADD COLUMN     "attempts" JSONB NOT NULL,
ALTER COLUMN "updatedAt" SET DEFAULT CURRENT_TIMESTAMP;

-- CreateIndex
CREATE INDEX "WebhookDelivery_webhookId_id_idx" ON "WebhookDelivery"("webhookId", "id");

-- CreateIndex
CREATE INDEX "WebhookDelivery_state_nextAttemptAt_idx" ON "WebhookDelivery"("state", "nextAttemptAt");
