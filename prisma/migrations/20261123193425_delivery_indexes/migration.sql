-- CreateIndex
CREATE INDEX "ExternalFiling_obligationId_filedAt_idx" ON "ExternalFiling"("obligationId", "filedAt");

-- CreateIndex
CREATE INDEX "Notice_obligationId_sentAt_idx" ON "Notice"("obligationId", "sentAt");
