-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "incidentId" UUID;

-- CreateIndex
CREATE INDEX "AuditEvent_incidentId_seq_idx" ON "AuditEvent"("incidentId", "seq");
