import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";

import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { importUsDemo } from "../support/runs.js";
import { startTestStack, TEST_PASSWORD, type TestStack } from "../support/startTestStack.js";
import { startWebAndBrowser, stopBrowserTest, type TestWeb } from "../support/startWeb.js";

const outputDir = fileURLToPath(new URL("../output/", import.meta.url));

let stack: TestStack;
let web: TestWeb;
let browser: Browser;

beforeAll(async () => {
  stack = await startTestStack();
  ({ web, browser } = await startWebAndBrowser(stack.apiUrl));
});

afterAll(() => stopBrowserTest({ browser, web, stack }));

describe("sign-in", () => {
  it("signs in and lists only the lab's own data sets", async () => {
    const other = await stack.prisma.organization.create({
      data: { slug: "other-lab", name: "Other lab" },
    });
    const outsider = await stack.createUser(other.id, "OWNER");
    await importUsDemo(stack.apiUrl, "Default lab ashes");
    await importUsDemo(stack.apiUrl, "Other lab ashes", outsider.token);

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${web.url}/sign-in`);
    await page.getByLabel("Email").fill(stack.owner.email);
    await page.getByLabel("Password").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("Default lab ashes").first().waitFor({ timeout: 30_000 });
    await mkdir(outputDir, { recursive: true });
    await page.screenshot({ path: `${outputDir}sign-in-overview.png`, fullPage: true });

    expect(await page.getByText("Other lab ashes").count()).toBe(0);
    expect(await page.getByLabel("Organisation").inputValue()).toContain(stack.organizationId);
  });
});
