import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { importUsDemo } from "../support/runs.js";
import { seedDatasetCopies } from "../support/seedCopies.js";
import { startTestStack, type TestStack } from "../support/startTestStack.js";
import { launchBrowser, newSignedInPage, startWeb, type TestWeb } from "../support/startWeb.js";

/** More rows than the largest page, 500, that a picker could once list. */
const SEEDED_ROWS = 520;

let stack: TestStack;
let web: TestWeb;
let browser: Browser;
let oldestId: string;

beforeAll(async () => {
  stack = await startTestStack({ worker: false });
  oldestId = await importUsDemo(stack.apiUrl, "Oldest lab ashes");
  // The copies are newer than the imported data set, which ends every newest-first list.
  await stack.prisma.dataset.update({
    where: { id: oldestId },
    data: { createdAt: new Date(Date.UTC(2024, 0, 1)) },
  });
  await seedDatasetCopies(stack.prisma, oldestId, {
    count: SEEDED_ROWS,
    prefix: "Seeded data set",
    oldest: new Date(Date.UTC(2025, 0, 1)),
  });
  web = await startWeb(stack.apiUrl);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  web?.stop();
  await stack?.stop();
});

describe("data set picker", () => {
  it("finds the oldest of 521 data sets by typing", async () => {
    const page = await newSignedInPage(browser, stack, { width: 1280, height: 1000 });
    await page.goto(`${web.url}/runs/new`);
    const picker = page.getByRole("combobox", { name: "Data set" });
    await picker.waitFor({ timeout: 30_000 });

    // The newest data set is chosen first; its name shows once its columns have loaded.
    await expect.poll(() => picker.inputValue(), { timeout: 30_000 }).toBe("Seeded data set 519");
    await picker.fill("oldest LAB");
    const matches = page.getByRole("listbox", { name: "Matching data sets" }).getByRole("option");
    const option = matches.filter({ hasText: "Oldest lab ashes" });
    await option.waitFor();
    expect(await matches.count()).toBe(1);

    await picker.press("ArrowDown");
    expect(await option.getAttribute("aria-selected")).toBe("true");
    await picker.press("Enter");
    await page.waitForURL(`**/runs/new?dataset=${oldestId}`);
    await expect.poll(() => picker.inputValue(), { timeout: 30_000 }).toBe("Oldest lab ashes");

    await page.locator("button[type=submit]").click();
    await page.waitForURL(/\/runs\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    const run = await stack.prisma.run.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    expect(run.datasetId).toBe(oldestId);
  });

  it("pages through the unfiltered list with the arrow keys", async () => {
    const page = await newSignedInPage(browser, stack, { width: 1280, height: 1000 });
    await page.goto(`${web.url}/runs/new`);
    const picker = page.getByRole("combobox", { name: "Data set" });
    await picker.waitFor({ timeout: 30_000 });
    const matches = page.getByRole("listbox", { name: "Matching data sets" }).getByRole("option");
    await picker.focus();
    await picker.press("ArrowDown");
    await matches.first().waitFor();
    for (let step = 0; step < 20; step++) {
      await picker.press("ArrowDown");
    }

    await matches.nth(20).waitFor();
    expect(await matches.count()).toBe(40);
    await picker.press("Escape");
    expect(await picker.getAttribute("aria-expanded")).toBe("false");
    expect(await picker.inputValue()).toBe("Seeded data set 519");
  });
});
