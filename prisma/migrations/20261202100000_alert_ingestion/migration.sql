-- Alerts in from security tools (POST /api/v1/alerts): integrations with their API keys and the
-- clients they may post for, the alerts themselves, one receipt per accepted (client, source,
-- external id) for idempotency, recent signatures (replays) and per-key rate windows.
CREATE TYPE "IntegrationFormat" AS ENUM ('GENERIC', 'SPLUNK', 'ELASTIC', 'WAZUH', 'SENTINEL');
CREATE TYPE "AlertStatus" AS ENUM ('NEW', 'GROUPED', 'DISMISSED', 'PROMOTED', 'MERGED');

CREATE TABLE "Integration" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "format" "IntegrationFormat" NOT NULL,
    "defaultClientId" UUID,
    "keyPrefix" VARCHAR(16) NOT NULL,
    "keyHash" CHAR(64) NOT NULL,
    "signingSecret" BYTEA NOT NULL,
    "signingMasterKeyId" VARCHAR(32) NOT NULL,
    "credentialVersion" INTEGER NOT NULL DEFAULT 1,
    "rateLimitPerMinute" INTEGER NOT NULL DEFAULT 600,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "secretRotatedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "revokedById" UUID,
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "Integration_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Integration_rateLimitPerMinute_check" CHECK ("rateLimitPerMinute" BETWEEN 1 AND 1000000)
);
CREATE UNIQUE INDEX "Integration_keyHash_key" ON "Integration"("keyHash");
CREATE UNIQUE INDEX "Integration_organizationId_name_key" ON "Integration"("organizationId", "name");
CREATE INDEX "Integration_organizationId_idx" ON "Integration"("organizationId");

CREATE TABLE "IntegrationClient" (
    "integrationId" UUID NOT NULL,
    "clientId" UUID NOT NULL,

    CONSTRAINT "IntegrationClient_pkey" PRIMARY KEY ("integrationId", "clientId")
);
CREATE INDEX "IntegrationClient_clientId_idx" ON "IntegrationClient"("clientId");

CREATE TABLE "Alert" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "integrationId" UUID NOT NULL,
    "source" VARCHAR(100) NOT NULL,
    "externalId" VARCHAR(200) NOT NULL,
    "fingerprint" CHAR(64) NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "type" "IncidentType",
    "severity" "Severity" NOT NULL,
    "severityRank" SMALLINT NOT NULL,
    "observedAt" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,
    "dataCategories" "DataCategory"[],
    "assets" TEXT[],
    "jurisdictions" TEXT[],
    "rawPayload" TEXT NOT NULL,
    "rawTruncated" BOOLEAN NOT NULL DEFAULT false,
    "payloadKey" BYTEA,
    "payloadMasterKeyId" VARCHAR(32),
    "status" "AlertStatus" NOT NULL DEFAULT 'NEW',
    "dismissedReason" VARCHAR(1000),
    "decidedById" UUID,
    "decidedAt" TIMESTAMP(3),
    "incidentId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Alert_clientId_source_externalId_key" ON "Alert"("clientId", "source", "externalId");
CREATE INDEX "Alert_organizationId_fingerprint_lastSeenAt_idx" ON "Alert"("organizationId", "fingerprint", "lastSeenAt");
CREATE INDEX "Alert_organizationId_clientId_status_receivedAt_idx" ON "Alert"("organizationId", "clientId", "status", "receivedAt" DESC);
CREATE INDEX "Alert_incidentId_idx" ON "Alert"("incidentId");

CREATE TABLE "AlertReceipt" (
    "clientId" UUID NOT NULL,
    "source" VARCHAR(100) NOT NULL,
    "externalId" VARCHAR(200) NOT NULL,
    "alertId" UUID NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlertReceipt_pkey" PRIMARY KEY ("clientId", "source", "externalId")
);
CREATE INDEX "AlertReceipt_alertId_idx" ON "AlertReceipt"("alertId");

CREATE TABLE "IngestNonce" (
    "id" CHAR(64) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IngestNonce_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "IngestNonce_expiresAt_idx" ON "IngestNonce"("expiresAt");

-- Counts need no durability (a crash forgets at most one minute of them), and an unlogged write
-- commits without waiting on the WAL.
CREATE UNLOGGED TABLE "IngestRateWindow" (
    "integrationId" UUID NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "hits" INTEGER NOT NULL,

    CONSTRAINT "IngestRateWindow_pkey" PRIMARY KEY ("integrationId", "windowStart")
);

ALTER TABLE "Integration" ADD CONSTRAINT "Integration_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Integration" ADD CONSTRAINT "Integration_defaultClientId_fkey" FOREIGN KEY ("defaultClientId") REFERENCES "Client"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Integration" ADD CONSTRAINT "Integration_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "IntegrationClient" ADD CONSTRAINT "IntegrationClient_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "IntegrationClient" ADD CONSTRAINT "IntegrationClient_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
-- the default client must be one the key may post for
ALTER TABLE "Integration" ADD CONSTRAINT "Integration_defaultClient_scoped_fkey" FOREIGN KEY ("id", "defaultClientId") REFERENCES "IntegrationClient"("integrationId", "clientId") DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "Integration"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "AlertReceipt" ADD CONSTRAINT "AlertReceipt_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "Alert"("id") ON DELETE CASCADE ON UPDATE CASCADE;
