import { mkdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { importUsDemo, startSmallRun, waitForRun } from "../support/runs.js";
import { seedRuns } from "../support/seedRuns.js";
import { startTestStack, type TestStack } from "../support/startTestStack.js";
import {
  newSignedInPage,
  startWebAndBrowser,
  stopBrowserTest,
  type TestWeb,
} from "../support/startWeb.js";

const outputDir = fileURLToPath(new URL("../output/", import.meta.url));
const SEEDED_RUNS = 1000;

let stack: TestStack;
let web: TestWeb;
let browser: Browser;
let datasetId: string;
let trainedIds: string[];

beforeAll(async () => {
  stack = await startTestStack();
  ({ web, browser } = await startWebAndBrowser(stack.apiUrl));
  await mkdir(outputDir, { recursive: true });
  datasetId = await importUsDemo(stack.apiUrl);
  // Two runs that differ in their network, trained for real.
  trainedIds = [
    await startSmallRun(stack.apiUrl, datasetId, { name: "Wide network" }),
    await startSmallRun(stack.apiUrl, datasetId, {
      name: "Narrow network",
      network: { epochs: 50, hiddenUnits: [8] },
    }),
  ];
  for (const id of trainedIds) {
    expect((await waitForRun(stack.apiUrl, id)).status).toBe("SUCCEEDED");
  }
});

afterAll(() => stopBrowserTest({ browser, web, stack }));

async function openPage(path: string, height = 1400): Promise<Page> {
  const page = await newSignedInPage(browser, stack, { width: 1280, height });
  await page.goto(`${web.url}${path}`);

  return page;
}

describe("run comparison", () => {
  it("compares runs picked from the list", async () => {
    const page = await openPage("/runs");
    for (const name of ["Wide network", "Narrow network"]) {
      await page.getByLabel(`Select ${name} for comparison`).check();
    }

    await page.getByRole("button", { name: "Compare selected runs" }).click();
    await page.waitForURL(/\/runs\/compare\?ids=/);
    await page.locator(".parity-grid-point").first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: `${outputDir}run-comparison.png`, fullPage: true });

    const differing = await page.locator("tr.differs th").allTextContents();
    // 2 repetitions x 2 test samples of the total REE, per run.
    expect(await page.locator(".parity-grid-point").count()).toBe(8);
    expect(await page.locator('.parity-grid-point[data-series="1"]').count()).toBe(4);
    expect(differing).toEqual(["Hidden units differs"]);
    // 17 targets x 2 runs, each with a test R2 bar or an n/a mark.
    expect(
      (await page.locator(".metric-bar").count()) + (await page.locator(".metric-missing").count()),
    ).toBe(34);
    expect(await page.getByText("Test R² (dimensionless)").count()).toBeGreaterThan(0);
  });

  it("explains a comparison of fewer than two runs", async () => {
    const page = await openPage(`/runs/compare?ids=${trainedIds[0]}`);

    await expect(page.getByText("A comparison needs at least 2 runs.").waitFor()).resolves.toBe(
      undefined,
    );
  });
});

