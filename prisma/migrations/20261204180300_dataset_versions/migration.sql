-- DropIndex
DROP INDEX "Sample_datasetId_label_key";

-- DropIndex
DROP INDEX "Sample_datasetId_position_key";

-- AlterTable
ALTER TABLE "Dataset" ADD COLUMN     "latestVersionId" UUID;

-- AlterTable
ALTER TABLE "Model" ADD COLUMN     "datasetVersionId" UUID;

-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "datasetVersionId" UUID;

-- AlterTable: filled below from the version 1 of each data set.
ALTER TABLE "Sample" ADD COLUMN     "versionId" UUID;

-- CreateTable
CREATE TABLE "DatasetVersion" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "datasetId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "columns" JSONB NOT NULL,
    "sampleCount" INTEGER NOT NULL,
    "importSettings" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DatasetVersion_pkey" PRIMARY KEY ("id")
);

-- Data sets stored before versions become their version 1.
INSERT INTO "DatasetVersion" ("id", "organizationId", "datasetId", "number", "columns", "sampleCount", "createdAt")
SELECT gen_random_uuid(), "organizationId", "id", 1, "columns", "sampleCount", "createdAt" FROM "Dataset";

UPDATE "Dataset" d SET "latestVersionId" = v."id" FROM "DatasetVersion" v WHERE v."datasetId" = d."id";

UPDATE "Sample" s SET "versionId" = v."id" FROM "DatasetVersion" v WHERE v."datasetId" = s."datasetId";

UPDATE "Run" r SET "datasetVersionId" = v."id" FROM "DatasetVersion" v WHERE v."datasetId" = r."datasetId";

UPDATE "Model" m SET "datasetVersionId" = v."id" FROM "DatasetVersion" v WHERE v."datasetId" = m."datasetId";

ALTER TABLE "Sample" ALTER COLUMN "versionId" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "DatasetVersion_datasetId_number_key" ON "DatasetVersion"("datasetId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Dataset_latestVersionId_key" ON "Dataset"("latestVersionId");

-- CreateIndex
CREATE UNIQUE INDEX "Sample_versionId_position_key" ON "Sample"("versionId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Sample_versionId_label_key" ON "Sample"("versionId", "label");

-- AddForeignKey
ALTER TABLE "Dataset" ADD CONSTRAINT "Dataset_latestVersionId_fkey" FOREIGN KEY ("latestVersionId") REFERENCES "DatasetVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DatasetVersion" ADD CONSTRAINT "DatasetVersion_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DatasetVersion" ADD CONSTRAINT "DatasetVersion_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sample" ADD CONSTRAINT "Sample_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "DatasetVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Run" ADD CONSTRAINT "Run_datasetVersionId_fkey" FOREIGN KEY ("datasetVersionId") REFERENCES "DatasetVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Model" ADD CONSTRAINT "Model_datasetVersionId_fkey" FOREIGN KEY ("datasetVersionId") REFERENCES "DatasetVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;
