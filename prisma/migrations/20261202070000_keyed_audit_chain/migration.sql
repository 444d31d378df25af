-- The audit chain becomes keyed: new events are hashed with HMAC-SHA256 under WARDEN_AUDIT_KEY
-- (hashVersion 2, written by the app). Events already stored keep their plain SHA-256 hash and
-- are marked as version 1 by the default, so adding the column rewrites no event (the
-- append-only trigger stays in force: ADD COLUMN with a constant default touches no row).
ALTER TABLE "AuditEvent" ADD COLUMN "hashVersion" SMALLINT NOT NULL DEFAULT 1;
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_hashVersion_check" CHECK ("hashVersion" IN (1, 2));
