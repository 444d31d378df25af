-- Rules as data that change over time (issue 15): what version of each rule an obligation was
-- computed with, what rule set each incident was last computed with (a change of rules
-- recomputes open incidents only), and the organization's working target for laws that fix no time.
ALTER TABLE "Organization" ADD COLUMN "workingTargetHours" INTEGER NOT NULL DEFAULT 72;
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_workingTargetHours_check" CHECK ("workingTargetHours" BETWEEN 1 AND 8760);

ALTER TABLE "Obligation" ADD COLUMN "ruleVersion" VARCHAR(80);

CREATE TABLE "IncidentRuleset" (
    "incidentId" UUID NOT NULL,
    "fingerprint" VARCHAR(64) NOT NULL,
    "rules" JSONB NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IncidentRuleset_pkey" PRIMARY KEY ("incidentId")
);

CREATE INDEX "IncidentRuleset_fingerprint_idx" ON "IncidentRuleset"("fingerprint");

ALTER TABLE "IncidentRuleset" ADD CONSTRAINT "IncidentRuleset_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;
