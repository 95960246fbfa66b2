-- AlterTable
ALTER TABLE "Run" ADD COLUMN "parentModelId" UUID;
