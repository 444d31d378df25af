-- The incident list's text search ("title contains …", case-insensitive) uses a trigram index
-- instead of reading every incident of the organization. pg_trgm ships with PostgreSQL (contrib;
-- the embedded PostgreSQL has it too) and is a trusted extension: a database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Incident_title_trgm_idx" ON "Incident" USING gin (title gin_trgm_ops);
