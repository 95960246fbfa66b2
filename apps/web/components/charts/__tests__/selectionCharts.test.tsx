// @vitest-environment jsdom
import { type ReactElement, useState } from "react";
import { describe, expect, it } from "vitest";

import { click, mountElement } from "../../__tests__/mountElement";
import { EliminationCurve } from "../EliminationCurve";
import { GridSearchMap } from "../GridSearchMap";
import { KeptProbabilityMap } from "../KeptProbabilityMap";
import { ELIMINATION, GRID } from "./selectionFixtures";

const CHARTS: [string, ReactElement, string][] = [
  [
    "EliminationCurve",
    <EliminationCurve
      key="a"
      counts={ELIMINATION.counts}
      normalizedError={ELIMINATION.normalizedError}
    />,
    "svg.elimination-curve",
  ],
  [
    "KeptProbabilityMap",
    <KeptProbabilityMap
      key="b"
      features={ELIMINATION.features}
      counts={ELIMINATION.counts}
      keptProbability={ELIMINATION.keptProbability}
    />,
    "svg.kept-probability-map",
  ],
  [
    "GridSearchMap",
    <GridSearchMap key="c" points={GRID.points} best={GRID.best} />,
    "svg.grid-search-map",
  ],
];

describe("selection chart components", () => {
  it.each(CHARTS)("%s mounts its SVG after render", async (_, element, selector) => {
    const container = await mountElement(element);

    expect(container.querySelectorAll(selector)).toHaveLength(1);
    expect(container.querySelector(selector)?.getAttribute("role")).toBe("img");
  });

  it("redraws the grid map only when the panels change", async () => {
    function Switcher() {
      const [renders, setRenders] = useState(0);
      // A new array on every render, with new content after the second click.
      const panels = renders < 2 ? [[8, 4]] : [[16, 4]];

      return (
        <>
          <button type="button" onClick={() => setRenders((count) => count + 1)}>
            Render again
          </button>
          <GridSearchMap points={GRID.points} panels={panels} />
        </>
      );
    }

    const container = await mountElement(<Switcher />);
    const first = container.querySelector("svg");
    await click(container.querySelector("button"));

    expect(container.querySelector("svg")).toBe(first);
    await click(container.querySelector("button"));
    expect(container.querySelector("svg")).not.toBe(first);
    expect(container.querySelector(".grid-panel-title")?.textContent).toBe("Hidden layers 16, 4");
  });
});
