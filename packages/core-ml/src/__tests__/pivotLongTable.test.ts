import { describe, expect, it } from "vitest";

import { findLongLayout, pivotLongTable } from "../import/pivotLongTable.js";
import { TableError } from "../table/TableError.js";

const HEADER = ["Sample", "Analyte", "Value", "Unit"];

async function* records(rows: string[][]) {
  for (const [i, cells] of rows.entries()) {
    yield { cells, row: i + 2 };
  }
}

const ROWS = [
  ["CA-01", "SiO2", "49.35", "wt%"],
  ["CA-01", "La", "61.2", "ppm"],
  ["CA-02", "SiO2", "51.10", "wt%"],
  ["CA-02", "La", "58.4", "ppm"],
];

function longLayout() {
  const layout = findLongLayout(HEADER);
  if (layout === undefined) {
    throw new Error(`the header ${HEADER.join(",")} should read as a long table`);
  }

  return layout;
}

describe("pivotLongTable", () => {
  it("turns one row per analyte wide", async () => {
    const wide = await pivotLongTable(HEADER, longLayout(), records(ROWS));

    expect(wide.map(({ cells }) => cells)).toEqual([
      ["Sample", "SiO2 (wt%)", "La (ppm)"],
      ["CA-01", "49.35", "61.2"],
      ["CA-02", "51.10", "58.4"],
    ]);
  });

  it("rejects rows past maxRows", async () => {
    const error: unknown = await pivotLongTable(HEADER, longLayout(), records(ROWS), 3).catch(
      (rejection: unknown) => rejection,
    );

    expect(error).toBeInstanceOf(TableError);
    expect((error as TableError).line).toBe(5);
    expect((error as TableError).message).toMatch(/^row 5: a long table .* at most 3 rows/);
  });
});
