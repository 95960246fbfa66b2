import { mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

import { createLogger, seedStudyModels, STUDY_ENSEMBLE_NAME } from "@ree/api";
import { CancelRunDocument } from "@ree/schema/documents";
import type { AxeResults, RunOptions } from "axe-core";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { graphqlData } from "../support/graphqlRequest.js";
import {
  importUsDemo,
  readDataFile,
  startSmallRun,
  US_DEMO_FILE,
  waitForRun,
} from "../support/runs.js";
import { seedRuns } from "../support/seedRuns.js";
import { startTestStack, TEST_PASSWORD, type TestStack } from "../support/startTestStack.js";
import {
  findFreePort,
  newSignedInPage,
  startWeb,
  startWebAndBrowser,
  stopBrowserTest,
  type TestWeb,
} from "../support/startWeb.js";

const outputDir = fileURLToPath(new URL("../output/", import.meta.url));
const axeSource = readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
/** WCAG 2.0 A and AA and WCAG 2.1 AA, as axe-core tags its rules. */
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21aa"];

let stack: TestStack;
let web: TestWeb;
let browser: Browser;
let datasetId: string;
let runId: string;
let seededRunId: string;
let modelId: string;

beforeAll(async () => {
  stack = await startTestStack();
  await seedStudyModels(stack.prisma, stack.organizationId, createLogger({ level: "silent" }));
  datasetId = await importUsDemo(stack.apiUrl);
  runId = await startSmallRun(stack.apiUrl, datasetId, { name: "Small evaluation" });
  expect((await waitForRun(stack.apiUrl, runId)).status).toBe("SUCCEEDED");
  const seeded = await seedRuns(stack.prisma, [
    { datasetId, name: "Queued evaluation", status: "QUEUED", createdAt: new Date() },
  ]);
  seededRunId = seeded[0]!;
  modelId = (await stack.prisma.model.findFirstOrThrow({ where: { name: STUDY_ENSEMBLE_NAME } }))
    .id;
  ({ web, browser } = await startWebAndBrowser(stack.apiUrl));
  await mkdir(outputDir, { recursive: true });
});

afterAll(() => stopBrowserTest({ browser, web, stack }));

/** Returns each page of the dashboard and a selector that matches once its data has loaded. */
function dashboardPages(): { name: string; path: string; ready: string }[] {
  return [
    { name: "overview", path: "/", ready: "#datasets-heading ~ .table-scroll" },
    { name: "data set", path: `/datasets/${datasetId}`, ready: ".correlation-cell" },
    { name: "import wizard", path: "/datasets/import", ready: "form" },
    { name: "runs", path: "/runs", ready: "tr[data-run-id]" },
    { name: "launcher", path: `/runs/new?dataset=${datasetId}`, ready: "button[type=submit]" },
    { name: "run", path: `/runs/${runId}`, ready: ".parity-grid-point" },
    {
      name: "comparison",
      path: `/runs/compare?ids=${runId},${seededRunId}`,
      ready: "#config-diff-heading",
    },
    { name: "models", path: "/models", ready: ".model-catalog" },
    { name: "model", path: `/models/${modelId}`, ready: "dl.model-facts" },
    { name: "predict", path: `/predict?model=${modelId}`, ready: "form" },
  ];
}

/** The part of axe-core's API that the page script exposes. */
interface Axe {
  run(context: Document, options: RunOptions): Promise<AxeResults>;
}

/** Runs axe-core's WCAG 2.1 AA rules on the page and lists each violation by rule and element. */
async function wcagViolations(page: Page, name: string): Promise<string[]> {
  await page.addScriptTag({ content: await axeSource });
  const results = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: Axe }).axe.run(document, {
        runOnly: { type: "tag", values: tags },
      }),
    WCAG_TAGS,
  );

  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) => `${name}: ${violation.id} (${violation.help}) at ${node.target.join(" ")}`,
    ),
  );
}

