-- CreateEnum
CREATE TYPE "ContactAbout" AS ENUM ('CITIZEN', 'ASKER');

-- AlterEnum
ALTER TYPE "RelativePermission" ADD VALUE 'CONTACT_COORDINATOR';

-- AlterTable
ALTER TABLE "ContactRequest" ADD COLUMN     "about" "ContactAbout" NOT NULL DEFAULT 'CITIZEN',
ADD COLUMN     "answer" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "askedByUserId" TEXT;

-- AlterTable
ALTER TABLE "Coordination" ADD COLUMN     "serviceAreaId" UUID;

-- AlterTable
ALTER TABLE "StaffMember" ADD COLUMN     "hours" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "phone" TEXT NOT NULL DEFAULT '';

-- AddForeignKey
ALTER TABLE "Coordination" ADD CONSTRAINT "Coordination_serviceAreaId_fkey" FOREIGN KEY ("serviceAreaId") REFERENCES "ServiceArea"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactRequest" ADD CONSTRAINT "ContactRequest_askedByUserId_fkey" FOREIGN KEY ("askedByUserId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- AlterTable
ALTER TABLE "Consent" ADD COLUMN     "withdrawnById" UUID,
ADD COLUMN     "withdrawnHow" "ConsentGivenHow";

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_withdrawnById_fkey" FOREIGN KEY ("withdrawnById") REFERENCES "StaffMember"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- One open "contact me" per citizen and asker: the citizen's own, and each relative's.
DROP INDEX "ContactRequest_one_open_per_citizen";
CREATE UNIQUE INDEX "ContactRequest_one_open_per_citizen" ON "ContactRequest"("citizenId") WHERE "closedAt" IS NULL AND "askedByUserId" IS NULL;
CREATE UNIQUE INDEX "ContactRequest_one_open_per_relative" ON "ContactRequest"("citizenId", "askedByUserId") WHERE "closedAt" IS NULL AND "askedByUserId" IS NOT NULL;
CREATE INDEX "ContactRequest_askedByUserId_idx" ON "ContactRequest"("askedByUserId");

-- Coordination."serviceAreaId" stays empty for holdings from before: the app takes the first of the holder's
-- areas whose consents in force let them do the work (lib/red-thread/holder.ts), as it decides every time.
