import { readFile } from "node:fs/promises";

import type { PrismaClient } from "@ree/db";

import type { Logger } from "../logger.js";
import { importDataset } from "../services/importDataset.js";

const DATA_DIR = new URL("../../../../data/", import.meta.url);

const STUDY = {
  citation:
    "Y. Song, Y. Zhao, A. Ginella, B. Gallagher, G. Sant, M. Bauchy, Mater. Horiz. 11 (2024) 1448, " +
    "doi:10.1039/D3MH01491F; data from the authors' repository github.com/Little-uni/multi-task-neural-network",
  license: "Apache-2.0",
};

/** The real data sets shipped in data/, described as in data/README.md. */
export const BUNDLED_DATASETS = [
  {
    file: "song2024_doe_demo10pct_molar.csv",
    name: "US coal ashes (Song et al. 2024, 10 released samples)",
    description:
      "10 of the study's 99 US coal-ash samples (EPRI/NETL/DOE set). Oxides in mol % over the " +
      "ten major oxides; REE oxides in molar ppm.",
    source: STUDY.citation,
    license: STUDY.license,
  },
  {
    file: "song2024_franus2015_polish_molar.csv",
    name: "Polish fly ashes (Franus et al. 2015, molar)",
    description:
      "12 Polish fly ashes: the study's molar conversion of Franus, Wiatros-Motyka and Wdowin, " +
      "Environ. Sci. Pollut. Res. 22 (2015) 9464, doi:10.1007/s11356-015-4111-9.",
    source: STUDY.citation,
    license: STUDY.license,
  },
] as const;

/** Imports each bundled data set that the organisation does not have yet, by name. */
export async function seedBundledDatasets(
  prisma: PrismaClient,
  organizationId: string,
  logger: Logger,
): Promise<void> {
  for (const { file, ...request } of BUNDLED_DATASETS) {
    const existing = await prisma.dataset.findFirst({
      where: { organizationId, name: request.name },
      select: { id: true },
    });
    if (existing) {
      continue;
    }

    const csv = await readFile(new URL(file, DATA_DIR), "utf8");
    const dataset = await importDataset(prisma, organizationId, { ...request, csv });
    logger.info({ datasetId: dataset.id, file }, "bundled data set imported");
  }
}
