-- CreateEnum
CREATE TYPE "WrittenWithTarget" AS ENUM ('STORY', 'GOAL', 'CONTACT');

-- CreateEnum
CREATE TYPE "WrittenWithStatus" AS ENUM ('WAITING', 'CONFIRMED', 'DECLINED', 'UNDONE');

-- AlterEnum
ALTER TYPE "AccessAction" ADD VALUE 'PROPOSE';

-- AlterTable
ALTER TABLE "ContactPreferences" ADD COLUMN     "writtenWithAt" TIMESTAMP(3),
ADD COLUMN     "writtenWithId" UUID;

-- AlterTable
ALTER TABLE "Goal" ADD COLUMN     "writtenWithAt" TIMESTAMP(3),
ADD COLUMN     "writtenWithId" UUID;

-- AlterTable
ALTER TABLE "StorySection" ADD COLUMN     "writtenWithAt" TIMESTAMP(3),
ADD COLUMN     "writtenWithId" UUID;

-- CreateTable
CREATE TABLE "WrittenWith" (
    "id" UUID NOT NULL,
    "citizenId" UUID NOT NULL,
    "target" "WrittenWithTarget" NOT NULL,
    "storyKind" "StorySectionKind",
    "content" JSONB NOT NULL,
    "baseVersion" INTEGER NOT NULL DEFAULT 0,
    "writtenById" UUID NOT NULL,
    "serviceAreaId" UUID NOT NULL,
    "writtenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "WrittenWithStatus" NOT NULL DEFAULT 'WAITING',
    "confirmedHow" "ConsentGivenHow",
    "confirmedById" UUID,
    "decidedAt" TIMESTAMP(3),
    "previous" JSONB,
    "appliedVersion" INTEGER,
    "goalId" UUID,
    "seenAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "WrittenWith_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WrittenWith_citizenId_status_idx" ON "WrittenWith"("citizenId", "status");

-- AddForeignKey
ALTER TABLE "WrittenWith" ADD CONSTRAINT "WrittenWith_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WrittenWith" ADD CONSTRAINT "WrittenWith_writtenById_fkey" FOREIGN KEY ("writtenById") REFERENCES "StaffMember"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WrittenWith" ADD CONSTRAINT "WrittenWith_serviceAreaId_fkey" FOREIGN KEY ("serviceAreaId") REFERENCES "ServiceArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WrittenWith" ADD CONSTRAINT "WrittenWith_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "StaffMember"("id") ON DELETE SET NULL ON UPDATE CASCADE;

