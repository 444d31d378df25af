-- CreateEnum
CREATE TYPE "RiskLevel" AS ENUM ('UNASSESSED', 'UNLIKELY', 'RISK', 'HIGH_RISK');

-- CreateEnum
CREATE TYPE "Applicability" AS ENUM ('APPLIES', 'TO_ASSESS', 'NOT_APPLICABLE');

-- CreateEnum
CREATE TYPE "ObligationStatus" AS ENUM ('PENDING', 'NOT_REQUIRED', 'DRAFT', 'AWAITING_APPROVAL', 'SENT', 'ACKNOWLEDGED', 'FILED', 'WAIVED');

-- CreateEnum
CREATE TYPE "NoticeStatus" AS ENUM ('DRAFT', 'AWAITING_APPROVAL', 'APPROVED', 'SENT');

-- CreateEnum
CREATE TYPE "DeliveryChannel" AS ENUM ('PORTAL', 'EMAIL');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('QUEUED', 'SENT', 'FAILED');

-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "doraClassifiedAt" TIMESTAMP(3),
ADD COLUMN     "doraMajor" BOOLEAN,
ADD COLUMN     "nis2Significant" BOOLEAN,
ADD COLUMN     "risk" "RiskLevel" NOT NULL DEFAULT 'UNASSESSED',
ADD COLUMN     "riskAssessedAt" TIMESTAMP(3),
ADD COLUMN     "secDeterminedAt" TIMESTAMP(3),
ADD COLUMN     "secMaterial" BOOLEAN,
ADD COLUMN     "subjectsByJurisdiction" JSONB;

-- CreateTable
CREATE TABLE "Obligation" (
    "id" UUID NOT NULL,
    "incidentId" UUID NOT NULL,
    "ruleId" VARCHAR(64) NOT NULL,
    "regime" VARCHAR(64) NOT NULL,
    "citation" VARCHAR(200) NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "party" VARCHAR(16) NOT NULL,
    "recipient" VARCHAR(300) NOT NULL,
    "applicability" "Applicability" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "dueAt" TIMESTAMP(3),
    "basis" VARCHAR(500) NOT NULL,
    "explanation" VARCHAR(2000) NOT NULL,
    "unconfirmed" VARCHAR(300),
    "status" "ObligationStatus" NOT NULL DEFAULT 'PENDING',
    "decisionReason" VARCHAR(2000),
    "decidedById" UUID,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Obligation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ObligationRevision" (
    "id" UUID NOT NULL,
    "obligationId" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "applicability" "Applicability" NOT NULL,
    "dueAt" TIMESTAMP(3),
    "basis" VARCHAR(500) NOT NULL,
    "explanation" VARCHAR(2000) NOT NULL,
    "cause" VARCHAR(200) NOT NULL,

    CONSTRAINT "ObligationRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notice" (
    "id" UUID NOT NULL,
    "obligationId" UUID NOT NULL,
    "incidentId" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "subject" VARCHAR(300) NOT NULL,
    "fields" JSONB NOT NULL,
    "status" "NoticeStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "draftedById" UUID NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "approvedById" UUID,
    "approvedAt" TIMESTAMP(3),
    "contentHash" CHAR(64),
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Notice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NoticeDelivery" (
    "id" UUID NOT NULL,
    "noticeId" UUID NOT NULL,
    "channel" "DeliveryChannel" NOT NULL,
    "recipient" VARCHAR(320) NOT NULL,
    "status" "DeliveryStatus" NOT NULL,
    "detail" VARCHAR(500),
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NoticeDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Acknowledgement" (
    "id" UUID NOT NULL,
    "noticeId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Acknowledgement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NoticeRead" (
    "noticeId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "readAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NoticeRead_pkey" PRIMARY KEY ("noticeId","userId")
);

-- CreateTable
CREATE TABLE "NoticeMessage" (
    "id" UUID NOT NULL,
    "noticeId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "body" VARCHAR(5000) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NoticeMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExternalFiling" (
    "id" UUID NOT NULL,
    "obligationId" UUID NOT NULL,
    "filedBy" VARCHAR(16) NOT NULL,
    "filedAt" TIMESTAMP(3) NOT NULL,
    "reference" VARCHAR(200) NOT NULL,
    "document" VARCHAR(500),
    "recordedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExternalFiling_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReminderSent" (
    "id" UUID NOT NULL,
    "obligationId" UUID NOT NULL,
    "kind" VARCHAR(32) NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReminderSent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffNotification" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "incidentId" UUID,
    "kind" VARCHAR(32) NOT NULL,
    "message" VARCHAR(500) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "StaffNotification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Obligation_active_status_dueAt_idx" ON "Obligation"("active", "status", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "Obligation_incidentId_ruleId_key" ON "Obligation"("incidentId", "ruleId");

-- CreateIndex
CREATE INDEX "ObligationRevision_obligationId_at_idx" ON "ObligationRevision"("obligationId", "at");

-- CreateIndex
CREATE INDEX "Notice_clientId_sentAt_idx" ON "Notice"("clientId", "sentAt");

-- CreateIndex
CREATE INDEX "Notice_incidentId_idx" ON "Notice"("incidentId");

-- CreateIndex
CREATE INDEX "NoticeDelivery_noticeId_idx" ON "NoticeDelivery"("noticeId");

-- CreateIndex
CREATE UNIQUE INDEX "Acknowledgement_noticeId_userId_key" ON "Acknowledgement"("noticeId", "userId");

-- CreateIndex
CREATE INDEX "NoticeMessage_noticeId_createdAt_idx" ON "NoticeMessage"("noticeId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReminderSent_obligationId_kind_key" ON "ReminderSent"("obligationId", "kind");

-- CreateIndex
CREATE INDEX "StaffNotification_userId_readAt_idx" ON "StaffNotification"("userId", "readAt");

-- AddForeignKey
ALTER TABLE "Obligation" ADD CONSTRAINT "Obligation_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Obligation" ADD CONSTRAINT "Obligation_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ObligationRevision" ADD CONSTRAINT "ObligationRevision_obligationId_fkey" FOREIGN KEY ("obligationId") REFERENCES "Obligation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_obligationId_fkey" FOREIGN KEY ("obligationId") REFERENCES "Obligation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_draftedById_fkey" FOREIGN KEY ("draftedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeDelivery" ADD CONSTRAINT "NoticeDelivery_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "Notice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Acknowledgement" ADD CONSTRAINT "Acknowledgement_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "Notice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Acknowledgement" ADD CONSTRAINT "Acknowledgement_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeRead" ADD CONSTRAINT "NoticeRead_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "Notice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeRead" ADD CONSTRAINT "NoticeRead_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeMessage" ADD CONSTRAINT "NoticeMessage_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "Notice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeMessage" ADD CONSTRAINT "NoticeMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExternalFiling" ADD CONSTRAINT "ExternalFiling_obligationId_fkey" FOREIGN KEY ("obligationId") REFERENCES "Obligation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExternalFiling" ADD CONSTRAINT "ExternalFiling_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderSent" ADD CONSTRAINT "ReminderSent_obligationId_fkey" FOREIGN KEY ("obligationId") REFERENCES "Obligation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffNotification" ADD CONSTRAINT "StaffNotification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