describe("accessibility", () => {
  it("signs in on a page without WCAG violations", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${web.url}/sign-in`);
    await page.getByLabel("Email").waitFor();
    const violations = await wcagViolations(page, "sign-in");

    await page.getByLabel("Email").fill(stack.owner.email);
    await page.getByLabel("Password").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.locator("#datasets-heading").waitFor({ timeout: 30_000 });

    expect(violations).toEqual([]);
  });

  it("shows every page without WCAG violations", async () => {
    const violations: string[] = [];
    for (const { name, path, ready } of dashboardPages()) {
      const page = await newSignedInPage(browser, stack, { width: 1280, height: 1000 });
      await page.goto(`${web.url}${path}`);
      await page.locator(ready).first().waitFor({ timeout: 30_000 });
      violations.push(...(await wcagViolations(page, name)));
      await page.screenshot({
        path: `${outputDir}page-${name.replace(/ /g, "-")}.png`,
        fullPage: true,
      });
      await page.close();
    }

    expect(violations).toEqual([]);
  });

  it("checks an import report without WCAG violations", async () => {
    const page = await newSignedInPage(browser, stack, { width: 1280, height: 1000 });
    await page.goto(`${web.url}/datasets/import`);
    await page.locator('input[type="file"]').setInputFiles({
      name: US_DEMO_FILE,
      mimeType: "text/csv",
      buffer: Buffer.from(await readDataFile(US_DEMO_FILE)),
    });
    await page.getByRole("button", { name: "Check the file" }).click();
    await page.getByRole("status").filter({ hasText: "rows read" }).waitFor({ timeout: 30_000 });
    const violations = await wcagViolations(page, "import report");
    await page.screenshot({ path: `${outputDir}page-import-report.png`, fullPage: true });

    expect(violations).toEqual([]);
  });
});

/** Name of the focused element as a user would read it: its aria-label, else its text. */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;

    return (element?.getAttribute("aria-label") ?? element?.textContent ?? "").trim();
  });
}

/** Presses Tab until the element named `name` has focus; fails if it is not reached. */
async function tabTo(page: Page, name: string, limit = 400): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press("Tab");
    if ((await focusedName(page)) === name) {
      return;
    }
  }

  throw new Error(`"${name}" was not reached with ${limit} presses of Tab`);
}

/** Outline of the focused element, which the focus ring draws. */
function focusOutline(page: Page): Promise<{ style: string; width: number }> {
  return page.evaluate(() => {
    const style = getComputedStyle(document.activeElement ?? document.body);

    return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) };
  });
}

describe("keyboard", () => {
  it("navigates, compares and opens runs by keyboard", async () => {
    const page = await newSignedInPage(browser, stack, { width: 1280, height: 1000 });
    await page.goto(`${web.url}/`);
    await page.locator("#datasets-heading ~ .table-scroll").waitFor({ timeout: 30_000 });

    await tabTo(page, "Runs");
    const navigationRing = await focusOutline(page);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/runs$/);
    await page.locator("tr[data-run-id]").first().waitFor();
    await tabTo(page, "Select Small evaluation for comparison");
    await page.keyboard.press("Space");
    await tabTo(page, "Select Queued evaluation for comparison");
    await page.keyboard.press("Space");
    await tabTo(page, "Compare selected runs");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/runs\/compare\?ids=/);
    await page.goBack();
    await page.locator("tr[data-run-id]").first().waitFor();
    await tabTo(page, "Small evaluation");
    const rowRing = await focusOutline(page);
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`/runs/${runId}$`));

    expect(navigationRing.style).toBe("solid");
    expect(navigationRing.width).toBeGreaterThanOrEqual(2);
    expect(rowRing.style).toBe("solid");
    expect(rowRing.width).toBeGreaterThanOrEqual(2);
  });

  it("exports a chart with Space", async () => {
    const page = await newSignedInPage(browser, stack, { width: 1280, height: 1000 });
    await page.goto(`${web.url}/runs/${runId}`);
    await page.locator(".parity-grid-point").first().waitFor({ timeout: 30_000 });

    await tabTo(page, "Download Parity grid of every target as SVG");
    const ring = await focusOutline(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.keyboard.press("Space"),
    ]);

    expect(download.suggestedFilename()).toBe("parity-grid-of-every-target.svg");
    expect(ring.style).toBe("solid");
    expect(ring.width).toBeGreaterThanOrEqual(2);
  });

  it("starts a run from the launcher with Enter", async () => {
    const page = await newSignedInPage(browser, stack, { width: 1280, height: 1000 });
    await page.goto(`${web.url}/runs/new?dataset=${datasetId}`);
    await page.getByRole("button", { name: "Start the run" }).waitFor({ timeout: 30_000 });

    await tabTo(page, "Start the run");
    const ring = await focusOutline(page);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/runs\/(?!new)[^/?]+$/);
    const startedId = new URL(page.url()).pathname.split("/").at(-1)!;
    // The default config trains for minutes; the test only needs the run to exist.
    await graphqlData(stack.apiUrl, CancelRunDocument, { id: startedId });

    expect(startedId).not.toBe(runId);
    expect(ring.style).toBe("solid");
    expect(ring.width).toBeGreaterThanOrEqual(2);
  });
});

describe("API unreachable", () => {
  it("shows a readable error on every page", async () => {
    // Nothing listens on this port, so every request of the dashboard fails to connect.
    const deadApiUrl = `http://127.0.0.1:${await findFreePort()}/graphql`;
    const deadWeb = await startWeb(deadApiUrl);
    const missing: string[] = [];
    try {
      const signIn = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await signIn.goto(`${deadWeb.url}/sign-in`);
      await signIn.getByLabel("Email").fill(stack.owner.email);
      await signIn.getByLabel("Password").fill(TEST_PASSWORD);
      await signIn.getByRole("button", { name: "Sign in" }).click();
      const signInError = await signIn
        .getByRole("alert")
        .filter({ hasText: deadApiUrl })
        .waitFor({ timeout: 10_000 })
        .then(() => true)
        .catch(() => false);
      if (!signInError) {
        missing.push("sign-in");
      }

      await signIn.close();
      for (const { name, path } of dashboardPages()) {
        const page = await newSignedInPage(browser, stack, { width: 1280, height: 1000 });
        await page.goto(`${deadWeb.url}${path}`);
        const alert = page.getByRole("alert").filter({ hasText: deadApiUrl }).first();
        const isShown = await alert
          .waitFor({ timeout: 10_000 })
          .then(() => true)
          .catch(() => false);
        if (!isShown) {
          missing.push(name);
          await page.screenshot({ path: `${outputDir}api-down-${name.replace(/ /g, "-")}.png` });
        }

        await page.close();
      }
    } finally {
      deadWeb.stop();
    }

    expect(missing).toEqual([]);
  });
});

describe("empty lab", () => {
  it("shows an empty state on each list", async () => {
    const lab = await stack.prisma.organization.create({
      data: { slug: "empty-lab", name: "Empty lab" },
    });
    const owner = await stack.createUser(lab.id, "OWNER", "empty@example.org");
    const expected: [path: string, text: string][] = [
      ["/", "No data sets yet."],
      ["/", "No runs yet."],
      ["/", "No models yet."],
      ["/runs", "No runs yet."],
      ["/runs/new", "No data sets yet."],
      ["/models", "No models yet."],
      ["/predict", "No models yet."],
    ];
    const missing: string[] = [];
    const page = await newSignedInPage(browser, { apiUrl: stack.apiUrl, owner });
    for (const [path, text] of expected) {
      await page.goto(`${web.url}${path}`);
      const isShown = await page
        .getByText(text)
        .first()
        .waitFor({ timeout: 10_000 })
        .then(() => true)
        .catch(() => false);
      if (!isShown) {
        missing.push(`${path}: ${text}`);
      }
    }

    expect(missing).toEqual([]);
  });
});
