-- AlterTable
ALTER TABLE "Obligation" ADD COLUMN     "deliveredAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Obligation_incidentId_active_dueAt_deliveredAt_status_idx" ON "Obligation"("incidentId", "active", "dueAt", "deliveredAt", "status");
