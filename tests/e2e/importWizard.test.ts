import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { DatasetDocument } from "@ree/schema/documents";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { graphqlData } from "../support/graphqlRequest.js";
import { writeLabTable } from "../support/labTable.js";
import { startTestStack, type TestStack } from "../support/startTestStack.js";
import {
  newSignedInPage,
  startWebAndBrowser,
  stopBrowserTest,
  type TestWeb,
} from "../support/startWeb.js";

const outputDir = fileURLToPath(new URL("../output/", import.meta.url));
const fixture = new URL("../fixtures/import/good/wide_wt_ppm.csv", import.meta.url);

let stack: TestStack;
let web: TestWeb;
let browser: Browser;

beforeAll(async () => {
  stack = await startTestStack();
  ({ web, browser } = await startWebAndBrowser(stack.apiUrl));
});

afterAll(() => stopBrowserTest({ browser, web, stack }));

describe("import wizard", () => {
  it("imports a wt% and ppm file after the user maps an unknown column", async () => {
    // The lab's file with one numeric column that no rule recognises.
    const lines = (await readFile(fixture, "utf8")).trim().split("\n");
    const csv = lines
      .map((line, i) => `${line},${i === 0 ? "XRD quartz" : String(10 + i)}`)
      .join("\n");
    const page = await newSignedInPage(browser, stack, { width: 1400, height: 1800 });
    await page.goto(`${web.url}/datasets/import`);

    await page.locator('input[type="file"]').setInputFiles({
      name: "lab_xrf_icpms.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv),
    });
    await page.getByRole("button", { name: "Check the file" }).click();
    await page.getByRole("status").filter({ hasText: "rows read" }).waitFor();

    await mkdir(outputDir, { recursive: true });
    await page.screenshot({ path: `${outputDir}import-wizard-report.png`, fullPage: true });

    expect(await page.getByRole("status").textContent()).toContain("1 error");
    expect(await page.locator(".import-problems").textContent()).toContain("unknown column");
    expect(await page.getByLabel("Unit of SiO2 (wt.%)").inputValue()).toBe("wt%");
    expect(await page.getByLabel("Role of La (ppm)").inputValue()).toBe("target");
    expect(await page.getByRole("button", { name: /^Import/ }).isDisabled()).toBe(true);

    await page.getByLabel("Role of XRD quartz").selectOption("ignored");
    await page.getByRole("button", { name: "Check again" }).click();
    await page.getByRole("status").filter({ hasText: "0 errors" }).waitFor();
    await page.screenshot({ path: `${outputDir}import-wizard.png`, fullPage: true });

    await page.getByLabel("Name").fill("Lab XRF and ICP-MS");
    await page.getByRole("button", { name: "Import 5 samples" }).click();
    await page.waitForURL(/\/datasets\/[0-9a-f-]{36}$/);
    const datasetId = page.url().split("/").at(-1) ?? "";
    const { dataset } = await graphqlData(stack.apiUrl, DatasetDocument, { id: datasetId });

    expect(dataset?.name).toBe("Lab XRF and ICP-MS");
    expect(dataset?.sampleCount).toBe(5);
    expect(dataset?.columns[0]).toEqual({ name: "SiO2_mol_pct", role: "FEATURE", unit: "mol %" });
    expect(dataset?.samples.nodes[0]?.metadata).toMatchObject({ Plant: "Plant A" });
  });

  it("sends a lab table through the upload endpoint", async () => {
    const rows = 20_000;
    const dir = await mkdtemp(join(tmpdir(), "ree-wizard-"));
    const file = join(dir, "lab_table.csv");
    await writeLabTable(file, rows);
    const page = await newSignedInPage(browser, stack, { width: 1400, height: 1800 });
    const graphqlBodies: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).pathname === "/graphql") {
        graphqlBodies.push(request.postData() ?? "");
      }
    });
    await page.goto(`${web.url}/datasets/import`);

    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByRole("radio", { name: "Decimal point" }).check();
    // About 2 s for the 3.3 MB file at 1.5 MB/s, so the progress bar stays up long enough to see.
    const network = await page.context().newCDPSession(page);
    await network.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 1.5 * 1024 * 1024,
    });
    const uploaded = page.waitForResponse((response) => response.url().includes("/uploads?"));
    await page.getByRole("button", { name: "Check the file" }).click();
    await page.getByText("Uploading the file").waitFor();
    expect((await uploaded).status()).toBe(201);
    await page.getByRole("status").filter({ hasText: "0 errors" }).waitFor();
    await page.getByRole("button", { name: `Import ${rows} samples` }).click();
    await page.waitForURL(/\/datasets\/[0-9a-f-]{36}$/);
    await rm(dir, { recursive: true, force: true });

    const datasetId = page.url().split("/").at(-1) ?? "";
    const imports = graphqlBodies.filter((body) => body.includes("uploadId"));
    expect(imports.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...graphqlBodies.map((body) => body.length))).toBeLessThan(64 * 1024);
    expect(await stack.prisma.sample.count({ where: { datasetId } })).toBe(rows);

    const link = page.getByRole("link", { name: "wt% and ppm" });
    const download = await page.request.get((await link.getAttribute("href")) ?? "");
    expect(download.status()).toBe(200);
    expect((await download.text()).trimEnd().split("\n")).toHaveLength(rows + 1);
  });
});
