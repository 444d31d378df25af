-- CreateTable
CREATE TABLE "RuleOverride" (
    "organizationId" UUID NOT NULL,
    "ruleId" VARCHAR(64) NOT NULL,
    "amount" INTEGER NOT NULL,
    "unit" VARCHAR(20) NOT NULL,
    "note" VARCHAR(1000) NOT NULL,
    "updatedById" UUID NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RuleOverride_pkey" PRIMARY KEY ("organizationId","ruleId")
);
