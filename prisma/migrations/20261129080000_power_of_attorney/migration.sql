-- CreateEnum
CREATE TYPE "AttorneyRight" AS ENUM ('SEE_PLAN', 'WRITE_PLAN', 'ANSWER_CONSENTS');

-- CreateEnum
CREATE TYPE "AttorneySource" AS ENUM ('CITIZEN', 'PAPER', 'GUARDIANSHIP', 'DIGITAL');

-- AlterEnum
ALTER TYPE "ActorRole" ADD VALUE 'PROXY';

-- CreateTable
CREATE TABLE "PowerOfAttorney" (
    "id" UUID NOT NULL,
    "citizenId" UUID NOT NULL,
    "holderUserId" TEXT,
    "holderCprHash" TEXT,
    "holderName" TEXT NOT NULL,
    "rights" "AttorneyRight"[],
    "source" "AttorneySource" NOT NULL,
    "validFrom" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "validUntil" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "recordedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "PowerOfAttorney_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PowerOfAttorney_citizenId_idx" ON "PowerOfAttorney"("citizenId");

-- CreateIndex
CREATE INDEX "PowerOfAttorney_holderUserId_idx" ON "PowerOfAttorney"("holderUserId");

-- CreateIndex
CREATE INDEX "PowerOfAttorney_holderCprHash_idx" ON "PowerOfAttorney"("holderCprHash");

-- AddForeignKey
ALTER TABLE "PowerOfAttorney" ADD CONSTRAINT "PowerOfAttorney_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PowerOfAttorney" ADD CONSTRAINT "PowerOfAttorney_holderUserId_fkey" FOREIGN KEY ("holderUserId") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PowerOfAttorney" ADD CONSTRAINT "PowerOfAttorney_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "StaffMember"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- AlterTable
ALTER TABLE "Consent" ADD COLUMN     "givenByHolder" TEXT;
