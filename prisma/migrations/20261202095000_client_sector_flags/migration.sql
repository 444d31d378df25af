-- Regime flags for the US sector deadline rules (FTC Safeguards Rule, NYDFS Part 500, SEC
-- Regulation S-P, FCC CPNI): every existing client starts outside them.
ALTER TABLE "Client"
  ADD COLUMN "glbaFinancialInstitution" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "nydfsCoveredEntity" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "regSpCoveredInstitution" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "telecomCarrier" BOOLEAN NOT NULL DEFAULT false;
