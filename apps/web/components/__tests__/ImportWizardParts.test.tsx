// @vitest-environment jsdom
import type { ImportColumnReading, ImportPreviewResult } from "@ree/schema/documents";
import { describe, expect, it } from "vitest";

import { ImportMappingTable } from "../ImportMappingTable";
import { ImportReportView } from "../ImportReportView";
import { cellTexts, renderMarkup } from "./renderMarkup";

const COLUMNS: ImportColumnReading[] = [
  {
    header: "Sample",
    role: "id",
    quantity: null,
    unit: null,
    confidence: "high",
    reason: "sample id",
  },
  {
    header: "SiO2 (wt%)",
    role: "feature",
    quantity: "SiO2",
    unit: "wt%",
    confidence: "high",
    reason: "SiO2 in wt%",
  },
  {
    header: "Sm ppb",
    role: "target",
    quantity: "Sm",
    unit: "ppb",
    confidence: "high",
    reason: "Sm in ppb",
  },
];

const REPORT: ImportPreviewResult["report"] = {
  rowCount: 3,
  sampleCount: 2,
  errorCount: 1,
  warningCount: 0,
  problems: [
    {
      severity: "error",
      row: 4,
      column: "SiO2 (wt%)",
      value: "1.234",
      reason: '"1.234" is ambiguous',
      fix: "declare the decimal separator",
    },
  ],
};

describe("ImportMappingTable", () => {
  it("shows each proposal with role, quantity and unit", () => {
    const table = renderMarkup(
      <ImportMappingTable columns={COLUMNS} overrides={{}} onOverride={() => undefined} />,
    );
    const silica = table.querySelector('tr[data-header="SiO2 (wt%)"]');

    expect(silica?.querySelector<HTMLSelectElement>("select")?.value).toBe("feature");
    expect(silica?.querySelector<HTMLInputElement>("input")?.value).toBe("SiO2");
    expect(table.querySelector('tr[data-header="Sample"] input')?.hasAttribute("disabled")).toBe(
      true,
    );
  });

  it("shows the user's reading in place of the proposal", () => {
    const overrides = {
      "Sm ppb": { header: "Sm ppb", role: "ignored", quantity: "Sm", unit: "ppb" },
    };
    const table = renderMarkup(
      <ImportMappingTable columns={COLUMNS} overrides={overrides} onOverride={() => undefined} />,
    );
    const row = table.querySelector('tr[data-header="Sm ppb"]');

    expect(row?.querySelector<HTMLSelectElement>("select")?.value).toBe("ignored");
    expect(row?.textContent).toContain("set by you");
  });
});

describe("ImportReportView", () => {
  it("lists each problem with its line and fix", () => {
    const report = renderMarkup(<ImportReportView report={REPORT} rowWord="line" />);

    expect(report.querySelector('[role="status"]')?.textContent).toContain("1 error");
    expect(cellTexts(report.querySelector("tbody tr") ?? document.createElement("tr"))).toEqual([
      "error",
      "4",
      "SiO2 (wt%)",
      "1.234",
      '"1.234" is ambiguous',
      "declare the decimal separator",
    ]);
    expect(report.querySelector("thead")?.textContent).toContain("Line");
  });
});
