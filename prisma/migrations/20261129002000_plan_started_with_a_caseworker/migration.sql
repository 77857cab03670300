-- A caseworker can start a plan with a citizen (a visit, a call), recording the consent given in the conversation
-- or on paper, and by whom; the citizen later sees it and keeps or changes it.
-- CreateEnum
CREATE TYPE "ConsentGivenHow" AS ENUM ('APP', 'CONVERSATION', 'PAPER');
-- AlterTable
ALTER TABLE "Citizen" ADD COLUMN     "startSeenAt" TIMESTAMP(3),
ADD COLUMN     "startedById" UUID;
-- AlterTable
ALTER TABLE "Consent" ADD COLUMN     "givenHow" "ConsentGivenHow" NOT NULL DEFAULT 'APP',
ADD COLUMN     "recordedById" UUID;
-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "StaffMember"("id") ON DELETE SET NULL ON UPDATE CASCADE;
-- AddForeignKey
ALTER TABLE "Citizen" ADD CONSTRAINT "Citizen_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "StaffMember"("id") ON DELETE SET NULL ON UPDATE CASCADE;
