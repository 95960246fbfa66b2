import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";

import { createLogger, seedStudyModels, STUDY_ENSEMBLE_NAME } from "@ree/api";
import { parseTable } from "@ree/core-ml";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { readDataFile, US_DEMO_FILE } from "../support/runs.js";
import { startTestStack, type TestStack } from "../support/startTestStack.js";
import {
  newSignedInPage,
  startWebAndBrowser,
  stopBrowserTest,
  type TestWeb,
} from "../support/startWeb.js";

const outputDir = fileURLToPath(new URL("../output/", import.meta.url));
const OXIDES = ["Al2O3", "CaO", "Fe2O3", "MgO", "TiO2", "P2O5"];

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

/** Writes the 10 public US ashes as CSV, then one with CaO far above any training ash. */
async function compositionsCsv(): Promise<string> {
  const table = parseTable(await readDataFile(US_DEMO_FILE));
  const column = (oxide: string) => table.columns.findIndex((c) => c.name === `${oxide}_mol_pct`);
  const rows = table.labels.map((label, i) => [
    label,
    ...OXIDES.map((oxide) => String(table.values.data[i * table.values.columns + column(oxide)])),
  ]);

  return [["sample_id", ...OXIDES], ...rows, ["lime-rich", "14", "75", "5", "4", "1", "0.2"]]
    .map((row) => row.join(","))
    .join("\n");
}

describe("predict page", () => {
  it("predicts an uploaded CSV and warns about an out-of-range composition", async () => {
    const page = await newSignedInPage(browser, stack, { width: 1280, height: 1800 });
    await page.goto(`${web.url}/predict`);
    await page.getByLabel("CSV file of compositions").setInputFiles({
      name: "ashes.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(await compositionsCsv()),
    });
    const limeRich = page.locator(".batch-predictions > li", { hasText: "lime-rich" });
    await limeRich.locator(".domain-warnings").waitFor({ timeout: 30_000 });
    await mkdir(outputDir, { recursive: true });
    await page.screenshot({ path: `${outputDir}predict-page.png`, fullPage: true });

    expect(await page.locator(".batch-predictions > li").count()).toBe(11);
    expect(await limeRich.locator(".domain-warnings li").first().textContent()).toMatch(
      /^CaO_mol_pct = 75 is outside the training range/,
    );
    expect(await page.locator(".batch-predictions .domain-warnings").count()).toBe(1);
    expect(await page.locator(".batch-predictions .screening").count()).toBe(11);
    expect(
      await page.getByText("11 compositions predicted; 1 outside the training domain.").count(),
    ).toBe(1);
  });

  it("names the row and column of a bad value in the file", async () => {
    const page = await newSignedInPage(browser, stack);
    await page.goto(`${web.url}/predict`);
    await page.getByLabel("CSV file of compositions").setInputFiles({
      name: "bad.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`${OXIDES.join(",")}\n14,abc,5,4,1,0.2\n`),
    });

    await page.getByText("The file cannot be predicted:").waitFor({ timeout: 30_000 });
    expect(
      await page
        .getByText('Row 2, column CaO must be a finite number such as 12.5, got "abc".')
        .count(),
    ).toBe(1);
  });
});

describe("models page", () => {
  it("lists the study ensemble and shows its format and export links", async () => {
    const page = await newSignedInPage(browser, stack, { width: 1280, height: 1600 });
    await page.goto(`${web.url}/models`);
    await page.getByRole("link", { name: STUDY_ENSEMBLE_NAME }).click();
    await page.getByText("ree-workbench/model version 2").waitFor({ timeout: 30_000 });

    expect(await page.locator(".tfjs-links li").count()).toBe(30);
    const href = await page.locator(".tfjs-links a").first().getAttribute("href");
    // The page's own request context sends the session cookie, as a click on the link would.
    const response = await page.request.get(href ?? "");

    expect(response.status()).toBe(200);
    expect(((await response.json()) as { format: string }).format).toBe("layers-model");
  });
});
