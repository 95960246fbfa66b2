import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { openAsBlob } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { type ApiServer, createLogger, createServer } from "@ree/api";
import { createTenantPrismaClient, type PrismaClient } from "@ree/db";
import { ImportDatasetDocument, PreviewImportDocument } from "@ree/schema/documents";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { graphqlData, graphqlRequest } from "../support/graphqlRequest.js";
import { writeLabTable } from "../support/labTable.js";
import { readDataFile, US_DEMO_FILE } from "../support/runs.js";
import { expectSameSamples } from "../support/samples.js";
import { startTestStack, type TestStack, type TestUser } from "../support/startTestStack.js";

const LARGE_ROWS = 100_000;

let stack: TestStack;
let origin: string;
let workDir: string;
let uploadDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), "ree-upload-test-"));
  uploadDir = join(workDir, "uploads");
  stack = await startTestStack({
    worker: false,
    uploads: { directory: uploadDir, maxBytes: 32 * 1024 * 1024, ttlMinutes: 60 },
  });
  origin = new URL(stack.apiUrl).origin;
});

afterAll(async () => {
  await stack?.stop();
  await rm(workDir, { recursive: true, force: true });
});

interface UploadAnswer {
  id?: string;
  bytes?: number;
  expiresAt?: string;
  error?: string;
  maxBytes?: number;
}

