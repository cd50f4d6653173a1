-- AlterTable
ALTER TABLE "Review" ADD COLUMN     "reopenNote" TEXT,
ADD COLUMN     "reopenedAt" TIMESTAMP(3),
ADD COLUMN     "reopenedById" TEXT;
