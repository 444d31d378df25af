-- Wrong second-factor codes are counted per account across all its sessions, so that proving a
-- stolen password many times does not buy unlimited code guesses.
ALTER TABLE "User" ADD COLUMN "mfaCodeFailures" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "User" ADD COLUMN "mfaCodeFailedAt" TIMESTAMP(3);
