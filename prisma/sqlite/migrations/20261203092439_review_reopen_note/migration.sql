-- AlterTable
ALTER TABLE "Review" ADD COLUMN "reopenNote" TEXT;
ALTER TABLE "Review" ADD COLUMN "reopenedAt" DATETIME;
ALTER TABLE "Review" ADD COLUMN "reopenedById" TEXT;
