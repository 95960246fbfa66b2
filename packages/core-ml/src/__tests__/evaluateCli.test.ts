import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

import { describe, expect, it } from "vitest";

import { POLISH_FILE } from "./fixtures.js";

const run = promisify(execFile);
const cli = fileURLToPath(new URL("../../dist/cli/evaluate.js", import.meta.url));
const dataFile = fileURLToPath(new URL(`../../../../data/${POLISH_FILE}`, import.meta.url));

describe("ree-evaluate", () => {
  it("writes results as JSON", async () => {
    const folder = await mkdtemp(join(tmpdir(), "ree-evaluate-"));
    const config = join(folder, "config.json");
    const out = join(folder, "results.json");
    await writeFile(config, JSON.stringify({ models: ["LINEAR"], network: { epochs: 5 } }));

    const { stderr } = await run("node", [
      cli,
      dataFile,
      "--config",
      config,
      "--repetitions",
      "3",
      "--out",
      out,
    ]);
    const written = JSON.parse(await readFile(out, "utf8")) as {
      config: { repetitions: number };
      results: { kind: string; predictions: unknown[] }[];
    };

    expect(stderr).toMatch(/12 samples, 6 features, 17 targets; 3 repetitions of LINEAR/);
    expect(written.config.repetitions).toBe(3);
    expect(written.results[0]?.kind).toBe("LINEAR");
    expect(written.results[0]?.predictions).toHaveLength(36);
  });

  it("reports a bad cell without a stack trace", async () => {
    const folder = await mkdtemp(join(tmpdir(), "ree-evaluate-"));
    const table = join(folder, "bad.csv");
    await writeFile(table, "sample_id,SiO2_mol_pct,La2O3_ppm_mol\na,50,1\nb,x,2\n");

    await expect(run("node", [cli, table])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(
        /^error: line 3 \(sample "b"\), column "SiO2_mol_pct": "x" is not a number/,
      ),
    });
  });

  it("rejects a non-integer seed", async () => {
    await expect(run("node", [cli, dataFile, "--seed", "1.5"])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/--seed must be an integer, got "1.5"/),
    });
  });
});
