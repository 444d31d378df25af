-- The dashboard's figures from indexes alone (src/server/data/dashboard.ts): at 100,000 incidents
-- its six aggregates read the heap and joined every obligation to its incident (143 ms); with
-- these, each one walks a slice of one index and visits no table row.

-- An obligation carries its incident's organization, client and awareness time, so that the
-- notices of a period and the obligations coming due are counted in tenant scope from one index
-- instead of looking up the incident of each (3,000 obligations: 40 ms). An incident's client
-- is fixed when it is created but its awareness time may be corrected (update-incident-facts):
-- the second trigger carries such a change to its obligations in the same statement, taking
-- their locks after the incident's, the order that update's own recomputation takes them in.
ALTER TABLE "Obligation" ADD COLUMN "organizationId" UUID, ADD COLUMN "clientId" UUID, ADD COLUMN "incidentAwareAt" TIMESTAMP(3);

UPDATE "Obligation" o SET "organizationId" = i."organizationId", "clientId" = i."clientId", "incidentAwareAt" = i."awareAt"
FROM "Incident" i WHERE i.id = o."incidentId";

ALTER TABLE "Obligation" ALTER COLUMN "organizationId" SET NOT NULL, ALTER COLUMN "clientId" SET NOT NULL, ALTER COLUMN "incidentAwareAt" SET NOT NULL;

CREATE FUNCTION warden_obligation_incident_copy() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT i."organizationId", i."clientId", i."awareAt" INTO NEW."organizationId", NEW."clientId", NEW."incidentAwareAt"
  FROM "Incident" i WHERE i.id = NEW."incidentId";
  RETURN NEW;
END;
$$;

-- whatever a writer sends for the copies, they are the incident's
CREATE TRIGGER "Obligation_incident_copy"
  BEFORE INSERT OR UPDATE OF "incidentId", "organizationId", "clientId", "incidentAwareAt" ON "Obligation"
  FOR EACH ROW EXECUTE FUNCTION warden_obligation_incident_copy();

CREATE FUNCTION warden_incident_copy_to_obligations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Obligation" SET "organizationId" = NEW."organizationId", "clientId" = NEW."clientId", "incidentAwareAt" = NEW."awareAt"
  WHERE "incidentId" = NEW.id;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Incident_copy_to_obligations"
  AFTER UPDATE OF "organizationId", "clientId", "awareAt" ON "Incident"
  FOR EACH ROW
  WHEN (OLD."organizationId" IS DISTINCT FROM NEW."organizationId" OR OLD."clientId" IS DISTINCT FROM NEW."clientId" OR OLD."awareAt" IS DISTINCT FROM NEW."awareAt")
  EXECUTE FUNCTION warden_incident_copy_to_obligations();

-- The client leads the period in the keys below: the viewer's clients are then ranges of the
-- index, not a test of every row against the list (a manager may see hundreds of clients).

-- Notices of the incidents that became known in a period (on time / due or sent).
CREATE INDEX "Obligation_notice_period_idx" ON "Obligation" ("organizationId", "clientId", "incidentAwareAt")
  INCLUDE ("dueAt", "deliveredAt", "settledDueAt")
  WHERE active AND "dueAt" IS NOT NULL AND status <> ALL ('{NOT_REQUIRED,WAIVED}'::"ObligationStatus"[]);

-- Unsettled obligations by due time (overdue, due in 24 hours, in 7 days).
CREATE INDEX "Obligation_unsettled_due_idx" ON "Obligation" ("organizationId", "clientId", "dueAt")
  WHERE active AND "dueAt" IS NOT NULL AND status = ANY ('{PENDING,DRAFT,AWAITING_APPROVAL}'::"ObligationStatus"[]);

-- An incident's response times in milliseconds, kept by PostgreSQL from the times they are
-- measured between: the period's medians then sort plain numbers read from the index below
-- (computing the four intervals of 11,500 incidents on each request was half the figures' time).
-- Whole milliseconds (timestamp(3)), so sums are exact and ms / 1000 is the same double as the
-- seconds the figures were computed in before.
ALTER TABLE "Incident"
  ADD COLUMN "detectMs" DOUBLE PRECISION GENERATED ALWAYS AS (extract(epoch FROM "detectedAt" - "occurredAt") * 1000) STORED,
  ADD COLUMN "containMs" DOUBLE PRECISION GENERATED ALWAYS AS (extract(epoch FROM "investigateStartedAt" - "awareAt") * 1000) STORED,
  ADD COLUMN "resolveMs" DOUBLE PRECISION GENERATED ALWAYS AS (extract(epoch FROM "reportStartedAt" - "awareAt") * 1000) STORED,
  ADD COLUMN "closeMs" DOUBLE PRECISION GENERATED ALWAYS AS (extract(epoch FROM "closedAt" - "awareAt") * 1000) STORED;

-- Incidents that became known in a period, with everything the period's figures read.
CREATE INDEX "Incident_period_figures_idx" ON "Incident" ("organizationId", "clientId", "awareAt")
  INCLUDE (type, resolution, "detectMs", "containMs", "resolveMs", "closeMs");

-- Open incidents, with what the open breakdowns and the late list read.
CREATE INDEX "Incident_open_figures_idx" ON "Incident" ("organizationId", "clientId")
  INCLUDE (id, phase, severity, type, "awareAt", "investigateStartedAt", "reportStartedAt")
  WHERE phase <> 'CLOSED';

-- Action items not done (few), each checked against its incident's scope.
CREATE INDEX "ActionItem_open_idx" ON "ActionItem" ("incidentId") INCLUDE ("dueAt") WHERE status <> 'DONE';
