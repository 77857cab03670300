-- No IP address or user agent kept (issue 15): sessions made before this lose them, and the sign-in library's
-- own rate-limit rows (keyed by the client's address) go; its limits are now counted in "AttemptWindow" under
-- a keyed hash. Old attempt windows are swept by their start, so that sweep needs an index.
UPDATE "session" SET "ipAddress" = NULL, "userAgent" = NULL WHERE "ipAddress" IS NOT NULL OR "userAgent" IS NOT NULL;
DELETE FROM "rateLimit";

CREATE INDEX "AttemptWindow_windowStart_idx" ON "AttemptWindow"("windowStart");
