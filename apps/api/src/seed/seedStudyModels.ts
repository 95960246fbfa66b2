import { readFile } from "node:fs/promises";

import { importTorchEnsemble, importTorchTransferModels, type ModelArtifact } from "@ree/core-ml";
import type { Prisma, PrismaClient } from "@ree/db";

import type { Logger } from "../logger.js";

const PRETRAINED_DIR = new URL("../../../../data/pretrained/", import.meta.url);

/** Name of the study's 30-member ensemble, trained on all 99 US samples. */
export const STUDY_ENSEMBLE_NAME = "Study ensemble (Song et al. 2024, 30 members, 99 US ashes)";

/**
 * Stores the study's published models for the organisation unless a model of
 * the same name exists: the 30-member ensemble and the three models of its
 * transfer-learning comparison on Polish fly ashes.
 */
export async function seedStudyModels(
  prisma: PrismaClient,
  organizationId: string,
  logger: Logger,
): Promise<void> {
  const ensemble = importTorchEnsemble(await readJson("study_ensemble_30.json"));
  const transfer = importTorchTransferModels(await readJson("study_transfer_models.json"));
  const models: { name: string; artifact: ModelArtifact }[] = [
    { name: STUDY_ENSEMBLE_NAME, artifact: ensemble },
    ...transfer.map(({ name, artifact }) => ({
      name: `Study ${name} (Song et al. 2024, Polish fly ashes)`,
      artifact,
    })),
  ];

  for (const { name, artifact } of models) {
    const existing = await prisma.model.findFirst({
      where: { organizationId, name, runId: null },
      select: { id: true },
    });
    if (existing) {
      continue;
    }

    const model = await prisma.model.create({
      data: {
        organizationId,
        name,
        kind: artifact.kind,
        artifact: artifact as unknown as Prisma.InputJsonValue,
      },
    });
    logger.info({ modelId: model.id, name }, "published study model imported");
  }
}

async function readJson(file: string): Promise<unknown> {
  return JSON.parse(await readFile(new URL(file, PRETRAINED_DIR), "utf8"));
}
