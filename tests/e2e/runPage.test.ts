import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";

import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { importUsDemo, startSmallRun, waitForRun } from "../support/runs.js";
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
  ({ web, browser } = await startWebAndBrowser(stack.apiUrl));
});

afterAll(() => stopBrowserTest({ browser, web, stack }));

describe("run page", () => {
  it("draws the parity plot of a finished run", async () => {
    const datasetId = await importUsDemo(stack.apiUrl);
    const runId = await startSmallRun(stack.apiUrl, datasetId);
    await waitForRun(stack.apiUrl, runId);

    const page = await newSignedInPage(browser, stack, { width: 1280, height: 1600 });
    await page.goto(`${web.url}/runs/${runId}`);
    await page.locator("circle.parity-point").first().waitFor({ timeout: 30_000 });
    await mkdir(outputDir, { recursive: true });
    await page.screenshot({ path: `${outputDir}run-page.png`, fullPage: true });

    // 2 model kinds x 2 repetitions x 10 samples, of which 2 per repetition are test samples.
    expect(await page.locator("circle.parity-point").count()).toBe(40);
    expect(await page.locator('circle.parity-point[data-split="TEST"]').count()).toBe(8);
    expect(await page.getByText("Measured total REE (ppm, molar)").count()).toBeGreaterThan(0);
  });
});
