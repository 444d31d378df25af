-- The incident's client-facing description, kept apart from the internal one ("summary"):
-- notices, the portal and client documents take only this text.
ALTER TABLE "Incident" ADD COLUMN "clientSummary" VARCHAR(10000) NOT NULL DEFAULT '';
