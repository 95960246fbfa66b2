// @vitest-environment jsdom
import { act, type ReactElement } from "react";
import { createRoot } from "react-dom/client";
import { afterEach, describe, expect, it } from "vitest";

import { ConfusionMatrix } from "../ConfusionMatrix";
import { FeatureEffects } from "../FeatureEffects";
import { NoiseHistogram } from "../NoiseHistogram";
import { ShapBeeswarm } from "../ShapBeeswarm";
import { ShapImportance } from "../ShapImportance";
import { FEATURE_EFFECTS, NOISE, SCREENING, SHAP } from "./analysisFixtures";

// Tells React that this environment wraps updates in act(), as testing libraries do.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const containers: HTMLElement[] = [];

afterEach(() => {
  for (const container of containers.splice(0)) {
    container.remove();
  }
});

async function mount(element: ReactElement) {
  const container = document.createElement("div");
  document.body.append(container);
  containers.push(container);
  const root = createRoot(container);
  await act(async () => root.render(element));

  return { container, root };
}

const CHARTS: [string, ReactElement, string][] = [
  [
    "ShapImportance",
    <ShapImportance key="a" features={SHAP.features} importance={SHAP.importance} />,
    "svg.shap-importance",
  ],
  [
    "ShapBeeswarm",
    <ShapBeeswarm
      key="b"
      features={SHAP.features}
      importance={SHAP.importance}
      samples={SHAP.samples}
    />,
    "svg.shap-beeswarm",
  ],
  ["FeatureEffects", <FeatureEffects key="c" effects={FEATURE_EFFECTS} />, "svg.feature-effects"],
  ["NoiseHistogram", <NoiseHistogram key="d" level={NOISE[0]!} />, "svg.noise-histogram"],
  [
    "ConfusionMatrix",
    <ConfusionMatrix key="e" confusion={SCREENING.confusion} threshold={SCREENING.threshold} />,
    "svg.confusion-matrix",
  ],
];

describe("analysis chart components", () => {
  it.each(CHARTS)("%s mounts its SVG after render", async (_, element, selector) => {
    const { container } = await mount(element);

    expect(container.querySelectorAll(selector)).toHaveLength(1);
    expect(container.querySelector(selector)?.getAttribute("role")).toBe("img");
  });

  it.each(CHARTS)("%s removes its SVG on unmount", async (_, element) => {
    const { container, root } = await mount(element);
    await act(async () => root.unmount());

    expect(container.querySelector("svg")).toBeNull();
  });

  it("replaces the SVG when a prop changes", async () => {
    const { container, root } = await mount(<NoiseHistogram level={NOISE[0]!} />);
    await act(async () => root.render(<NoiseHistogram level={NOISE[1]!} />));

    expect(container.querySelectorAll("svg")).toHaveLength(1);
    expect(container.querySelector(".noise-histogram-title")?.textContent).toBe(
      "Input noise: sd 4 % of each value",
    );
  });

  it("redraws the confusion matrix when a count changes", async () => {
    const { container, root } = await mount(
      <ConfusionMatrix confusion={SCREENING.confusion} threshold={145.2} />,
    );
    await act(async () =>
      root.render(
        <ConfusionMatrix
          confusion={{ ...SCREENING.confusion, truePositives: 4 }}
          threshold={145.2}
        />,
      ),
    );

    expect(container.querySelector(".confusion-count")?.textContent).toBe("4");
  });
});