describe("run page study charts", () => {
  it("draws the parity grid of every target and exports it", async () => {
    const page = await openPage(`/runs/${trainedIds[0]}`, 1800);
    await page.locator(".parity-grid-panel").first().waitFor({ timeout: 30_000 });
    await page.locator("#study-charts-heading").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${outputDir}run-study-charts.png`, fullPage: true });

    const exportButton = (format: string) =>
      page.getByRole("button", { name: `Download Parity grid of every target as ${format}` });
    const [svgDownload] = await Promise.all([
      page.waitForEvent("download"),
      exportButton("SVG").click(),
    ]);
    const [pngDownload] = await Promise.all([
      page.waitForEvent("download"),
      exportButton("PNG").click(),
    ]);
    const svgText = await readFile((await svgDownload.path())!, "utf8");
    const pngBytes = await readFile((await pngDownload.path())!);

    // The total REE and 16 REEs, each from 2 model kinds x 2 repetitions x 2 test samples.
    expect(await page.locator(".parity-grid-panel").count()).toBe(17);
    expect(await page.locator(".parity-grid-point").count()).toBe(17 * 8);
    expect(svgDownload.suggestedFilename()).toBe("parity-grid-of-every-target.svg");
    expect(svgText).toMatch(/^<\?xml[^>]*>\n<svg[^>]*class="parity-grid"/);
    expect(svgText).not.toContain("NaN");
    expect(pngDownload.suggestedFilename()).toBe("parity-grid-of-every-target.png");
    expect(pngBytes.subarray(1, 4).toString()).toBe("PNG");
  });
});

describe("data set correlations", () => {
  it("switches the heat map between Pearson and Spearman", async () => {
    const page = await openPage(`/datasets/${datasetId}`, 1600);
    await page.locator(".correlation-cell").first().waitFor({ timeout: 30_000 });
    await page.locator("#correlations-heading").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${outputDir}dataset-correlations.png`, fullPage: true });
    const pearsonTitle = await page.locator(".correlation-cell title").nth(1).textContent();
    await page.getByLabel("Spearman (rank)").check();
    await page.getByText("Spearman ρ between every two").waitFor();
    const spearmanTitle = await page.locator(".correlation-cell title").nth(1).textContent();

    // 10 oxides, the total REE and 16 REEs.
    expect(await page.locator(".correlation-cell").count()).toBe(27 * 27);
    expect(pearsonTitle).toMatch(/^SiO2 and Al2O3: Pearson r /);
    expect(spearmanTitle).toMatch(/^SiO2 and Al2O3: Spearman ρ /);
  });
});

describe("run list at a thousand runs", () => {
  it("renders few rows and scrolls to the last run", async () => {
    const start = Date.UTC(2026, 0, 1);
    await seedRuns(
      stack.prisma,
      Array.from({ length: SEEDED_RUNS }, (_, i) => ({
        datasetId,
        name: `Seeded run ${String(i).padStart(4, "0")}`,
        status: (["QUEUED", "RUNNING", "SUCCEEDED", "FAILED"] as const)[i % 4]!,
        testR2Total: i % 4 === 2 ? (i % 97) / 100 : null,
        // Older than the trained runs, the oldest last in the default order.
        createdAt: new Date(start + i * 60_000),
      })),
    );
    const page = await openPage("/runs", 1000);
    const rows = page.locator("tr[data-run-id]");
    await rows.first().waitFor();
    await page.getByText(`${SEEDED_RUNS + 2} runs match`).waitFor();
    const renderedAtTop = await rows.count();

    const last = page.locator("tr[data-run-id]", { hasText: "Seeded run 0000" });
    const scroller = page.locator(".run-scroll");
    for (let step = 0; step < 60 && (await last.count()) === 0; step++) {
      await scroller.evaluate((element) => element.scrollTo(0, element.scrollHeight));
      await page.waitForTimeout(150);
    }

    await last.waitFor({ timeout: 5000 });
    const renderedAtEnd = await rows.count();
    await page.screenshot({ path: `${outputDir}run-list-end.png` });

    expect(renderedAtTop).toBeGreaterThan(5);
    expect(renderedAtTop).toBeLessThan(60);
    expect(renderedAtEnd).toBeLessThan(60);
    expect(await page.locator('tr[data-index="1001"]').count()).toBe(1);
  });

  it("sorts, filters and moves between rows with the keyboard", async () => {
    const page = await openPage("/runs", 1000);
    await page.locator("tr[data-run-id]").first().waitFor();
    await page.getByRole("button", { name: "Name" }).click();
    await page.locator('th[aria-sort="ascending"]', { hasText: "Name" }).waitFor();
    await page.locator('tr[data-index="0"]', { hasText: "Narrow network" }).waitFor();

    await page.locator('tr[data-index="0"] a').first().focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    const focusedRow = await page.evaluate(
      () => document.activeElement?.closest("tr")?.getAttribute("data-index") ?? null,
    );
    await page.getByLabel("Name contains").fill("run 0999");
    await page.getByText("1 run matches").waitFor();
    await page.screenshot({ path: `${outputDir}run-list-filtered.png` });

    expect(focusedRow).toBe("2");
    expect(await page.locator("tr[data-run-id]").allTextContents()).toEqual([
      expect.stringContaining("Seeded run 0999"),
    ]);
  });
});
