-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN "claimReviewUrlTemplate" TEXT;
ALTER TABLE "Workspace" ADD COLUMN "homepageUrl" TEXT;
ALTER TABLE "Workspace" ADD COLUMN "slug" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Workspace_slug_key" ON "Workspace"("slug");

-- CreateIndex
CREATE INDEX "Review_workspaceId_state_decidedAt_id_idx" ON "Review"("workspaceId", "state", "decidedAt", "id");
