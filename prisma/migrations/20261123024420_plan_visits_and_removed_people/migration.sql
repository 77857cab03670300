-- AlterTable
ALTER TABLE "Citizen" ADD COLUMN     "lastVisitAt" TIMESTAMP(3),
ADD COLUMN     "previousVisitAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "NetworkMember" ADD COLUMN     "removedAt" TIMESTAMP(3);
