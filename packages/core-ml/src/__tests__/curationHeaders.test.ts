import { describe, expect, it } from "vitest";

import { proposeColumnMapping } from "../curation/proposeColumnMapping.js";
import { recognizeHeader } from "../curation/recognizeHeader.js";
import { parseTable } from "../table/parseTable.js";
import { readDataFile, US_DEMO_FILE } from "./fixtures.js";

describe("recognizeHeader", () => {
  it.each([
    ["SiO2", "SiO2", "wt%", "FEATURE", "medium"],
    ["SiO2 (wt.%)", "SiO2", "wt%", "FEATURE", "high"],
    ["SiO2 wt%", "SiO2", "wt%", "FEATURE", "high"],
    ["SiO2_wt_pct", "SiO2", "wt%", "FEATURE", "high"],
    ["Al2O3 %", "Al2O3", "wt%", "FEATURE", "medium"],
    ["Al₂O₃ [wt%]", "Al2O3", "wt%", "FEATURE", "high"],
    ["La", "La", "ppm", "TARGET", "medium"],
    ["La (ppm)", "La", "ppm", "TARGET", "high"],
    ["La_ppm", "La", "ppm", "TARGET", "high"],
    ["Sm ppb", "Sm", "ppb", "TARGET", "high"],
    ["Ce mg/kg", "Ce", "mg/kg", "TARGET", "high"],
    ["Ce g/t", "Ce", "ppm", "TARGET", "high"],
    ["Y (µg/g)", "Y", "µg/g", "TARGET", "high"],
    ["Y (μg/g)", "Y", "µg/g", "TARGET", "high"],
    ["Y ug/g", "Y", "µg/g", "TARGET", "high"],
    ["Zr ppm", "Zr", "ppm", "OTHER", "high"],
    ["Al", "Al", "ppm", "FEATURE", "low"],
    ["Fe2O3T", "Fe2O3T", "wt%", "FEATURE", "medium"],
    ["Fe2O3(T) wt%", "Fe2O3T", "wt%", "FEATURE", "high"],
    ["TFe2O3", "Fe2O3T", "wt%", "FEATURE", "medium"],
    ["Fe2O3 total", "Fe2O3T", "wt%", "FEATURE", "medium"],
    ["FeOT (wt%)", "FeOT", "wt%", "FEATURE", "high"],
    ["FeO (wt%)", "FeO", "wt%", "FEATURE", "high"],
    ["LOI (%)", "LOI", "wt%", "OTHER", "medium"],
    ["SO3", "SO3", "wt%", "OTHER", "medium"],
    ["SiO2_mol_pct", "SiO2", "mol %", "FEATURE", "high"],
    ["La2O3_ppm_mol", "La2O3", "ppm (molar)", "TARGET", "high"],
    ["REE_total_ppm_mol", "REE_total", "ppm (molar)", "TARGET", "high"],
    ["SIO2", "SiO2", "wt%", "FEATURE", "low"],
    ["CO", "Co", "ppm", "OTHER", "low"],
  ])("reads %j as %s in %s (%s, %s confidence)", (header, quantity, unit, role, confidence) => {
    expect(recognizeHeader(header)).toMatchObject({
      header,
      kind: "quantity",
      quantity,
      unit,
      role,
      confidence,
    });
  });

  it.each([
    ["Sample ID", "sampleId", "high"],
    ["sample_id", "sampleId", "high"],
    ["ID", "sampleId", "medium"],
    ["Coal rank", "coalRank", "high"],
    ["Boiler type", "boilerType", "high"],
    ["Collection origin", "collectionOrigin", "high"],
    ["Basin", "basin", "high"],
    ["Ash type", "ashType", "high"],
    ["material", "ashType", "medium"],
    ["Power plant", "plant", "high"],
  ])("reads %j as metadata %s", (header, field, confidence) => {
    expect(recognizeHeader(header)).toMatchObject({ kind: "metadata", field, confidence });
  });

  it("reads the ash yield and an analytical total", () => {
    expect(recognizeHeader("Ash (%)")).toMatchObject({ kind: "ashYield", unit: "wt%" });
    expect(recognizeHeader("Total")).toMatchObject({ kind: "total" });
  });

  it.each([
    ["Ash", /may name the ash type or the ash yield; map it by hand/],
    ["country", /"country" is not a known element, oxide or metadata field; map it by hand/],
    ["La (ppt)", /La with unit "ppt", which is not recognised; give the unit by hand/],
  ])("reports %j as unknown", (header, reason) => {
    const proposal = recognizeHeader(header);

    expect(proposal).toMatchObject({ kind: "unknown", confidence: "low" });
    expect(proposal.reason).toMatch(reason);
  });

  it("explains a total-iron and a capitalisation match", () => {
    expect(recognizeHeader("TFe2O3").reason).toMatch(/read as total iron expressed as Fe2O3/);
    expect(recognizeHeader("SIO2").reason).toMatch(/"SIO2" matched SiO2 ignoring capitalisation/);
  });

  it("reads every numeric header of the bundled data as parseTable does", () => {
    const table = parseTable(readDataFile(US_DEMO_FILE));
    for (const column of table.columns) {
      const proposal = recognizeHeader(column.name);

      expect(proposal, column.name).toMatchObject({
        kind: "quantity",
        quantity: column.quantity,
        unit: column.unit,
      });
    }
  });
});

describe("proposeColumnMapping", () => {
  const headers = [
    "Sample ID",
    "SiO2 (wt%)",
    "Al2O3 %",
    "Al (ppm)",
    "FeO",
    "Fe2O3T",
    "country",
    "La ppm",
    "La ppm",
  ];

  it("reports unknown and repeated headers, conflicts and the sample id", () => {
    const mapping = proposeColumnMapping(headers);

    expect(mapping.columns).toHaveLength(headers.length);
    expect(mapping.unknown).toEqual(["country"]);
    expect(mapping.repeatedHeaders).toEqual(["La ppm"]);
    expect(mapping.conflicts).toEqual([
      { element: "Al", headers: ["Al2O3 %", "Al (ppm)"] },
      { element: "Fe", headers: ["FeO", "Fe2O3T"] },
      { element: "La", headers: ["La ppm", "La ppm"] },
    ]);
    expect(mapping.sampleIdColumn).toBe("Sample ID");
  });

  it("applies a user's override", () => {
    const mapping = proposeColumnMapping(headers, {
      overrides: { country: { kind: "metadata", field: "collectionOrigin" } },
    });

    expect(mapping.unknown).toEqual([]);
    expect(mapping.columns[6]).toEqual({
      header: "country",
      kind: "metadata",
      field: "collectionOrigin",
      confidence: "high",
      reason: "set by the user",
    });
  });

  it("reports a table without a sample id", () => {
    expect(proposeColumnMapping(["SiO2", "La"]).sampleIdColumn).toBeUndefined();
  });
});
