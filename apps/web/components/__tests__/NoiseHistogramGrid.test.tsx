// @vitest-environment jsdom
import { describe, expect, it } from "vitest";

import { NOISE } from "../charts/__tests__/analysisFixtures";
import { NoiseHistogramGrid } from "../NoiseHistogramGrid";
import { renderMarkup } from "./renderMarkup";

describe("NoiseHistogramGrid", () => {
  it("shows one model kind's levels in one figure", () => {
    const grid = renderMarkup(
      <NoiseHistogramGrid
        entries={[{ modelLabel: "Multi-task network", levels: NOISE }]}
        unit="ppm (molar)"
      />,
    );

    expect(grid.querySelectorAll("figure")).toHaveLength(1);
    expect(grid.querySelectorAll(".chart")).toHaveLength(2);
    expect(grid.querySelector("figcaption")?.textContent).toContain(
      "an sd of 2 % or 4 % of the value",
    );
  });

  it("shows several model kinds side by side per level", () => {
    const grid = renderMarkup(
      <NoiseHistogramGrid
        entries={[
          { modelLabel: "Single-task network", levels: NOISE },
          { modelLabel: "Multi-task network", levels: NOISE.slice(0, 1) },
        ]}
        unit="ppm (molar)"
      />,
    );
    const figures = [...grid.querySelectorAll("figure")];

    expect(figures).toHaveLength(2);
    expect(figures[0]!.querySelectorAll(".chart")).toHaveLength(2);
    expect(figures[0]!.querySelector("figcaption")?.textContent).toContain(
      "a narrower one means a model kind that is less sensitive to noise",
    );
    expect(figures[1]!.querySelectorAll(".chart")).toHaveLength(1);
    expect(figures[1]!.querySelector(".muted")?.textContent).toBe(
      "Multi-task network: no result for 4 % noise.",
    );
  });
});
