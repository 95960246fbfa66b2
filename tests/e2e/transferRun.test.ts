import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";

import { createLogger, seedStudyModels, STUDY_ENSEMBLE_NAME } from "@ree/api";
import { ImportDatasetDocument } from "@ree/schema/documents";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { graphqlData } from "../support/graphqlRequest.js";
import { readDataFile } from "../support/runs.js";
import { startTestStack, type TestStack } from "../support/startTestStack.js";
import {
  newSignedInPage,
  startWebAndBrowser,
  stopBrowserTest,
  type TestWeb,
} from "../support/startWeb.js";

const outputDir = fileURLToPath(new URL("../output/", import.meta.url));

let stack: TestStack;
let web: TestWeb;
let browser: Browser;

beforeAll(async () => {
  stack = await startTestStack();
  const organization = await stack.prisma.organization.findFirstOrThrow();
  await seedStudyModels(stack.prisma, organization.id, createLogger({ level: "silent" }));
  ({ web, browser } = await startWebAndBrowser(stack.apiUrl));
});

afterAll(() => stopBrowserTest({ browser, web, stack }));

describe("transfer run", () => {
  it("starts from the launcher and charts the three approaches", async () => {
    const { importDataset } = await graphqlData(stack.apiUrl, ImportDatasetDocument, {
      input: {
        name: "Polish fly ashes",
        csv: await readDataFile("song2024_franus2015_polish_molar.csv"),
      },
    });
    const page = await newSignedInPage(browser, stack, { width: 1280, height: 1800 });
    await page.goto(`${web.url}/runs/new?dataset=${importDataset.id}&task=TRANSFER`);
    await page.getByLabel("Parent model").waitFor({ timeout: 30_000 });
    await page.getByRole("textbox", { name: "Draws" }).fill("3");
    await page.getByRole("textbox", { name: "Epochs" }).fill("100");
    await page.getByRole("button", { name: "Start the run" }).click();

    await page.locator("svg.transfer-comparison").waitFor({ timeout: 60_000 });
    await mkdir(outputDir, { recursive: true });
    await page.screenshot({ path: `${outputDir}transfer-run.png`, fullPage: true });

    expect(await page.locator("rect.transfer-bar").count()).toBe(6);
    // 3 approaches x 2 metrics x 3 draws.
    expect(await page.locator("circle.transfer-draw").count()).toBe(18);
    expect(await page.locator("g.transfer-matrix").count()).toBe(3);
    expect(await page.getByRole("rowheader", { name: "Fine-tuned" }).count()).toBe(1);
    expect(await page.getByText(STUDY_ENSEMBLE_NAME, { exact: true }).count()).toBe(1);
  });
});
