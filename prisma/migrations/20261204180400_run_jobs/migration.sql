-- CreateEnum
CREATE TYPE "RunPartStatus" AS ENUM ('QUEUED', 'RUNNING', 'DONE');

-- AlterEnum
ALTER TYPE "RunStatus" ADD VALUE 'CANCELLED';

-- CreateTable
CREATE TABLE "RunPart" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "repetitions" INTEGER[],
    "status" "RunPartStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "workerId" TEXT,
    "jobId" BIGINT,
    "heartbeatAt" TIMESTAMP(3),
    "outcomes" JSONB,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "RunPart_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RunEvent" (
    "id" BIGSERIAL NOT NULL,
    "organizationId" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "message" TEXT NOT NULL,

    CONSTRAINT "RunEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RunPart_runId_idx" ON "RunPart"("runId");

-- CreateIndex
CREATE INDEX "RunPart_status_heartbeatAt_idx" ON "RunPart"("status", "heartbeatAt");

-- CreateIndex
CREATE INDEX "RunEvent_runId_id_idx" ON "RunEvent"("runId", "id");

-- AddForeignKey
ALTER TABLE "RunPart" ADD CONSTRAINT "RunPart_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RunEvent" ADD CONSTRAINT "RunEvent_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;