/** Sends a file to POST /uploads with the owner's token unless another is given. */
async function upload(
  body: Blob | string | ReadableStream<Uint8Array>,
  name: string,
  token = stack.owner.token,
  url = origin,
): Promise<{ status: number; answer: UploadAnswer }> {
  const response = await fetch(`${url}/uploads?name=${encodeURIComponent(name)}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
    body,
    duplex: "half",
  } as RequestInit);

  return { status: response.status, answer: (await response.json()) as UploadAnswer };
}

async function uploadId(body: Blob | string, name: string, token?: string): Promise<string> {
  const { status, answer } = await upload(body, name, token);
  expect(status, JSON.stringify(answer)).toBe(201);

  return answer.id ?? "";
}

function exportCsv(datasetId: string, units: string, token = stack.owner.token) {
  return fetch(`${origin}/datasets/${datasetId}/export.csv?units=${units}`, {
    headers: { authorization: `Bearer ${token}` },
  });
}

describe("POST /uploads", () => {
  it("imports and exports 100,000 rows over HTTP", async () => {
    const file = join(workDir, "lab_table.csv");
    await writeLabTable(file, LARGE_ROWS);
    const blob = await openAsBlob(file);
    expect(blob.size).toBeGreaterThan(8 * 1024 * 1024);

    const id = await uploadId(blob, "lab_table.csv");
    const { importDataset } = await graphqlData(stack.apiUrl, ImportDatasetDocument, {
      input: { name: "large lab table", uploadId: id, options: { decimalSeparator: "." } },
    });

    expect(importDataset.sampleCount).toBe(LARGE_ROWS);
    expect(await stack.prisma.sample.count({ where: { datasetId: importDataset.id } })).toBe(
      LARGE_ROWS,
    );
    expect(await readdir(uploadDir)).not.toContain(`${id}.upload`);

    const response = await exportCsv(importDataset.id, "MOLAR");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const lines = (await response.text()).trimEnd().split("\n");
    expect(lines).toHaveLength(LARGE_ROWS + 1);
    expect(lines.at(-1)).toMatch(/^S100000,/);
  });

  it("deletes the upload once imported", async () => {
    const id = await uploadId(await readDataFile(US_DEMO_FILE), US_DEMO_FILE);
    await graphqlData(stack.apiUrl, ImportDatasetDocument, {
      input: { name: "imported once", uploadId: id },
    });
    const { errors } = await graphqlRequest(stack.apiUrl, ImportDatasetDocument, {
      input: { name: "imported twice", uploadId: id },
    });

    expect(errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("previews an upload by id", async () => {
    const id = await uploadId(await readDataFile(US_DEMO_FILE), US_DEMO_FILE);
    const { previewImport } = await graphqlData(stack.apiUrl, PreviewImportDocument, {
      uploadId: id,
    });

    expect(previewImport.report.errorCount).toBe(0);
    expect(previewImport.report.sampleCount).toBeGreaterThan(0);
  });

  it("previews an uploaded XLSX sheet", async () => {
    const workbook = await readFile(
      new URL("../fixtures/import/good/wide_wt_ppm.xlsx", import.meta.url),
    );
    const id = await uploadId(new Blob([workbook]), "wide_wt_ppm.xlsx");
    const { previewImport } = await graphqlData(stack.apiUrl, PreviewImportDocument, {
      uploadId: id,
      sheet: "Results",
    });

    expect(previewImport.report).toMatchObject({ sampleCount: 5, errorCount: 0 });
  });

  it("requires a token or session", async () => {
    const response = await fetch(`${origin}/uploads?name=a.csv`, { method: "POST", body: "x" });

    expect(response.status).toBe(401);
  });

  describe("with a cap of 1 KiB", () => {
    let server: ApiServer;
    let prisma: PrismaClient;
    let smallOrigin: string;

    beforeAll(async () => {
      prisma = createTenantPrismaClient(stack.appDatabaseUrl);
      server = await createServer({
        prisma,
        logger: createLogger({ level: "warn", pretty: false }),
        uploads: { directory: join(workDir, "small"), maxBytes: 1024, ttlMinutes: 60 },
      });
      smallOrigin = new URL(await server.listen(0)).origin;
    });

    afterAll(async () => {
      await server?.stop();
      await prisma?.$disconnect();
    });

    it("rejects a declared length over the cap", async () => {
      const { status, answer } = await upload("x".repeat(1025), "big.csv", undefined, smallOrigin);

      expect(status).toBe(413);
      expect(answer.maxBytes).toBe(1024);
      expect(answer.error).toMatch(/upload limit of 1024 bytes.*REE_UPLOAD_MAX_BYTES/);
    });

    it("rejects a streamed body over the cap", async () => {
      const chunk = new TextEncoder().encode("y".repeat(600));
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent === 3) {
            controller.close();

            return;
          }

          sent += 1;
          controller.enqueue(chunk);
        },
      });
      const { status, answer } = await upload(body, "big.csv", undefined, smallOrigin);

      expect(status).toBe(413);
      expect(answer.error).toMatch(/REE_UPLOAD_MAX_BYTES/);
      expect(await readdir(join(workDir, "small"))).toEqual([]);
    });
  });
});

describe("uploads of others", () => {
  let colleague: TestUser;
  let stranger: TestUser;

  beforeAll(async () => {
    colleague = await stack.createUser(stack.organizationId, "EDITOR");
    const lab = await stack.prisma.organization.create({
      data: { slug: "other-lab", name: "Other lab" },
    });
    stranger = await stack.createUser(lab.id, "OWNER");
  });

  it.each([
    ["another user of the organisation", () => colleague],
    ["a user of another organisation", () => stranger],
  ])("are not found for %s", async (_who, caller) => {
    const id = await uploadId(await readDataFile(US_DEMO_FILE), US_DEMO_FILE);
    const { token } = caller();
    const preview = await graphqlRequest(
      stack.apiUrl,
      PreviewImportDocument,
      { uploadId: id },
      token,
    );
    const imported = await graphqlRequest(
      stack.apiUrl,
      ImportDatasetDocument,
      { input: { name: "taken", uploadId: id } },
      token,
    );

    expect(preview.errors?.[0]).toMatchObject({
      message: `upload "${id}" not found`,
      extensions: { code: "NOT_FOUND" },
    });
    expect(imported.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(await readdir(uploadDir)).toContain(`${id}.upload`);
  });

  it("exports nothing outside the organisation", async () => {
    const id = await uploadId(await readDataFile(US_DEMO_FILE), US_DEMO_FILE);
    const { importDataset } = await graphqlData(stack.apiUrl, ImportDatasetDocument, {
      input: { name: "kept at home", uploadId: id },
    });

    expect((await exportCsv(importDataset.id, "MOLAR", stranger.token)).status).toBe(404);
    expect((await exportCsv(importDataset.id, "MOLAR", "")).status).toBe(401);
  });
});

describe("a failing import by upload id", () => {
  it("leaves nothing when the last row fails", async () => {
    const file = join(workDir, "bad_tail.csv");
    await writeLabTable(file, 5000);
    const good = await (await openAsBlob(file)).text();
    const bad = `${good}S5001,Appalachian,Plant 1,fly ash,${"oops,".repeat(26)}1\n`;
    const samples = await stack.prisma.sample.count();
    const datasets = await stack.prisma.dataset.count();

    const id = await uploadId(bad, "bad_tail.csv");
    const { errors } = await graphqlRequest(stack.apiUrl, ImportDatasetDocument, {
      input: { name: "bad tail", uploadId: id, options: { decimalSeparator: "." } },
    });

    expect(errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(errors?.[0]?.message).toMatch(/line 5002/);
    expect(await stack.prisma.sample.count()).toBe(samples);
    expect(await stack.prisma.dataset.count()).toBe(datasets);
    expect(
      await stack.prisma.datasetVersion.count({ where: { dataset: { name: "bad tail" } } }),
    ).toBe(0);
  });
});

describe("GET /datasets/:id/export.csv", () => {
  it.each(["MOLAR", "MASS"])("round-trips %s units within 1e-9", async (units) => {
    const csv = await readDataFile(US_DEMO_FILE);
    const { importDataset: stored } = await graphqlData(stack.apiUrl, ImportDatasetDocument, {
      input: { name: `exported ${units}`, uploadId: await uploadId(csv, US_DEMO_FILE) },
    });
    const response = await exportCsv(stored.id, units);
    expect(response.status).toBe(200);
    const exported = await response.text();
    const { importDataset: again } = await graphqlData(stack.apiUrl, ImportDatasetDocument, {
      input: { name: `exported ${units} again`, uploadId: await uploadId(exported, "again.csv") },
    });

    await expectSameSamples(stack.apiUrl, stored.id, again.id);
  });

  it("rejects unknown units", async () => {
    const response = await exportCsv("00000000-0000-0000-0000-000000000000", "PPM");

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'units must be "MOLAR" or "MASS", got "PPM"' });
  });
});
