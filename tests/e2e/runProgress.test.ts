import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";

import { RunJobsDocument } from "@ree/schema/documents";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { graphqlData } from "../support/graphqlRequest.js";
import { importUsDemo, startSmallRun, waitForRun } from "../support/runs.js";
import { startTestStack, type TestStack } from "../support/startTestStack.js";
import {
  newSignedInPage,
  startWebAndBrowser,
  stopBrowserTest,
  type TestWeb,
} from "../support/startWeb.js";

const outputDir = fileURLToPath(new URL("../output/", import.meta.url));
/** How often the test reads the page; the page itself polls the API every 1000 ms. */
const READ_INTERVAL_MS = 100;

let stack: TestStack;
let web: TestWeb;
let browser: Browser;
let datasetId: string;

beforeAll(async () => {
  stack = await startTestStack();
  datasetId = await importUsDemo(stack.apiUrl);
  ({ web, browser } = await startWebAndBrowser(stack.apiUrl));
});

afterAll(() => stopBrowserTest({ browser, web, stack }));

/** Reads the run page's progress bar, from 0 to 1, and the status badge's text. */
async function readRunPage(page: Page): Promise<{ fraction: number; status: string }> {
  const fraction = await page
    .locator("progress")
    .evaluate((element) => (element as HTMLProgressElement).value);
  const status = (await page.locator("h1 .badge").textContent()) ?? "";

  return { fraction, status };
}

/**
 * Reads the page until the progress bar has grown twice while the badge shows Running, and returns
 * the three fractions seen. Fails if the run finishes first or `timeoutMs` passes.
 */
async function watchProgressGrow(page: Page, timeoutMs: number): Promise<number[]> {
  const seen: number[] = [];
  const deadline = Date.now() + timeoutMs;
  while (seen.length < 3) {
    const { fraction, status } = await readRunPage(page);
    if (status !== "Queued" && status !== "Running") {
      throw new Error(`the run ended (${status}) after the page showed only ${seen.join(", ")}`);
    }

    if (status === "Running" && fraction > 0 && fraction > (seen.at(-1) ?? 0)) {
      seen.push(fraction);
    }

    if (Date.now() > deadline) {
      throw new Error(`the progress bar grew only to ${seen.join(", ")} within ${timeoutMs} ms`);
    }

    await page.waitForTimeout(READ_INTERVAL_MS);
  }

  return seen;
}

describe("run progress", () => {
  it("shows live progress of a launched run", async () => {
    const page = await newSignedInPage(browser, stack, { width: 1280, height: 1000 });
    await page.goto(`${web.url}/runs/new?dataset=${datasetId}`);
    await page.getByRole("textbox", { name: "Repetitions" }).waitFor({ timeout: 30_000 });
    // 40 repetitions of 50,000 epochs: about 15 s on 2 idle cores (measured), so several polls.
    await page.getByRole("textbox", { name: "Repetitions" }).fill("40");
    await page.getByRole("textbox", { name: "Epochs" }).fill("50000");
    await page.getByRole("button", { name: "Start the run" }).click();
    await page.waitForURL(/\/runs\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    const runId = new URL(page.url()).pathname.split("/").at(-1) ?? "";

    const fractions = await watchProgressGrow(page, 120_000);
    await mkdir(outputDir, { recursive: true });
    await page.screenshot({ path: `${outputDir}run-progress.png`, fullPage: true });

    // Three distinct values in ascending order: the bar grew twice.
    expect(fractions).toHaveLength(3);
    expect(fractions).toEqual([...new Set(fractions)].sort((a, b) => a - b));
    expect(Math.max(...fractions)).toBeLessThan(1);
    expect(await page.locator(".progress-percent").textContent()).toMatch(/^\d+(\.\d+)? ?%$/);

    const finished = await waitForRun(stack.apiUrl, runId);
    expect(finished.status).toBe("SUCCEEDED");
    await page.locator("h1 .badge", { hasText: "Succeeded" }).waitFor({ timeout: 30_000 });
    expect(await readRunPage(page)).toEqual({ fraction: 1, status: "Succeeded" });
  });

  it("cancels a running run from its page", async () => {
    // 100 repetitions of 100,000 epochs: an estimated minute or more, far longer than the test.
    const runId = await startSmallRun(stack.apiUrl, datasetId, {
      repetitions: 100,
      network: { epochs: 100_000 },
    });
    const page = await newSignedInPage(browser, stack, { width: 1280, height: 1000 });
    const operations: string[] = [];
    page.on("request", (request) => {
      const operationName = /"operationName":"(\w+)"/.exec(request.postData() ?? "")?.[1];
      if (operationName !== undefined) {
        operations.push(operationName);
      }
    });
    await page.goto(`${web.url}/runs/${runId}`);
    await page.locator("h1 .badge", { hasText: "Running" }).waitFor({ timeout: 60_000 });

    await page.getByRole("button", { name: "Cancel run" }).click();
    expect(await page.getByRole("button", { name: "Cancel run" }).count()).toBe(0);
    await page.getByRole("button", { name: "Yes, cancel the run" }).click();
    await page.locator("h1 .badge", { hasText: "Cancelled" }).waitFor({ timeout: 30_000 });

    const { run } = await graphqlData(stack.apiUrl, RunJobsDocument, { id: runId });
    expect(run?.status).toBe("CANCELLED");
    const summary = page.locator(".finished-repetitions");
    await summary.waitFor({ timeout: 30_000 });
    expect(await summary.textContent()).toBe(
      `${run?.finishedRepetitions} of 100 repetitions finished before the run was cancelled.`,
    );
    expect(await page.getByRole("button", { name: /cancel/i }).count()).toBe(0);
    // The Run query carries finishedRepetitions, so the page needs no RunJobs query.
    expect(operations).toContain("Run");
    expect(operations).not.toContain("RunJobs");
    await mkdir(outputDir, { recursive: true });
    await page.screenshot({ path: `${outputDir}run-cancelled.png`, fullPage: true });

    // A polling page requests the run every 1000 ms, so three intervals without a request show that
    // it stopped. Only this absence needs a fixed wait.
    const runRequests: string[] = [];
    page.on("request", (request) => {
      if (request.postData()?.includes('"operationName":"Run"')) {
        runRequests.push(request.url());
      }
    });
    await page.waitForTimeout(3000);
    expect(runRequests).toEqual([]);
  });
});
