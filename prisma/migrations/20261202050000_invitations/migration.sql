-- Invitations get their own table (the User row is made on acceptance); password tokens are
-- resets only. Invitation tokens made before this migration stop working.
DELETE FROM "PasswordToken" WHERE "purpose" = 'INVITATION';
ALTER TYPE "PasswordTokenPurpose" RENAME TO "PasswordTokenPurpose_old";
CREATE TYPE "PasswordTokenPurpose" AS ENUM ('RESET');
ALTER TABLE "PasswordToken" ALTER COLUMN "purpose" TYPE "PasswordTokenPurpose" USING ("purpose"::text::"PasswordTokenPurpose");
DROP TYPE "PasswordTokenPurpose_old";

-- CreateTable
CREATE TABLE "Invitation" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "email" VARCHAR(320) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "role" "Role" NOT NULL,
    "clientId" UUID,
    "clientIds" UUID[],
    "tokenHash" CHAR(64) NOT NULL,
    "invitedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "userId" UUID,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_organizationId_email_idx" ON "Invitation"("organizationId", "email");

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
