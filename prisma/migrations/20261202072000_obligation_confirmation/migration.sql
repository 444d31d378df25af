-- Settling an obligation without a notice (not required, waived, a filing made elsewhere) is
-- proposed by one person and confirmed by a second who may approve notices.
ALTER TABLE "Obligation"
  ADD COLUMN "proposedStatus" "ObligationStatus",
  ADD COLUMN "proposalReason" VARCHAR(2000),
  ADD COLUMN "proposedFiling" JSONB,
  ADD COLUMN "proposedById" UUID,
  ADD COLUMN "proposedAt" TIMESTAMP(3),
  ADD COLUMN "confirmedById" UUID,
  ADD COLUMN "confirmedAt" TIMESTAMP(3);

ALTER TABLE "Obligation" ADD CONSTRAINT "Obligation_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Obligation" ADD CONSTRAINT "Obligation_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The dashboard's queue of decisions waiting for a second person.
CREATE INDEX "Obligation_proposedAt_idx" ON "Obligation"("proposedAt") WHERE "proposedAt" IS NOT NULL;

ALTER TABLE "ExternalFiling"
  ADD COLUMN "confirmedById" UUID,
  ADD COLUMN "confirmedAt" TIMESTAMP(3);
ALTER TABLE "ExternalFiling" ADD CONSTRAINT "ExternalFiling_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
