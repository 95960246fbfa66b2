import { describe, expect, it } from "vitest";

import { columnLabel, modelKindLabel, modelTitle, oxideFormula, targetName } from "../labels";

describe("columnLabel", () => {
  it.each([
    ["Al2O3_mol_pct", "Al2O3"],
    ["La2O3_ppm_mol", "La2O3"],
    ["REE_total_ppm_mol", "REE total"],
    ["coal_rank", "coal rank"],
  ])("labels %s as %s", (column, expected) => {
    expect(columnLabel(column)).toBe(expected);
  });
});

describe("oxideFormula", () => {
  it("strips the unit suffix of a column name", () => {
    expect(oxideFormula("Al2O3_mol_pct")).toBe("Al2O3");
    expect(oxideFormula("CaO")).toBe("CaO");
  });
});

describe("targetName", () => {
  it("names the total REE in words", () => {
    expect(targetName("REE_total_ppm_mol")).toBe("total REE");
    expect(targetName("La2O3_ppm_mol")).toBe("La2O3");
  });
});

describe("modelKindLabel", () => {
  it("names a single-task network's one target", () => {
    expect(modelKindLabel("SINGLE_TASK", ["La2O3_ppm_mol"])).toBe("Single-task network (La2O3)");
    expect(modelKindLabel("SINGLE_TASK", ["REE_total_ppm_mol"])).toBe(
      "Single-task network (total REE)",
    );
    expect(modelKindLabel("MULTI_TASK", ["REE_total_ppm_mol", "La2O3_ppm_mol"])).toBe(
      "Multi-task network",
    );
    expect(modelKindLabel("RANDOM_FOREST")).toBe("Random forest");
  });
});

describe("modelTitle", () => {
  it("replaces the API's kind value that starts a run's model name", () => {
    expect(modelTitle({ name: "MULTI_TASK from Small evaluation", kind: "MULTI_TASK" })).toBe(
      "Multi-task network from Small evaluation",
    );
    expect(
      modelTitle({
        name: "SINGLE_TASK from Lab run",
        kind: "SINGLE_TASK",
        targets: ["La2O3_ppm_mol"],
      }),
    ).toBe("Single-task network (La2O3) from Lab run");
  });

  it("keeps a name that does not start with the kind", () => {
    expect(modelTitle({ name: "Study ensemble", kind: "MULTI_TASK" })).toBe("Study ensemble");
  });
});
