-- Retention of closed incidents: each client's contract says how many years a closed incident is
-- kept; a legal hold (on the incident or on its client) keeps it past that; erasure leaves a
-- tombstone row (reference, type, severity, dates) and the untouched audit trail.
ALTER TABLE "Client" ADD COLUMN "retentionYears" INTEGER NOT NULL DEFAULT 6;
ALTER TABLE "Client" ADD COLUMN "legalHoldAt" TIMESTAMP(3);
ALTER TABLE "Client" ADD COLUMN "legalHoldById" UUID;
ALTER TABLE "Client" ADD COLUMN "legalHoldReason" VARCHAR(1000);
ALTER TABLE "Client" ADD CONSTRAINT "Client_retentionYears_range" CHECK ("retentionYears" BETWEEN 1 AND 50);
-- a hold is all three fields or none: a hold without a reason or a setter cannot exist
ALTER TABLE "Client" ADD CONSTRAINT "Client_legalHold_complete"
  CHECK (("legalHoldAt" IS NULL) = ("legalHoldById" IS NULL) AND ("legalHoldAt" IS NULL) = ("legalHoldReason" IS NULL));

ALTER TABLE "Incident" ADD COLUMN "legalHoldAt" TIMESTAMP(3);
ALTER TABLE "Incident" ADD COLUMN "legalHoldById" UUID;
ALTER TABLE "Incident" ADD COLUMN "legalHoldReason" VARCHAR(1000);
ALTER TABLE "Incident" ADD COLUMN "erasedAt" TIMESTAMP(3);
ALTER TABLE "Incident" ADD COLUMN "erasurePolicy" VARCHAR(300);
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_legalHold_complete"
  CHECK (("legalHoldAt" IS NULL) = ("legalHoldById" IS NULL) AND ("legalHoldAt" IS NULL) = ("legalHoldReason" IS NULL));
-- only a closed incident is erased, and it says under which policy
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_erased_closed"
  CHECK ("erasedAt" IS NULL OR ("phase" = 'CLOSED' AND "erasurePolicy" IS NOT NULL));

-- The daily scan reads closed, not yet erased incidents by closing time across organizations.
CREATE INDEX "Incident_phase_closedAt_idx" ON "Incident"("phase", "closedAt");
