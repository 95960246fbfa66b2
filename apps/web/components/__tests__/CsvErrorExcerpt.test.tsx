// @vitest-environment jsdom
import { describe, expect, it } from "vitest";

import { CsvErrorExcerpt } from "../CsvErrorExcerpt";
import { cellTexts, renderMarkup } from "./renderMarkup";

const HEADER = ["sample_id", "a", "b", "c", "d", "e", "f", "g", "h", "i"];
const CELLS = ["S1", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

describe("CsvErrorExcerpt", () => {
  it("shows the columns around the named one", () => {
    const excerpt = renderMarkup(
      <CsvErrorExcerpt row={{ fileLine: 7, header: HEADER, cells: CELLS, columnIndex: 5 }} />,
    );
    const [head, row] = [...excerpt.querySelectorAll("tr")];

    expect(cellTexts(head!)).toEqual(["Line", "sample_id", "…", "c", "d", "e", "f", "g", "…"]);
    expect(cellTexts(row!)).toEqual(["7", "S1", "…", "3", "4", "5", "6", "7", "…"]);
    expect(excerpt.querySelectorAll("mark")).toHaveLength(1);
    expect(excerpt.querySelector("mark")?.textContent).toBe("5");
  });

  it("marks the whole row without a column", () => {
    const excerpt = renderMarkup(
      <CsvErrorExcerpt row={{ fileLine: 2, header: HEADER, cells: CELLS, columnIndex: null }} />,
    );

    expect(excerpt.querySelectorAll("mark")).toHaveLength(8);
    expect(excerpt.querySelector("p")?.textContent).toBe("Line 2 of the file:");
  });

  it("names empty and missing cells", () => {
    const excerpt = renderMarkup(
      <CsvErrorExcerpt
        row={{ fileLine: 3, header: ["sample_id", "a", "b"], cells: ["S1", ""], columnIndex: 1 }}
        value=""
      />,
    );

    expect(excerpt.querySelector("mark")?.textContent).toBe("(empty)");
  });

  it("cuts long cells and keeps the text in the title", () => {
    const long = "coal ash (EPRI/NETL/DOE set; ash type not given)";
    const excerpt = renderMarkup(
      <CsvErrorExcerpt
        row={{
          fileLine: 3,
          header: ["sample_id", "material", "x"],
          cells: ["S1", long, "y"],
          columnIndex: 2,
        }}
      />,
    );
    const cut = excerpt.querySelector(`span[title="${long}"]`);

    expect(cut?.textContent).toBe("coal ash (EPRI/NETL/DOE…");
  });
});
