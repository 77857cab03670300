-- A CPR lookup needs a purpose from a short list; one that finds nobody is logged on the staff side
-- (issue 15, finding 4; decision 033). The number itself is never kept.
-- CreateEnum
CREATE TYPE "CprLookupPurpose" AS ENUM ('CITIZEN_CONTACTED', 'REFERRAL', 'MEETING');

-- CreateTable
CREATE TABLE "CprLookupMiss" (
    "id" BIGSERIAL NOT NULL,
    "staffId" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "serviceAreaIds" UUID[],
    "purpose" "CprLookupPurpose" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CprLookupMiss_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CprLookupMiss_municipalityId_at_idx" ON "CprLookupMiss"("municipalityId", "at");

-- AddForeignKey
ALTER TABLE "CprLookupMiss" ADD CONSTRAINT "CprLookupMiss_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffMember"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
