import { spawn, type ChildProcess } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { importUsDemo, startSmallRun, waitForRun } from "../support/runs.js";
import { startTestStack, type TestStack } from "../support/startTestStack.js";

const webDir = fileURLToPath(new URL("../../apps/web/", import.meta.url));
const outputDir = fileURLToPath(new URL("../output/", import.meta.url));
const webPort = 3199;

let stack: TestStack;
let web: ChildProcess;
let browser: Browser;

beforeAll(async () => {
  stack = await startTestStack();
  web = startNext(stack.apiUrl);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  await waitForHttp(`http://127.0.0.1:${webPort}/`);
});

afterAll(async () => {
  await browser?.close();
  if (web?.pid !== undefined) {
    process.kill(-web.pid, "SIGTERM");
  }

  await stack?.stop();
});

describe("run page", () => {
  it("draws the parity plot of a finished run", async () => {
    const datasetId = await importUsDemo(stack.apiUrl);
    const runId = await startSmallRun(stack.apiUrl, datasetId);
    await waitForRun(stack.apiUrl, runId);

    const page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
    await page.goto(`http://127.0.0.1:${webPort}/runs/${runId}`);
    await page.locator("circle.parity-point").first().waitFor({ timeout: 30_000 });
    await mkdir(outputDir, { recursive: true });
    await page.screenshot({ path: `${outputDir}run-page.png`, fullPage: true });

    // 2 model kinds x 2 repetitions x 10 samples, of which 2 per repetition are test samples.
    expect(await page.locator("circle.parity-point").count()).toBe(40);
    expect(await page.locator('circle.parity-point[data-split="TEST"]').count()).toBe(8);
    expect(await page.getByText("Measured total REE (ppm, molar)").count()).toBeGreaterThan(0);
  });
});

function startNext(apiUrl: string): ChildProcess {
  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next", {
    paths: [webDir],
  });

  return spawn(process.execPath, [nextBin, "start", "-p", String(webPort), "-H", "127.0.0.1"], {
    cwd: webDir,
    env: { ...process.env, REE_API_URL: apiUrl, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
    // A process group of its own, so that stopping it also stops the server process it forks.
    detached: true,
  });
}

async function waitForHttp(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) {
        return;
      }
    } catch {
      // The server is not listening yet.
    }

    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  throw new Error(`${url} did not answer within ${timeoutMs} ms; is apps/web built?`);
}
