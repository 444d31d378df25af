-- Seals over the audit chain: every SEAL_EVERY events of an organization get one keyed MAC
-- (HMAC-SHA256 under WARDEN_AUDIT_KEY) over the events' stored columns exactly as COPY writes
-- them, chained to the seal before. audit:verify then checks a sealed range by streaming it
-- (one HMAC over the bytes) instead of recomputing each event's hash. See src/server/audit-sealer.ts.
CREATE TABLE "AuditSeal" (
    "organizationId" UUID NOT NULL,
    "fromSeq" INTEGER NOT NULL,
    "toSeq" INTEGER NOT NULL,
    "keyed" INTEGER NOT NULL,
    "prevMac" CHAR(64) NOT NULL,
    "mac" CHAR(64) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditSeal_pkey" PRIMARY KEY ("organizationId", "toSeq"),
    CONSTRAINT "AuditSeal_range" CHECK ("fromSeq" >= 1 AND "toSeq" >= "fromSeq")
);

ALTER TABLE "AuditSeal" ADD CONSTRAINT "AuditSeal_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Append-only like the events they seal.
CREATE FUNCTION warden_audit_seal_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditSeal is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "AuditSeal_no_update_delete"
  BEFORE UPDATE OR DELETE ON "AuditSeal"
  FOR EACH ROW EXECUTE FUNCTION warden_audit_seal_append_only();

CREATE TRIGGER "AuditSeal_no_truncate"
  BEFORE TRUNCATE ON "AuditSeal"
  FOR EACH STATEMENT EXECUTE FUNCTION warden_audit_seal_append_only();
