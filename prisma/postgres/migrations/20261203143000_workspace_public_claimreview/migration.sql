-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "claimReviewUrlTemplate" TEXT,
ADD COLUMN     "homepageUrl" TEXT,
ADD COLUMN     "slug" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Workspace_slug_key" ON "Workspace"("slug");

-- CreateIndex
CREATE INDEX "Review_workspaceId_state_decidedAt_id_idx" ON "Review"("workspaceId", "state", "decidedAt", "id");
