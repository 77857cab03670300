-- One name per idea. The part of the record that says who holds the red thread is RED_THREAD
-- (it was COORDINATION). Renaming the enum value keeps every row that uses it: consents,
-- access-log and change-log rows are not rewritten (the logs stay append-only).
ALTER TYPE "RecordPart" RENAME VALUE 'COORDINATION' TO 'RED_THREAD';

-- Likewise the citizen's list of who has seen the plan is the access log everywhere: ACCESS_LOG (it was LOG).
ALTER TYPE "RecordPart" RENAME VALUE 'LOG' TO 'ACCESS_LOG';
