-- AlterEnum
ALTER TYPE "RecordPart" ADD VALUE 'MESSAGES';

-- AlterTable
ALTER TABLE "ContactRequest" ADD COLUMN     "closedByStaffId" UUID;

-- AlterTable
ALTER TABLE "Municipality" ADD COLUMN     "contactDueWorkingDays" INTEGER NOT NULL DEFAULT 2;

-- CreateTable
CREATE TABLE "Message" (
    "id" UUID NOT NULL,
    "citizenId" UUID NOT NULL,
    "serviceAreaId" UUID NOT NULL,
    "staffId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Message_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Message_citizenId_createdAt_idx" ON "Message"("citizenId", "createdAt");

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_serviceAreaId_fkey" FOREIGN KEY ("serviceAreaId") REFERENCES "ServiceArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffMember"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- One handover on offer per citizen at a time, and one open contact request:
-- the rules hold even when two requests race.
CREATE UNIQUE INDEX "Handover_one_offered_per_citizen" ON "Handover"("citizenId") WHERE status = 'OFFERED';
CREATE UNIQUE INDEX "ContactRequest_one_open_per_citizen" ON "ContactRequest"("citizenId") WHERE "closedAt" IS NULL;

-- A deadline is at least one working day, and not so far off that "contact me" means nothing.
ALTER TABLE "Municipality" ADD CONSTRAINT "Municipality_contactDueWorkingDays_range" CHECK ("contactDueWorkingDays" BETWEEN 1 AND 30);
