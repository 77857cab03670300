-- MitID sign-in (docs/decisions/021-mitid-through-nemlog-in-or-a-broker.md): requests under way, used once;
-- and a MitID account's keyed CPR hash, so a relative can start a plan of their own later.
-- AlterTable
ALTER TABLE "account" ADD COLUMN     "cprHash" TEXT;
-- CreateTable
CREATE TABLE "MitidRequest" (
    "id" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MitidRequest_pkey" PRIMARY KEY ("id")
);
-- CreateIndex
CREATE INDEX "MitidRequest_createdAt_idx" ON "MitidRequest"("createdAt");

-- One account per identity at a provider: two sign-ins of a new person at the same moment make one account, not two.
CREATE UNIQUE INDEX "account_providerId_accountId_key" ON "account"("providerId", "accountId");
