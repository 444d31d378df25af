-- CreateEnum
CREATE TYPE "IncidentType" AS ENUM ('CYBERATTACK', 'DATA_BREACH', 'ACCIDENTAL_LEAK', 'SYSTEM_FAILURE', 'NATURAL_DISASTER', 'INTERNAL_FRAUD');

-- CreateEnum
CREATE TYPE "Severity" AS ENUM ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL');

-- CreateEnum
CREATE TYPE "Phase" AS ENUM ('IDENTIFY', 'CONTAIN', 'INVESTIGATE', 'RESOLVE', 'REPORT', 'POST_MORTEM', 'CLOSED');

-- CreateEnum
CREATE TYPE "Resolution" AS ENUM ('RESOLVED', 'FALSE_POSITIVE');

-- CreateEnum
CREATE TYPE "DataCategory" AS ENUM ('PERSONAL', 'HEALTH', 'PAYMENT_CARD', 'FINANCIAL', 'CREDENTIALS', 'LEGAL_PRIVILEGED', 'OPERATIONAL_ONLY');

-- CreateEnum
CREATE TYPE "PhaseEventKind" AS ENUM ('OPEN', 'ADVANCE', 'STEP_BACK', 'CLOSE_FALSE_POSITIVE', 'REOPEN', 'CHANGE_SEVERITY');

-- CreateEnum
CREATE TYPE "CustodyAction" AS ENUM ('COLLECTED', 'TRANSFERRED', 'ACCESSED', 'RETURNED', 'DISPOSED');

-- CreateTable
CREATE TABLE "Incident" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "reference" VARCHAR(24) NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "summary" VARCHAR(10000) NOT NULL,
    "type" "IncidentType" NOT NULL,
    "severity" "Severity" NOT NULL,
    "severityRank" SMALLINT NOT NULL,
    "phase" "Phase" NOT NULL DEFAULT 'IDENTIFY',
    "resolution" "Resolution",
    "reporterId" UUID NOT NULL,
    "ownerId" UUID,
    "occurredAt" TIMESTAMP(3),
    "detectedAt" TIMESTAMP(3) NOT NULL,
    "awareAt" TIMESTAMP(3) NOT NULL,
    "phaseEnteredAt" TIMESTAMP(3) NOT NULL,
    "containStartedAt" TIMESTAMP(3),
    "investigateStartedAt" TIMESTAMP(3),
    "resolveStartedAt" TIMESTAMP(3),
    "reportStartedAt" TIMESTAMP(3),
    "postMortemStartedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "dataCategories" "DataCategory"[],
    "dataSubjectsCount" INTEGER,
    "recordsCount" INTEGER,
    "jurisdictions" TEXT[],
    "dataEncrypted" BOOLEAN,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" UUID NOT NULL,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentCounter" (
    "organizationId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "IncidentCounter_pkey" PRIMARY KEY ("organizationId","year")
);

-- CreateTable
CREATE TABLE "PhaseEvent" (
    "id" UUID NOT NULL,
    "incidentId" UUID NOT NULL,
    "kind" "PhaseEventKind" NOT NULL,
    "fromPhase" "Phase",
    "toPhase" "Phase" NOT NULL,
    "fromSeverity" "Severity",
    "toSeverity" "Severity",
    "reason" VARCHAR(2000),
    "actorId" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PhaseEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChecklistItem" (
    "id" UUID NOT NULL,
    "incidentId" UUID NOT NULL,
    "phase" "Phase" NOT NULL,
    "key" VARCHAR(64) NOT NULL,
    "label" VARCHAR(300) NOT NULL,
    "required" BOOLEAN NOT NULL,
    "position" INTEGER NOT NULL,
    "doneAt" TIMESTAMP(3),
    "doneById" UUID,

    CONSTRAINT "ChecklistItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentTask" (
    "id" UUID NOT NULL,
    "incidentId" UUID NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "ownerId" UUID,
    "dueAt" TIMESTAMP(3),
    "doneAt" TIMESTAMP(3),
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IncidentTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentNote" (
    "id" UUID NOT NULL,
    "incidentId" UUID NOT NULL,
    "body" VARCHAR(10000) NOT NULL,
    "authorId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IncidentNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evidence" (
    "id" UUID NOT NULL,
    "incidentId" UUID NOT NULL,
    "description" VARCHAR(2000) NOT NULL,
    "location" VARCHAR(500) NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "collectedById" UUID NOT NULL,
    "collectedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustodyEntry" (
    "id" UUID NOT NULL,
    "evidenceId" UUID NOT NULL,
    "action" "CustodyAction" NOT NULL,
    "actorId" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "note" VARCHAR(1000),

    CONSTRAINT "CustodyEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AffectedAsset" (
    "id" UUID NOT NULL,
    "incidentId" UUID NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "kind" VARCHAR(100),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AffectedAsset_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Incident_organizationId_clientId_phase_idx" ON "Incident"("organizationId", "clientId", "phase");

-- CreateIndex
CREATE INDEX "Incident_organizationId_awareAt_id_idx" ON "Incident"("organizationId", "awareAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Incident_organizationId_updatedAt_id_idx" ON "Incident"("organizationId", "updatedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Incident_organizationId_severityRank_id_idx" ON "Incident"("organizationId", "severityRank", "id");

-- CreateIndex
CREATE INDEX "Incident_ownerId_idx" ON "Incident"("ownerId");

-- CreateIndex
CREATE UNIQUE INDEX "Incident_organizationId_reference_key" ON "Incident"("organizationId", "reference");

-- CreateIndex
CREATE INDEX "PhaseEvent_incidentId_at_idx" ON "PhaseEvent"("incidentId", "at");

-- CreateIndex
CREATE INDEX "ChecklistItem_incidentId_phase_idx" ON "ChecklistItem"("incidentId", "phase");

-- CreateIndex
CREATE UNIQUE INDEX "ChecklistItem_incidentId_key_key" ON "ChecklistItem"("incidentId", "key");

-- CreateIndex
CREATE INDEX "IncidentTask_incidentId_idx" ON "IncidentTask"("incidentId");

-- CreateIndex
CREATE INDEX "IncidentTask_ownerId_doneAt_idx" ON "IncidentTask"("ownerId", "doneAt");

-- CreateIndex
CREATE INDEX "IncidentNote_incidentId_createdAt_idx" ON "IncidentNote"("incidentId", "createdAt");

-- CreateIndex
CREATE INDEX "Evidence_incidentId_idx" ON "Evidence"("incidentId");

-- CreateIndex
CREATE INDEX "CustodyEntry_evidenceId_at_idx" ON "CustodyEntry"("evidenceId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "AffectedAsset_incidentId_name_key" ON "AffectedAsset"("incidentId", "name");

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PhaseEvent" ADD CONSTRAINT "PhaseEvent_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PhaseEvent" ADD CONSTRAINT "PhaseEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChecklistItem" ADD CONSTRAINT "ChecklistItem_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChecklistItem" ADD CONSTRAINT "ChecklistItem_doneById_fkey" FOREIGN KEY ("doneById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentTask" ADD CONSTRAINT "IncidentTask_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentTask" ADD CONSTRAINT "IncidentTask_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentTask" ADD CONSTRAINT "IncidentTask_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentNote" ADD CONSTRAINT "IncidentNote_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentNote" ADD CONSTRAINT "IncidentNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_collectedById_fkey" FOREIGN KEY ("collectedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustodyEntry" ADD CONSTRAINT "CustodyEntry_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustodyEntry" ADD CONSTRAINT "CustodyEntry_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AffectedAsset" ADD CONSTRAINT "AffectedAsset_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;
