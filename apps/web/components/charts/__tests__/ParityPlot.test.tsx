// @vitest-environment jsdom
import type { SamplePrediction } from "@ree/schema/documents";
import { act } from "react";
import { createRoot } from "react-dom/client";
import { afterEach, describe, expect, it } from "vitest";

import { ParityPlot } from "../ParityPlot";

// Tells React that this environment wraps updates in act(), as testing libraries do.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const POINTS: SamplePrediction[] = [
  { sampleLabel: "S1", repetition: 1, split: "TRAIN", measured: 120, predicted: 131 },
  { sampleLabel: "S2", repetition: 1, split: "TEST", measured: 210, predicted: 198 },
];

const containers: HTMLElement[] = [];

afterEach(() => {
  for (const container of containers.splice(0)) {
    container.remove();
  }
});

async function mount(element: React.ReactElement) {
  const container = document.createElement("div");
  document.body.append(container);
  containers.push(container);
  const root = createRoot(container);
  await act(async () => root.render(element));

  return { container, root };
}

describe("ParityPlot", () => {
  it("mounts the SVG after render", async () => {
    const { container } = await mount(<ParityPlot points={POINTS} />);

    expect(container.querySelectorAll("svg[role='img']")).toHaveLength(1);
    expect(container.querySelectorAll("circle.parity-point")).toHaveLength(2);
  });

  it("replaces the SVG when the points change", async () => {
    const { container, root } = await mount(<ParityPlot points={POINTS} />);
    await act(async () => root.render(<ParityPlot points={POINTS.slice(0, 1)} />));

    expect(container.querySelectorAll("svg")).toHaveLength(1);
    expect(container.querySelectorAll("circle.parity-point")).toHaveLength(1);
  });

  it("removes the SVG on unmount", async () => {
    const { container, root } = await mount(<ParityPlot points={POINTS} />);
    await act(async () => root.unmount());

    expect(container.querySelector("svg")).toBeNull();
  });
});
