-- On call (rotas, members, overrides, pages) and webhooks out (subscriptions, deliveries).

CREATE TABLE "OnCallRota" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "clientId" UUID,
    "name" VARCHAR(200) NOT NULL,
    "timeZone" VARCHAR(64) NOT NULL,
    "handoverTime" VARCHAR(5) NOT NULL,
    "shiftHours" INTEGER NOT NULL,
    "startsOn" VARCHAR(10) NOT NULL,
    "secondaryUserId" UUID,
    "escalateAfterMinutes" INTEGER NOT NULL DEFAULT 15,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "OnCallRota_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "OnCallRota_handoverTime_format" CHECK ("handoverTime" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
    CONSTRAINT "OnCallRota_startsOn_format" CHECK ("startsOn" ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
    CONSTRAINT "OnCallRota_shiftHours_range" CHECK ("shiftHours" BETWEEN 1 AND 336),
    CONSTRAINT "OnCallRota_escalate_range" CHECK ("escalateAfterMinutes" BETWEEN 1 AND 1440)
);
CREATE UNIQUE INDEX "OnCallRota_organizationId_name_key" ON "OnCallRota"("organizationId", "name");
CREATE INDEX "OnCallRota_organizationId_clientId_idx" ON "OnCallRota"("organizationId", "clientId");
ALTER TABLE "OnCallRota" ADD CONSTRAINT "OnCallRota_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "OnCallRota" ADD CONSTRAINT "OnCallRota_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "OnCallRota" ADD CONSTRAINT "OnCallRota_secondaryUserId_fkey" FOREIGN KEY ("secondaryUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "OnCallMember" (
    "id" UUID NOT NULL,
    "rotaId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "OnCallMember_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "OnCallMember_rotaId_position_key" ON "OnCallMember"("rotaId", "position");
CREATE UNIQUE INDEX "OnCallMember_rotaId_userId_key" ON "OnCallMember"("rotaId", "userId");
ALTER TABLE "OnCallMember" ADD CONSTRAINT "OnCallMember_rotaId_fkey" FOREIGN KEY ("rotaId") REFERENCES "OnCallRota"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "OnCallMember" ADD CONSTRAINT "OnCallMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "OnCallOverride" (
    "id" UUID NOT NULL,
    "rotaId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "reason" VARCHAR(300) NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OnCallOverride_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "OnCallOverride_span" CHECK ("endsAt" > "startsAt")
);
CREATE INDEX "OnCallOverride_rotaId_endsAt_idx" ON "OnCallOverride"("rotaId", "endsAt");
ALTER TABLE "OnCallOverride" ADD CONSTRAINT "OnCallOverride_rotaId_fkey" FOREIGN KEY ("rotaId") REFERENCES "OnCallRota"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "OnCallOverride" ADD CONSTRAINT "OnCallOverride_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "OnCallOverride" ADD CONSTRAINT "OnCallOverride_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TYPE "OnCallPageStatus" AS ENUM ('OPEN', 'ACKNOWLEDGED', 'EXHAUSTED');

CREATE TABLE "OnCallPage" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "incidentId" UUID NOT NULL,
    "rotaId" UUID,
    "status" "OnCallPageStatus" NOT NULL DEFAULT 'OPEN',
    "level" INTEGER NOT NULL DEFAULT 0,
    "pagedUserIds" UUID[],
    "escalateAfterMinutes" INTEGER NOT NULL,
    "pagedAt" TIMESTAMP(3) NOT NULL,
    "escalateAt" TIMESTAMP(3),
    "acknowledgedAt" TIMESTAMP(3),
    "acknowledgedById" UUID,
    CONSTRAINT "OnCallPage_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "OnCallPage_level_range" CHECK ("level" BETWEEN 0 AND 2),
    CONSTRAINT "OnCallPage_ack_complete" CHECK (("status" = 'ACKNOWLEDGED') = ("acknowledgedAt" IS NOT NULL AND "acknowledgedById" IS NOT NULL))
);
CREATE UNIQUE INDEX "OnCallPage_incidentId_key" ON "OnCallPage"("incidentId");
CREATE INDEX "OnCallPage_status_escalateAt_idx" ON "OnCallPage"("status", "escalateAt");
ALTER TABLE "OnCallPage" ADD CONSTRAINT "OnCallPage_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "OnCallPage" ADD CONSTRAINT "OnCallPage_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "OnCallPage" ADD CONSTRAINT "OnCallPage_rotaId_fkey" FOREIGN KEY ("rotaId") REFERENCES "OnCallRota"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "WebhookSubscription" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "url" VARCHAR(2000) NOT NULL,
    "events" TEXT[],
    "secret" VARCHAR(400) NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "allowPrivate" BOOLEAN NOT NULL DEFAULT false,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "WebhookSubscription_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "WebhookSubscription_url_scheme" CHECK ("url" ~* '^https?://')
);
CREATE INDEX "WebhookSubscription_organizationId_idx" ON "WebhookSubscription"("organizationId");
ALTER TABLE "WebhookSubscription" ADD CONSTRAINT "WebhookSubscription_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "WebhookSubscription" ADD CONSTRAINT "WebhookSubscription_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TYPE "WebhookDeliveryStatus" AS ENUM ('PENDING', 'DELIVERED', 'FAILED');

CREATE TABLE "WebhookDelivery" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "subscriptionId" UUID NOT NULL,
    "event" VARCHAR(64) NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "WebhookDeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "lastResponseCode" INTEGER,
    "lastError" VARCHAR(300),
    "durationMs" INTEGER,
    "history" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL,
    "deliveredAt" TIMESTAMP(3),
    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "WebhookDelivery_status_nextAttemptAt_idx" ON "WebhookDelivery"("status", "nextAttemptAt");
CREATE INDEX "WebhookDelivery_subscriptionId_createdAt_idx" ON "WebhookDelivery"("subscriptionId", "createdAt" DESC);
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "WebhookSubscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;
