-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "dataVersion" INTEGER NOT NULL DEFAULT 0;
