import { readFile } from "node:fs/promises";

import {
  importTorchEnsemble,
  importTorchTransferModels,
  type Matrix,
  type ModelArtifact,
  parseTable,
  selectColumns,
} from "@ree/core-ml";
import type { Prisma, PrismaClient } from "@ree/db";

import type { Logger } from "../logger.js";

const PRETRAINED_DIR = new URL("../../../../data/pretrained/", import.meta.url);
const US_TRAINING_FILE = "../song2024_doe_demo10pct_molar.csv";

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
  const options = { knownTrainingRows: await publicTrainingRows() };
  const ensemble = importTorchEnsemble(await readJson("study_ensemble_30.json"), options);
  const transfer = importTorchTransferModels(await readJson("study_transfer_models.json"), options);
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

/** Oxides of the study's models, in their order, as bundled column names. */
const STUDY_FEATURES = ["Al2O3", "CaO", "Fe2O3", "MgO", "TiO2", "P2O5"].map(
  (oxide) => `${oxide}_mol_pct`,
);

/**
 * Reads the 10 public ashes of the study's 99 training ashes. Only the scalers
 * describe the other 89, so these rows widen the domain estimated from them.
 */
async function publicTrainingRows(): Promise<Matrix> {
  const table = parseTable(await readFile(new URL(US_TRAINING_FILE, PRETRAINED_DIR), "utf8"));
  const indices = STUDY_FEATURES.map((name) =>
    table.columns.findIndex((column) => column.name === name),
  );

  return selectColumns(table.values, indices);
}
