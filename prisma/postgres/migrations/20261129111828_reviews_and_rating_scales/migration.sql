-- CreateTable
CREATE TABLE "RatingScale" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "definition" JSONB NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RatingScale_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RatingScale_workspaceId_version_key" ON "RatingScale"("workspaceId", "version");

-- CreateIndex
CREATE INDEX "Review_claimId_state_idx" ON "Review"("claimId", "state");

-- AddForeignKey
ALTER TABLE "RatingScale" ADD CONSTRAINT "RatingScale_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
