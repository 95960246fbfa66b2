import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";

import { createLogger, seedStudyModels } from "@ree/api";
import { ImportDatasetDocument } from "@ree/schema/documents";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { graphqlData } from "../support/graphqlRequest.js";
import { readDataFile, US_DEMO_FILE } from "../support/runs.js";
import { seedDatasetCopies, seedModelCopies } from "../support/seedCopies.js";
import { startTestStack, type TestStack } from "../support/startTestStack.js";
import {
  newSignedInPage,
  startWebAndBrowser,
  stopBrowserTest,
  type TestWeb,
} from "../support/startWeb.js";

const outputDir = fileURLToPath(new URL("../output/", import.meta.url));
/** More than two pages of 50 rows. */
const SEEDED_ROWS = 120;
/** The 10 demo ashes repeated 100 times: 40 pages of 25 samples. */
const LARGE_DATASET_SAMPLES = 1000;
/** Copies are older than anything the test imports, so that they end each list. */
const OLDEST = new Date(Date.UTC(2025, 0, 1));

let stack: TestStack;
let web: TestWeb;
let browser: Browser;
let largeDatasetId: string;

/** Repeats the rows of the demo file, each copy under a label of its own. */
async function largeCsv(copies: number): Promise<string> {
  const [header, ...rows] = (await readDataFile(US_DEMO_FILE)).trim().split(/\r?\n/);
  const repeated = Array.from({ length: copies }, (_, copy) =>
    rows.map((row) => row.replace(/^([^,]+)/, `$1-${String(copy).padStart(3, "0")}`)),
  );

  return [header, ...repeated.flat()].join("\n");
}

beforeAll(async () => {
  stack = await startTestStack({ worker: false });
  await seedStudyModels(stack.prisma, stack.organizationId, createLogger({ level: "silent" }));
  const { importDataset } = await graphqlData(stack.apiUrl, ImportDatasetDocument, {
    input: { name: "US demo x100", csv: await largeCsv(LARGE_DATASET_SAMPLES / 10) },
  });
  largeDatasetId = importDataset.id;
  const model = await stack.prisma.model.findFirstOrThrow({ orderBy: { name: "desc" } });
  await seedDatasetCopies(stack.prisma, largeDatasetId, {
    count: SEEDED_ROWS,
    prefix: "Seeded data set",
    oldest: OLDEST,
  });
  await seedModelCopies(stack.prisma, model.id, {
    count: SEEDED_ROWS,
    prefix: "Seeded model",
    oldest: OLDEST,
  });
  ({ web, browser } = await startWebAndBrowser(stack.apiUrl));
  await mkdir(outputDir, { recursive: true });
});

afterAll(() => stopBrowserTest({ browser, web, stack }));

/** Presses "Load more" until the list has no next page, and returns how often it did. */
async function loadEveryPage(page: Page, noun: string, total: number): Promise<number> {
  let presses = 0;
  const button = page.getByRole("button", { name: `Load more ${noun}` });
  while (await button.isVisible()) {
    await button.click();
    presses += 1;
    await page.getByText(`Showing ${Math.min(50 * (presses + 1), total)} of ${total}`).waitFor();
  }

  return presses;
}

describe("list pagination", () => {
  it("loads the data sets page by page up to the oldest", async () => {
    const total = SEEDED_ROWS + 1;
    const page = await newSignedInPage(browser, stack, { width: 1280, height: 1000 });
    await page.goto(`${web.url}/`);
    const table = page.locator("section", { has: page.locator("#datasets-heading") });
    await table.getByText(`Showing 50 of ${total} data sets`).waitFor();

    const presses = await loadEveryPage(page, "data sets", total);

    expect(presses).toBe(2);
    expect(await table.locator("tbody tr").count()).toBe(total);
    expect(await table.locator("tbody tr").last().textContent()).toContain("Seeded data set 000");
  });

  it("loads the models page by page up to the oldest", async () => {
    // The seeded copies and the study's published models.
    const total = await stack.prisma.model.count();
    const page = await newSignedInPage(browser, stack, { width: 1280, height: 1000 });
    await page.goto(`${web.url}/models`);
    await page.getByText(`Showing 50 of ${total} models`).waitFor();

    const presses = await loadEveryPage(page, "models", total);
    await page.screenshot({ path: `${outputDir}models-last-page.png` });

    expect(presses).toBe(Math.ceil(total / 50) - 1);
    expect(await page.locator(".model-catalog tbody tr").count()).toBe(total);
    expect(await page.locator(".model-catalog tbody tr").last().textContent()).toContain(
      "Seeded model 000",
    );
  });

  it("pages through the samples of a large data set to the last one", async () => {
    const page = await newSignedInPage(browser, stack, { width: 1280, height: 1000 });
    await page.goto(`${web.url}/datasets/${largeDatasetId}`);
    const pager = page.getByRole("navigation", { name: "Sample pages" });
    await pager.getByText("Rows 1–25 of 1,000").waitFor({ timeout: 30_000 });

    const next = pager.getByRole("button", { name: "Next" });
    let pages = 1;
    while (await next.isEnabled()) {
      await next.click();
      pages += 1;
      await pager.getByText(`Rows ${(pages - 1) * 25 + 1}–`).waitFor();
    }

    expect(pages).toBe(LARGE_DATASET_SAMPLES / 25);
    expect(await pager.textContent()).toContain("Rows 976–1,000 of 1,000");
    expect(await page.locator("table.samples tbody th").last().textContent()).toMatch(/-099$/);
  });

  it("jumps to a row and a label with 500 samples per page", async () => {
    const page = await newSignedInPage(browser, stack, { width: 1280, height: 1000 });
    await page.goto(`${web.url}/datasets/${largeDatasetId}`);
    const pager = page.getByRole("navigation", { name: "Sample pages" });
    const labels = page.locator("table.samples tbody th");
    await pager.getByText("Rows 1–25 of 1,000").waitFor({ timeout: 30_000 });

    await pager.getByLabel("Rows per page").selectOption("500");
    await pager.getByText("Rows 1–500 of 1,000").waitFor();
    expect(await labels.count()).toBe(500);

    // Copy c of the 10 demo ashes fills rows 10c + 1 to 10c + 10, so row 601 is "13-060".
    await pager.getByLabel("Row number").fill("601");
    await pager.getByRole("button", { name: "Go" }).click();
    await pager.getByText("Rows 601–1,000 of 1,000").waitFor();
    expect(await labels.count()).toBe(400);
    expect(await labels.first().textContent()).toBe("13-060");

    // "50" is the fifth demo ash, so "50-042" is row 425.
    await pager.getByLabel("Go to", { exact: true }).selectOption("label");
    await pager.getByLabel("Sample label").fill("50-042");
    await pager.getByRole("button", { name: "Go" }).click();
    await pager.getByText("Rows 425–924 of 1,000").waitFor();
    expect(await labels.count()).toBe(500);
    expect(await labels.first().textContent()).toBe("50-042");
    expect(await labels.last().textContent()).toBe("34-092");

    await pager.getByLabel("Sample label").fill("50-100");
    await pager.getByRole("button", { name: "Go" }).click();
    await page.getByRole("alert").getByText('sample label "50-100" not found').waitFor();
    expect(await labels.first().textContent()).toBe("50-042");
  });
});
