-- Need to know (issue 15, decision 029): a reason a caseworker who is not assigned to a citizen stated for
-- looking at their plan, in force for the rest of the day.
-- CreateEnum
CREATE TYPE "LookReason" AS ENUM ('CITIZEN_ASKED', 'COVERING', 'URGENT');

-- CreateTable
CREATE TABLE "StatedReason" (
    "id" UUID NOT NULL,
    "citizenId" UUID NOT NULL,
    "staffId" UUID NOT NULL,
    "serviceAreaId" UUID NOT NULL,
    "reason" "LookReason" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "until" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StatedReason_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StatedReason_citizenId_staffId_idx" ON "StatedReason"("citizenId", "staffId");

-- AddForeignKey
ALTER TABLE "StatedReason" ADD CONSTRAINT "StatedReason_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatedReason" ADD CONSTRAINT "StatedReason_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffMember"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatedReason" ADD CONSTRAINT "StatedReason_serviceAreaId_fkey" FOREIGN KEY ("serviceAreaId") REFERENCES "ServiceArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

