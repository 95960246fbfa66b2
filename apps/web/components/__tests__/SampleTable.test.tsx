// @vitest-environment jsdom
import type { DatasetColumn, Sample } from "@ree/schema/documents";
import { describe, expect, it } from "vitest";

import { SampleTable } from "../SampleTable";
import { cellTexts, renderMarkup } from "./renderMarkup";

const COLUMNS: DatasetColumn[] = [
  { name: "Al2O3_mol_pct", role: "FEATURE", unit: "mol %" },
  { name: "REE_total_ppm_mol", role: "TARGET", unit: "ppm (molar)" },
];

const SAMPLES: Sample[] = [
  { id: "s1", label: "Ash 1", position: 0, values: [13.714, 156.96], metadata: {} },
  { id: "s2", label: "Ash 2", position: 1, values: [8], metadata: {} },
];

describe("SampleTable", () => {
  it("heads each column with its quantity and unit", () => {
    const table = renderMarkup(<SampleTable columns={COLUMNS} samples={SAMPLES} />);
    const headers = [...table.querySelectorAll("thead th")];

    expect(headers.map((header) => header.textContent)).toEqual([
      "Sample",
      "Al2O3mol %",
      "REE totalppm (molar)",
    ]);
    expect(headers[1]?.querySelector(".unit")?.textContent).toBe("mol %");
  });

  it("formats values by the column unit", () => {
    const table = renderMarkup(<SampleTable columns={COLUMNS} samples={SAMPLES} />);

    expect(cellTexts(table.querySelectorAll("tbody tr")[0]!)).toEqual(["Ash 1", "13.71", "157.0"]);
  });

  it("marks a value missing from the API", () => {
    const table = renderMarkup(<SampleTable columns={COLUMNS} samples={SAMPLES} />);
    const cells = table.querySelectorAll("tbody tr")[1]!.querySelectorAll("td");

    expect(cells[0]?.textContent).toBe("8.00");
    expect(cells[1]?.querySelector(".missing")).not.toBeNull();
  });
});
