-- Who did it, as they were named at the time (issue 15): a caseworker's name, the name the citizen knows a
-- relative by, a power's holder. Rows written before this keep no name and are shown with the name as it is
-- now; the logs are not rewritten.
ALTER TABLE "AccessLog" ADD COLUMN "actorName" TEXT,
ADD COLUMN "count" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN "periodStart" TIMESTAMP(3);

ALTER TABLE "ChangeLog" ADD COLUMN "actorName" TEXT;

-- A denial is one row per actor, part, action, reason and hour, counted: repeated refused calls cannot flood a
-- citizen's log (lib/record/gate.ts). Allowed accesses are never coalesced.
CREATE UNIQUE INDEX "AccessLog_denied_once_per_period" ON "AccessLog"("citizenId", "actorUserId", "part", "action", "reason", "periodStart")
  WHERE "outcome" = 'DENIED';

-- The access log stays append-only, with one exception: a denial's count may grow. Nothing else in any row
-- may change, and no row may be deleted or truncated.
CREATE FUNCTION access_log_only_denials_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."outcome" = 'DENIED' AND NEW."count" > OLD."count"
     AND (to_jsonb(NEW) - 'count') = (to_jsonb(OLD) - 'count') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'the table % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;

DROP TRIGGER "AccessLog_append_only" ON "AccessLog";
CREATE TRIGGER "AccessLog_append_only" BEFORE UPDATE OR DELETE ON "AccessLog"
  FOR EACH ROW EXECUTE FUNCTION access_log_only_denials_count();
