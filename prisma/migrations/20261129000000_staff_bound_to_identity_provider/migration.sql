-- Staff powers come only from the staff sign-in, bound to the identity provider's (issuer, subject),
-- never to an email address (docs/decisions/020-staff-powers-from-the-staff-sign-in.md).

-- Staff members from before were found by their email. They get no subject a provider could present
-- ("unbound:<id>"), so they hold no staff powers until an operator binds them (docs/operations.md).
ALTER TABLE "StaffMember" ADD COLUMN "issuer" TEXT,
ADD COLUMN "subject" TEXT,
ALTER COLUMN "userId" DROP NOT NULL;
UPDATE "StaffMember" SET "issuer" = 'unbound', "subject" = 'unbound:' || "id"::text;
ALTER TABLE "StaffMember" ALTER COLUMN "issuer" SET NOT NULL, ALTER COLUMN "subject" SET NOT NULL;

-- The staff powers a session carries; only the staff sign-in sets it.
ALTER TABLE "session" ADD COLUMN "staffId" UUID;

CREATE UNIQUE INDEX "StaffMember_issuer_subject_key" ON "StaffMember"("issuer", "subject");

ALTER TABLE "session" ADD CONSTRAINT "session_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffMember"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Sessions made before this carry no staff powers: end them, so a caseworker signs in through the provider.
DELETE FROM "session";
