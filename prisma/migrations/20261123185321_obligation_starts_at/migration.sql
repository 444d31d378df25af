-- AlterTable
ALTER TABLE "Obligation" ADD COLUMN     "startsAt" TIMESTAMP(3);
