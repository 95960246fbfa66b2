import { readFile } from "node:fs/promises";

import {
  ImportDatasetDocument,
  RunDocument,
  type RunDetail,
  StartRunDocument,
  type StartRunVariables,
} from "@ree/schema/documents";

import { graphqlData } from "./graphqlRequest.js";

export const US_DEMO_FILE = "song2024_doe_demo10pct_molar.csv";

export function readDataFile(name: string): Promise<string> {
  return readFile(new URL(`../../data/${name}`, import.meta.url), "utf8");
}

export async function importUsDemo(
  apiUrl: string,
  name = "US demo",
  token?: string,
): Promise<string> {
  const csv = await readDataFile(US_DEMO_FILE);
  const { importDataset } = await graphqlData(
    apiUrl,
    ImportDatasetDocument,
    { input: { name, csv, source: "Song et al. 2024", license: "Apache-2.0" } },
    token,
  );

  return importDataset.id;
}

/** Starts a run small enough for tests: 2 repetitions of 50 epochs. */
export async function startSmallRun(
  apiUrl: string,
  datasetId: string,
  config: Partial<StartRunVariables["config"]> = {},
  token?: string,
): Promise<string> {
  const { startRun } = await graphqlData(
    apiUrl,
    StartRunDocument,
    { config: { datasetId, repetitions: 2, network: { epochs: 50 }, ...config } },
    token,
  );

  return startRun.id;
}

/** Polls the run every 250 ms until it leaves QUEUED and RUNNING. */
export async function waitForRun(
  apiUrl: string,
  id: string,
  timeoutMs = 120_000,
  token?: string,
): Promise<RunDetail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { run } = await graphqlData(apiUrl, RunDocument, { id }, token);
    if (!run) {
      throw new Error(`run ${id} not found`);
    }

    if (run.status !== "QUEUED" && run.status !== "RUNNING") {
      return run;
    }

    if (Date.now() > deadline) {
      throw new Error(
        `run ${id} still ${run.status} after ${timeoutMs} ms: ${run.progress.message}`,
      );
    }

    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
