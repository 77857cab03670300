-- CreateEnum
CREATE TYPE "RelativePermission" AS ENUM ('SEE_STORY', 'SEE_GOALS_AND_AGREEMENTS', 'ADD_AGREEMENTS', 'ADD_NETWORK', 'SEE_CONTACT');

-- CreateEnum
CREATE TYPE "HandoverStatus" AS ENUM ('OFFERED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ActorRole" AS ENUM ('CITIZEN', 'RELATIVE', 'STAFF', 'ANONYMOUS');

-- CreateEnum
CREATE TYPE "AccessAction" AS ENUM ('READ', 'WRITE');

-- CreateEnum
CREATE TYPE "AccessOutcome" AS ENUM ('ALLOWED', 'DENIED');

-- CreateEnum
CREATE TYPE "RecordPart" AS ENUM ('PROFILE', 'STORY', 'CONTACT', 'GOALS', 'AGREEMENTS', 'NETWORK', 'HELP', 'RELATIVES', 'CONSENTS', 'COORDINATION', 'CONTACT_REQUESTS', 'LOG');

-- CreateEnum
CREATE TYPE "ContactChannel" AS ENUM ('PHONE', 'SMS', 'EMAIL', 'LETTER', 'VISIT');

-- CreateEnum
CREATE TYPE "VisitPreference" AS ENUM ('NO_PREFERENCE', 'RING_DOORBELL', 'CALL_BEFORE');

-- CreateEnum
CREATE TYPE "InterpreterNeed" AS ENUM ('NONE', 'SPOKEN_LANGUAGE', 'SIGN_LANGUAGE');

-- CreateEnum
CREATE TYPE "StorySectionKind" AS ENUM ('ABOUT_ME', 'WHAT_MATTERS', 'GOOD_DAY', 'WHAT_IS_HARD', 'HOW_TO_SUPPORT', 'LIFE_SO_FAR');

-- CreateEnum
CREATE TYPE "AuthorRole" AS ENUM ('CITIZEN', 'RELATIVE', 'STAFF');

-- CreateEnum
CREATE TYPE "GoalStatus" AS ENUM ('ACTIVE', 'REACHED', 'LET_GO');

-- CreateEnum
CREATE TYPE "ProposalStatus" AS ENUM ('ACCEPTED', 'PROPOSED', 'DECLINED');

-- CreateEnum
CREATE TYPE "AgreementStatus" AS ENUM ('OPEN', 'DONE', 'NOT_DONE');

-- CreateEnum
CREATE TYPE "ResponsibleKind" AS ENUM ('CITIZEN', 'NETWORK_MEMBER', 'SERVICE_AREA');

-- CreateEnum
CREATE TYPE "NetworkKind" AS ENUM ('PERSON', 'COMMUNITY');

-- CreateEnum
CREATE TYPE "Closeness" AS ENUM ('CLOSEST', 'CLOSE', 'FURTHER');

-- CreateTable
CREATE TABLE "Relationship" (
    "id" UUID NOT NULL,
    "citizenId" UUID NOT NULL,
    "userId" TEXT NOT NULL,
    "networkMemberId" UUID,
    "permissions" "RelativePermission"[],
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "validUntil" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Relationship_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" UUID NOT NULL,
    "citizenId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "networkMemberId" UUID,
    "permissions" "RelativePermission"[],
    "accessUntil" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "usedAt" TIMESTAMP(3),
    "usedByUserId" TEXT,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Consent" (
    "id" UUID NOT NULL,
    "citizenId" UUID NOT NULL,
    "serviceAreaId" UUID NOT NULL,
    "parts" "RecordPart"[],
    "reason" TEXT NOT NULL DEFAULT '',
    "validFrom" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "validUntil" TIMESTAMP(3),
    "withdrawnAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Consent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffMember" (
    "id" UUID NOT NULL,
    "userId" TEXT NOT NULL,
    "municipalityId" UUID NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "StaffMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffArea" (
    "staffId" UUID NOT NULL,
    "serviceAreaId" UUID NOT NULL,
    "isLead" BOOLEAN NOT NULL DEFAULT false,
    "since" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StaffArea_pkey" PRIMARY KEY ("staffId","serviceAreaId")
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" UUID NOT NULL,
    "citizenId" UUID NOT NULL,
    "staffId" UUID NOT NULL,
    "serviceAreaId" UUID NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Coordination" (
    "citizenId" UUID NOT NULL,
    "staffId" UUID NOT NULL,
    "since" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Coordination_pkey" PRIMARY KEY ("citizenId")
);

-- CreateTable
CREATE TABLE "Handover" (
    "id" UUID NOT NULL,
    "citizenId" UUID NOT NULL,
    "fromStaffId" UUID NOT NULL,
    "toStaffId" UUID NOT NULL,
    "status" "HandoverStatus" NOT NULL DEFAULT 'OFFERED',
    "note" TEXT NOT NULL DEFAULT '',
    "offeredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "respondedAt" TIMESTAMP(3),
    "planReadAt" TIMESTAMP(3),

    CONSTRAINT "Handover_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactRequest" (
    "id" UUID NOT NULL,
    "citizenId" UUID NOT NULL,
    "text" TEXT NOT NULL DEFAULT '',
    "channel" "ContactChannel",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "ContactRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccessLog" (
    "id" BIGSERIAL NOT NULL,
    "citizenId" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorUserId" TEXT,
    "actorRole" "ActorRole" NOT NULL,
    "serviceAreaId" UUID,
    "part" "RecordPart" NOT NULL,
    "action" "AccessAction" NOT NULL,
    "purpose" TEXT NOT NULL,
    "outcome" "AccessOutcome" NOT NULL,
    "reason" TEXT,

    CONSTRAINT "AccessLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChangeLog" (
    "id" BIGSERIAL NOT NULL,
    "citizenId" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorUserId" TEXT,
    "actorRole" "ActorRole" NOT NULL,
    "serviceAreaId" UUID,
    "part" "RecordPart" NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "ChangeLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "token" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "userId" TEXT NOT NULL,

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "accessToken" TEXT,
    "refreshToken" TEXT,
    "idToken" TEXT,
    "accessTokenExpiresAt" TIMESTAMP(3),
    "refreshTokenExpiresAt" TIMESTAMP(3),
    "scope" TEXT,
    "password" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verification" (
    "id" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "verification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "passkey" (
    "id" TEXT NOT NULL,
    "name" TEXT,
    "publicKey" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "credentialID" TEXT NOT NULL,
    "counter" INTEGER NOT NULL,
    "deviceType" TEXT NOT NULL,
    "backedUp" BOOLEAN NOT NULL,
    "transports" TEXT,
    "createdAt" TIMESTAMP(3),
    "aaguid" TEXT,

    CONSTRAINT "passkey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rateLimit" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "lastRequest" BIGINT NOT NULL,

    CONSTRAINT "rateLimit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxEmail" (
    "id" UUID NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxEmail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Citizen" (
    "id" UUID NOT NULL,
    "municipalityId" UUID NOT NULL,
    "userId" TEXT,
    "name" TEXT NOT NULL,
    "cprHash" TEXT,
    "preferredLocale" TEXT NOT NULL DEFAULT 'da',
    "plainLanguage" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Citizen_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactPreferences" (
    "citizenId" UUID NOT NULL,
    "channel" "ContactChannel" NOT NULL DEFAULT 'PHONE',
    "times" TEXT NOT NULL DEFAULT '',
    "visit" "VisitPreference" NOT NULL DEFAULT 'NO_PREFERENCE',
    "language" TEXT NOT NULL DEFAULT 'da',
    "interpreter" "InterpreterNeed" NOT NULL DEFAULT 'NONE',
    "someonePresent" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContactPreferences_pkey" PRIMARY KEY ("citizenId")
);

-- CreateTable
CREATE TABLE "StorySection" (
    "id" UUID NOT NULL,
    "citizenId" UUID NOT NULL,
    "kind" "StorySectionKind" NOT NULL,
    "text" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedByUserId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StorySection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Goal" (
    "id" UUID NOT NULL,
    "citizenId" UUID NOT NULL,
    "wish" TEXT NOT NULL DEFAULT '',
    "title" TEXT NOT NULL,
    "whyItMatters" TEXT NOT NULL DEFAULT '',
    "reachedWhen" TEXT NOT NULL DEFAULT '',
    "status" "GoalStatus" NOT NULL DEFAULT 'ACTIVE',
    "closingNote" TEXT NOT NULL DEFAULT '',
    "reviewOn" DATE,
    "closedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Goal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GoalStep" (
    "id" UUID NOT NULL,
    "citizenId" UUID NOT NULL,
    "goalId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "done" BOOLEAN NOT NULL DEFAULT false,
    "proposal" "ProposalStatus" NOT NULL DEFAULT 'ACCEPTED',
    "proposedByArea" UUID,
    "position" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GoalStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GoalSupporter" (
    "id" UUID NOT NULL,
    "citizenId" UUID NOT NULL,
    "goalId" UUID NOT NULL,
    "networkMemberId" UUID,
    "serviceAreaId" UUID,

    CONSTRAINT "GoalSupporter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agreement" (
    "id" UUID NOT NULL,
    "citizenId" UUID NOT NULL,
    "what" TEXT NOT NULL,
    "responsible" "ResponsibleKind" NOT NULL,
    "networkMemberId" UUID,
    "serviceAreaId" UUID,
    "dueOn" DATE,
    "status" "AgreementStatus" NOT NULL DEFAULT 'OPEN',
    "authorRole" "AuthorRole" NOT NULL,
    "authorUserId" TEXT,
    "authorAreaId" UUID,
    "contactRequestId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Agreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NetworkMember" (
    "id" UUID NOT NULL,
    "citizenId" UUID NOT NULL,
    "kind" "NetworkKind" NOT NULL DEFAULT 'PERSON',
    "name" TEXT NOT NULL,
    "relation" TEXT NOT NULL DEFAULT '',
    "closeness" "Closeness" NOT NULL DEFAULT 'CLOSE',
    "helpsWith" TEXT NOT NULL DEFAULT '',
    "contact" TEXT NOT NULL DEFAULT '',
    "authorRole" "AuthorRole" NOT NULL DEFAULT 'CITIZEN',
    "authorUserId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NetworkMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AreaHelp" (
    "id" UUID NOT NULL,
    "citizenId" UUID NOT NULL,
    "serviceAreaId" UUID NOT NULL,
    "staffId" UUID NOT NULL,
    "what" TEXT NOT NULL,
    "howOften" TEXT NOT NULL DEFAULT '',
    "until" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AreaHelp_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Relationship_userId_idx" ON "Relationship"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Relationship_citizenId_userId_key" ON "Relationship"("citizenId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Relationship_citizenId_networkMemberId_key" ON "Relationship"("citizenId", "networkMemberId");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_citizenId_idx" ON "Invitation"("citizenId");

-- CreateIndex
CREATE INDEX "Consent_citizenId_serviceAreaId_idx" ON "Consent"("citizenId", "serviceAreaId");

-- CreateIndex
CREATE INDEX "Consent_serviceAreaId_idx" ON "Consent"("serviceAreaId");

-- CreateIndex
CREATE UNIQUE INDEX "StaffMember_userId_key" ON "StaffMember"("userId");

-- CreateIndex
CREATE INDEX "StaffMember_municipalityId_idx" ON "StaffMember"("municipalityId");

-- CreateIndex
CREATE INDEX "StaffArea_serviceAreaId_idx" ON "StaffArea"("serviceAreaId");

-- CreateIndex
CREATE INDEX "Assignment_citizenId_idx" ON "Assignment"("citizenId");

-- CreateIndex
CREATE INDEX "Assignment_staffId_idx" ON "Assignment"("staffId");

-- CreateIndex
CREATE INDEX "Handover_citizenId_status_idx" ON "Handover"("citizenId", "status");

-- CreateIndex
CREATE INDEX "Handover_toStaffId_status_idx" ON "Handover"("toStaffId", "status");

-- CreateIndex
CREATE INDEX "ContactRequest_citizenId_closedAt_idx" ON "ContactRequest"("citizenId", "closedAt");

-- CreateIndex
CREATE INDEX "AccessLog_citizenId_at_idx" ON "AccessLog"("citizenId", "at");

-- CreateIndex
CREATE INDEX "ChangeLog_citizenId_at_idx" ON "ChangeLog"("citizenId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "user_email_key" ON "user"("email");

-- CreateIndex
CREATE UNIQUE INDEX "session_token_key" ON "session"("token");

-- CreateIndex
CREATE INDEX "session_userId_idx" ON "session"("userId");

-- CreateIndex
CREATE INDEX "account_userId_idx" ON "account"("userId");

-- CreateIndex
CREATE INDEX "verification_identifier_idx" ON "verification"("identifier");

-- CreateIndex
CREATE INDEX "passkey_userId_idx" ON "passkey"("userId");

-- CreateIndex
CREATE INDEX "passkey_credentialID_idx" ON "passkey"("credentialID");

-- CreateIndex
CREATE UNIQUE INDEX "rateLimit_key_key" ON "rateLimit"("key");

-- CreateIndex
CREATE INDEX "OutboxEmail_to_createdAt_idx" ON "OutboxEmail"("to", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Citizen_userId_key" ON "Citizen"("userId");

-- CreateIndex
CREATE INDEX "Citizen_municipalityId_idx" ON "Citizen"("municipalityId");

-- CreateIndex
CREATE UNIQUE INDEX "Citizen_municipalityId_cprHash_key" ON "Citizen"("municipalityId", "cprHash");

-- CreateIndex
CREATE UNIQUE INDEX "StorySection_citizenId_kind_key" ON "StorySection"("citizenId", "kind");

-- CreateIndex
CREATE INDEX "Goal_citizenId_status_idx" ON "Goal"("citizenId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Goal_citizenId_id_key" ON "Goal"("citizenId", "id");

-- CreateIndex
CREATE INDEX "GoalStep_citizenId_goalId_idx" ON "GoalStep"("citizenId", "goalId");

-- CreateIndex
CREATE INDEX "GoalSupporter_citizenId_goalId_idx" ON "GoalSupporter"("citizenId", "goalId");

-- CreateIndex
CREATE UNIQUE INDEX "Agreement_contactRequestId_key" ON "Agreement"("contactRequestId");

-- CreateIndex
CREATE INDEX "Agreement_citizenId_status_dueOn_idx" ON "Agreement"("citizenId", "status", "dueOn");

-- CreateIndex
CREATE INDEX "NetworkMember_citizenId_idx" ON "NetworkMember"("citizenId");

-- CreateIndex
CREATE UNIQUE INDEX "NetworkMember_citizenId_id_key" ON "NetworkMember"("citizenId", "id");

-- CreateIndex
CREATE INDEX "AreaHelp_citizenId_idx" ON "AreaHelp"("citizenId");

-- AddForeignKey
ALTER TABLE "Relationship" ADD CONSTRAINT "Relationship_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Relationship" ADD CONSTRAINT "Relationship_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Relationship" ADD CONSTRAINT "Relationship_citizenId_networkMemberId_fkey" FOREIGN KEY ("citizenId", "networkMemberId") REFERENCES "NetworkMember"("citizenId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_citizenId_networkMemberId_fkey" FOREIGN KEY ("citizenId", "networkMemberId") REFERENCES "NetworkMember"("citizenId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_serviceAreaId_fkey" FOREIGN KEY ("serviceAreaId") REFERENCES "ServiceArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffMember" ADD CONSTRAINT "StaffMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffMember" ADD CONSTRAINT "StaffMember_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffArea" ADD CONSTRAINT "StaffArea_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffMember"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffArea" ADD CONSTRAINT "StaffArea_serviceAreaId_fkey" FOREIGN KEY ("serviceAreaId") REFERENCES "ServiceArea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffMember"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_serviceAreaId_fkey" FOREIGN KEY ("serviceAreaId") REFERENCES "ServiceArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Coordination" ADD CONSTRAINT "Coordination_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Coordination" ADD CONSTRAINT "Coordination_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffMember"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Handover" ADD CONSTRAINT "Handover_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Handover" ADD CONSTRAINT "Handover_fromStaffId_fkey" FOREIGN KEY ("fromStaffId") REFERENCES "StaffMember"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Handover" ADD CONSTRAINT "Handover_toStaffId_fkey" FOREIGN KEY ("toStaffId") REFERENCES "StaffMember"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactRequest" ADD CONSTRAINT "ContactRequest_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessLog" ADD CONSTRAINT "AccessLog_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeLog" ADD CONSTRAINT "ChangeLog_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account" ADD CONSTRAINT "account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "passkey" ADD CONSTRAINT "passkey_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citizen" ADD CONSTRAINT "Citizen_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citizen" ADD CONSTRAINT "Citizen_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactPreferences" ADD CONSTRAINT "ContactPreferences_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StorySection" ADD CONSTRAINT "StorySection_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GoalStep" ADD CONSTRAINT "GoalStep_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GoalStep" ADD CONSTRAINT "GoalStep_citizenId_goalId_fkey" FOREIGN KEY ("citizenId", "goalId") REFERENCES "Goal"("citizenId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GoalSupporter" ADD CONSTRAINT "GoalSupporter_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GoalSupporter" ADD CONSTRAINT "GoalSupporter_citizenId_goalId_fkey" FOREIGN KEY ("citizenId", "goalId") REFERENCES "Goal"("citizenId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GoalSupporter" ADD CONSTRAINT "GoalSupporter_citizenId_networkMemberId_fkey" FOREIGN KEY ("citizenId", "networkMemberId") REFERENCES "NetworkMember"("citizenId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GoalSupporter" ADD CONSTRAINT "GoalSupporter_serviceAreaId_fkey" FOREIGN KEY ("serviceAreaId") REFERENCES "ServiceArea"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_citizenId_networkMemberId_fkey" FOREIGN KEY ("citizenId", "networkMemberId") REFERENCES "NetworkMember"("citizenId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_serviceAreaId_fkey" FOREIGN KEY ("serviceAreaId") REFERENCES "ServiceArea"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkMember" ADD CONSTRAINT "NetworkMember_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AreaHelp" ADD CONSTRAINT "AreaHelp_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "Citizen"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AreaHelp" ADD CONSTRAINT "AreaHelp_serviceAreaId_fkey" FOREIGN KEY ("serviceAreaId") REFERENCES "ServiceArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AreaHelp" ADD CONSTRAINT "AreaHelp_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffMember"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The logs are append-only for everyone who uses the app's connection: a
-- trigger refuses UPDATE, DELETE and TRUNCATE (docs/decisions/008).
CREATE FUNCTION refuse_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the table % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "AccessLog_append_only" BEFORE UPDATE OR DELETE ON "AccessLog"
  FOR EACH ROW EXECUTE FUNCTION refuse_log_change();
CREATE TRIGGER "AccessLog_no_truncate" BEFORE TRUNCATE ON "AccessLog"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_log_change();
CREATE TRIGGER "ChangeLog_append_only" BEFORE UPDATE OR DELETE ON "ChangeLog"
  FOR EACH ROW EXECUTE FUNCTION refuse_log_change();
CREATE TRIGGER "ChangeLog_no_truncate" BEFORE TRUNCATE ON "ChangeLog"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_log_change();
