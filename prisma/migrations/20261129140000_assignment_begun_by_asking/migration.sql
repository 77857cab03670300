-- An assignment that asking for consent began is ended by the citizen's no (issue 15, need to know).
ALTER TABLE "Assignment" ADD COLUMN "beganByRequestId" UUID;
