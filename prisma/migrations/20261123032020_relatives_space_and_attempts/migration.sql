-- CreateEnum
CREATE TYPE "HelpWish" AS ENUM ('WANT_TO_HELP', 'SOME_HELP', 'NOT_NOW');

-- CreateEnum
CREATE TYPE "Feeling" AS ENUM ('GOOD', 'OK', 'HARD');

-- CreateTable
CREATE TABLE "RelativeSpace" (
    "relationshipId" UUID NOT NULL,
    "citizenId" UUID NOT NULL,
    "helpWish" "HelpWish",
    "canDo" TEXT NOT NULL DEFAULT '',
    "needsRespite" BOOLEAN NOT NULL DEFAULT false,
    "wantsPeers" BOOLEAN NOT NULL DEFAULT false,
    "wantsCoordinator" BOOLEAN NOT NULL DEFAULT false,
    "sharedWithCitizen" BOOLEAN NOT NULL DEFAULT false,
    "sharedWithStaff" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RelativeSpace_pkey" PRIMARY KEY ("relationshipId")
);

-- CreateTable
CREATE TABLE "RelativeCheckIn" (
    "id" UUID NOT NULL,
    "relationshipId" UUID NOT NULL,
    "feeling" "Feeling" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RelativeCheckIn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttemptWindow" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "AttemptWindow_pkey" PRIMARY KEY ("key","windowStart")
);

-- CreateIndex
CREATE INDEX "RelativeSpace_citizenId_idx" ON "RelativeSpace"("citizenId");

-- CreateIndex
CREATE INDEX "RelativeCheckIn_relationshipId_createdAt_idx" ON "RelativeCheckIn"("relationshipId", "createdAt");

-- AddForeignKey
ALTER TABLE "RelativeSpace" ADD CONSTRAINT "RelativeSpace_relationshipId_fkey" FOREIGN KEY ("relationshipId") REFERENCES "Relationship"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RelativeCheckIn" ADD CONSTRAINT "RelativeCheckIn_relationshipId_fkey" FOREIGN KEY ("relationshipId") REFERENCES "Relationship"("id") ON DELETE CASCADE ON UPDATE CASCADE;
