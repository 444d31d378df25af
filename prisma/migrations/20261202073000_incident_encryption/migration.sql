-- Envelope encryption of incidents' free text: one data key per incident, wrapped by a master
-- key kept outside the database. Sealed values are longer than the text they hold, so the text
-- columns lose their length limits (the forms' schemas keep limiting the text itself).

CREATE TABLE "IncidentKey" (
    "id" VARCHAR(40) NOT NULL,
    "incidentId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "masterKeyId" VARCHAR(32),
    "wrapped" BYTEA,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rewrappedAt" TIMESTAMP(3),
    "destroyedAt" TIMESTAMP(3),
    CONSTRAINT "IncidentKey_pkey" PRIMARY KEY ("id"),
    -- destroyed keys keep no material; live keys always name their master key
    CONSTRAINT "IncidentKey_wrapped_check" CHECK (("destroyedAt" IS NULL) = ("wrapped" IS NOT NULL AND "masterKeyId" IS NOT NULL))
);
CREATE UNIQUE INDEX "IncidentKey_incidentId_key" ON "IncidentKey"("incidentId");
CREATE INDEX "IncidentKey_masterKeyId_idx" ON "IncidentKey"("masterKeyId");

-- A destroyed key stays destroyed: no update may bring material back.
CREATE FUNCTION "IncidentKey_stays_destroyed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."destroyedAt" IS NOT NULL THEN
    RAISE EXCEPTION 'IncidentKey % was destroyed and cannot change', OLD.id;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "IncidentKey_stays_destroyed" BEFORE UPDATE ON "IncidentKey"
  FOR EACH ROW EXECUTE FUNCTION "IncidentKey_stays_destroyed"();

ALTER TABLE "Incident" ALTER COLUMN "summary" TYPE TEXT;
ALTER TABLE "Incident" ALTER COLUMN "clientSummary" TYPE TEXT;
ALTER TABLE "IncidentNote" ALTER COLUMN "body" TYPE TEXT;
ALTER TABLE "Evidence" ALTER COLUMN "description" TYPE TEXT;
ALTER TABLE "CustodyEntry" ALTER COLUMN "note" TYPE TEXT;
ALTER TABLE "NoticeMessage" ALTER COLUMN "body" TYPE TEXT;
ALTER TABLE "PostMortem" ALTER COLUMN "summary" TYPE TEXT;
ALTER TABLE "PostMortem" ALTER COLUMN "rootCause" TYPE TEXT;
ALTER TABLE "PostMortem" ALTER COLUMN "contributingFactors" TYPE TEXT;
ALTER TABLE "PostMortem" ALTER COLUMN "wentWell" TYPE TEXT;
ALTER TABLE "PostMortem" ALTER COLUMN "wentBadly" TYPE TEXT;
ALTER TABLE "PostMortem" ALTER COLUMN "lessons" TYPE TEXT;

-- Asset names are sealed too; uniqueness moves to a digest keyed by the incident's data key.
-- Rows stored before keep their plain name and a plain digest of it until `npm run keys:rotate`
-- seals them (it recomputes the digest under the key).
ALTER TABLE "AffectedAsset" ALTER COLUMN "name" TYPE TEXT;
ALTER TABLE "AffectedAsset" ADD COLUMN "nameDigest" CHAR(64);
UPDATE "AffectedAsset" SET "nameDigest" = encode(sha256(convert_to(lower("name"), 'UTF8')), 'hex');
ALTER TABLE "AffectedAsset" ALTER COLUMN "nameDigest" SET NOT NULL;
DROP INDEX "AffectedAsset_incidentId_name_key";
CREATE UNIQUE INDEX "AffectedAsset_incidentId_nameDigest_key" ON "AffectedAsset"("incidentId", "nameDigest");
