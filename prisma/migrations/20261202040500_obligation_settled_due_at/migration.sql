-- The due time in force when an obligation was settled, kept when later terms move dueAt.
ALTER TABLE "Obligation" ADD COLUMN "settledDueAt" TIMESTAMP(3);
