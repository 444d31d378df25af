-- Who read what: one row per view of an incident, download, export or opened notice. Apart from
-- the audit chain on purpose: a read takes no advisory lock and bumps no data version, so
-- reading stays as cheap and as concurrent as it was; it is one INSERT (src/server/read-log.ts).
CREATE TABLE "ReadEvent" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID NOT NULL,
    "actorLabel" VARCHAR(200) NOT NULL,
    "actorRole" "Role" NOT NULL,
    "kind" VARCHAR(64) NOT NULL,
    "targetType" VARCHAR(64) NOT NULL,
    "targetId" VARCHAR(64),
    "incidentId" UUID,
    "clientId" UUID,
    "requestId" VARCHAR(64),
    "ip" VARCHAR(64),

    CONSTRAINT "ReadEvent_pkey" PRIMARY KEY ("id")
);

-- The audit page's filters, newest first: the whole organization, one person, one incident, one client.
CREATE INDEX "ReadEvent_organizationId_at_id_idx" ON "ReadEvent"("organizationId", "at" DESC, "id" DESC);
CREATE INDEX "ReadEvent_organizationId_actorId_at_idx" ON "ReadEvent"("organizationId", "actorId", "at" DESC);
CREATE INDEX "ReadEvent_incidentId_at_idx" ON "ReadEvent"("incidentId", "at" DESC);
CREATE INDEX "ReadEvent_clientId_at_idx" ON "ReadEvent"("clientId", "at" DESC);

-- The audit page's person filter on changes: one person's events, newest first, without walking the chain ...
CREATE INDEX "AuditEvent_organizationId_actorId_seq_idx" ON "AuditEvent"("organizationId", "actorId", "seq");
-- ... and its kind filter (a prefix of the action, read as a range): a rare kind without walking the chain.
CREATE INDEX "AuditEvent_organizationId_action_seq_idx" ON "AuditEvent"("organizationId", "action", "seq");

ALTER TABLE "ReadEvent" ADD CONSTRAINT "ReadEvent_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The access log is append-only like the audit trail: refuse every UPDATE, DELETE and TRUNCATE.
CREATE FUNCTION warden_read_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ReadEvent is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "ReadEvent_no_update_delete"
  BEFORE UPDATE OR DELETE ON "ReadEvent"
  FOR EACH ROW EXECUTE FUNCTION warden_read_event_append_only();

CREATE TRIGGER "ReadEvent_no_truncate"
  BEFORE TRUNCATE ON "ReadEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION warden_read_event_append_only();
