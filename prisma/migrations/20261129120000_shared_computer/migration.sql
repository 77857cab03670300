-- A session made on a computer others use too (the "shared computer" choice at sign-in)
ALTER TABLE "session" ADD COLUMN "sharedDevice" BOOLEAN NOT NULL DEFAULT false;
