-- Audited writes no longer wait on one lock per organization: a change's transaction appends
-- its audit entry here (sealed: an HMAC under WARDEN_AUDIT_KEY over the entry and its id), and
-- right after it commits the entry is chained in order into "AuditEvent" in a batch with the
-- others waiting (src/server/audit-chainer.ts). "AuditEvent" itself stays append-only with no
-- exception. Here, UPDATE and TRUNCATE are refused, and DELETE only of an entry already moved
-- into the chain (an "AuditEvent" with its id exists): the chaining step, nothing else.
CREATE TABLE "AuditEventPending" (
    "id" UUID NOT NULL,
    "position" BIGSERIAL NOT NULL,
    "organizationId" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actorId" UUID,
    "actorLabel" VARCHAR(200) NOT NULL,
    "action" VARCHAR(64) NOT NULL,
    "entityType" VARCHAR(64) NOT NULL,
    "entityId" VARCHAR(64),
    "incidentId" UUID,
    "changes" JSONB,
    "requestId" VARCHAR(64),
    "ip" VARCHAR(64),
    "dataChange" BOOLEAN NOT NULL,
    "seal" CHAR(64) NOT NULL,

    CONSTRAINT "AuditEventPending_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "AuditEventPending_organizationId_position_idx" ON "AuditEventPending"("organizationId", "position");

ALTER TABLE "AuditEventPending" ADD CONSTRAINT "AuditEventPending_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE FUNCTION warden_audit_pending_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND EXISTS (SELECT 1 FROM "AuditEvent" WHERE id = OLD.id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'AuditEventPending: % is not allowed (an entry leaves only by being chained)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "AuditEventPending_guard"
  BEFORE UPDATE OR DELETE ON "AuditEventPending"
  FOR EACH ROW EXECUTE FUNCTION warden_audit_pending_guard();

CREATE TRIGGER "AuditEventPending_no_truncate"
  BEFORE TRUNCATE ON "AuditEventPending"
  FOR EACH STATEMENT EXECUTE FUNCTION warden_audit_pending_guard();
