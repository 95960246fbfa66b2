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

describe("ree-evaluate with baselines", () => {
  it("scores the baselines of a config and leaves their ensembles out", async () => {
    const folder = await mkdtemp(join(tmpdir(), "ree-evaluate-"));
    const config = join(folder, "config.json");
    const out = join(folder, "results.json");
    await writeFile(
      config,
      JSON.stringify({
        targets: ["REE_total_ppm_mol"],
        models: ["LINEAR", "RANDOM_FOREST", "GRADIENT_BOOSTING", "SVR"],
        baselines: { randomForest: { trees: 20 }, svr: { cost: 10 } },
      }),
    );

    await run("node", [cli, dataFile, "--config", config, "--repetitions", "2", "--out", out]);
    const written = JSON.parse(await readFile(out, "utf8")) as {
      config: { baselines: { randomForest: { trees: number }; svr: { cost: number } } };
      results: { kind: string; metrics: { r2: { mean: number } }[]; artifact: unknown }[];
    };

    expect(written.config.baselines.randomForest.trees).toBe(20);
    expect(written.config.baselines.svr.cost).toBe(10);
    expect(written.results.map((result) => result.kind)).toEqual([
      "LINEAR",
      "RANDOM_FOREST",
      "GRADIENT_BOOSTING",
      "SVR",
    ]);
    expect(written.results.map((result) => result.artifact === null)).toEqual([
      false,
      true,
      true,
      true,
    ]);
    for (const result of written.results) {
      expect(Number.isFinite(result.metrics[0]?.r2.mean)).toBe(true);
    }
  });
});
