// @vitest-environment jsdom
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, describe, expect, it } from "vitest";

import { PrecisionRecallCurve } from "../PrecisionRecallCurve";
import { SCREENING } from "./analysisFixtures";

// Tells React that this environment wraps updates in act(), as testing libraries do.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const CURVE = SCREENING.curve;
const containers: HTMLElement[] = [];

afterEach(() => {
  for (const container of containers.splice(0)) {
    container.remove();
  }
});

async function mount(element: React.ReactElement): Promise<{ container: HTMLElement; root: Root }> {
  const container = document.createElement("div");
  document.body.append(container);
  containers.push(container);
  const root = createRoot(container);
  await act(async () => root.render(element));

  return { container, root };
}

function slider(container: HTMLElement): HTMLInputElement {
  return container.querySelector<HTMLInputElement>('input[type="range"]')!;
}

/** Moves the slider as a user would: React listens for "input" events on range inputs. */
async function moveSlider(container: HTMLElement, position: number): Promise<void> {
  const input = slider(container);
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
  await act(async () => {
    setValue.call(input, String(position));
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

function selectedIndex(container: HTMLElement): string | null | undefined {
  return container.querySelector(".pr-selected")?.getAttribute("data-index");
}

describe("PrecisionRecallCurve", () => {
  it("starts at the lowest decision threshold at or above the class threshold", async () => {
    const { container } = await mount(<PrecisionRecallCurve curve={CURVE} threshold={145.2} />);

    // Curve index 7 (156.7 ppm) is position 10 - 1 - 7 = 2, counted from the lowest threshold.
    expect(slider(container).value).toBe("2");
    expect(selectedIndex(container)).toBe("7");
    expect(container.querySelector("output")?.textContent).toBe(
      "Predicted high at ≥ 156.7 ppm (molar): precision 0.75, recall 1.00",
    );
  });

  it("spans every decision threshold", async () => {
    const { container } = await mount(<PrecisionRecallCurve curve={CURVE} threshold={145.2} />);
    const input = slider(container);

    expect(input.min).toBe("0");
    expect(input.max).toBe("9");
    expect(input.step).toBe("1");
    expect(container.querySelector(".threshold-slider-range")?.textContent).toBe(
      "100.6 ppm (molar)265.9 ppm (molar)",
    );
  });

  it("raises the threshold when moved right", async () => {
    const { container } = await mount(<PrecisionRecallCurve curve={CURVE} threshold={145.2} />);
    await moveSlider(container, 9);

    expect(selectedIndex(container)).toBe("0");
    expect(slider(container).getAttribute("aria-valuetext")).toBe("265.9 ppm (molar)");
    expect(container.querySelector("output")?.textContent).toBe(
      "Predicted high at ≥ 265.9 ppm (molar): precision 1.00, recall 0.11",
    );
    expect(container.querySelector(".pr-selection-label")?.textContent).toContain("265.9");
  });

  it("lowers the threshold when moved left", async () => {
    const { container } = await mount(<PrecisionRecallCurve curve={CURVE} threshold={145.2} />);
    await moveSlider(container, 0);

    expect(selectedIndex(container)).toBe("9");
    expect(container.querySelector("output")?.textContent).toBe(
      "Predicted high at ≥ 100.6 ppm (molar): precision 0.47, recall 1.00",
    );
  });

  it("keeps one SVG while the slider moves", async () => {
    const { container } = await mount(<PrecisionRecallCurve curve={CURVE} threshold={145.2} />);
    await moveSlider(container, 5);
    await moveSlider(container, 6);

    expect(container.querySelectorAll("svg")).toHaveLength(1);
    expect(selectedIndex(container)).toBe("3");
  });

  it("starts at the highest threshold without a class threshold", async () => {
    const { container } = await mount(<PrecisionRecallCurve curve={CURVE} />);

    expect(slider(container).value).toBe("9");
    expect(selectedIndex(container)).toBe("0");
  });

  it("starts at the highest threshold when none reaches the class threshold", async () => {
    const { container } = await mount(<PrecisionRecallCurve curve={CURVE} threshold={300} />);

    expect(selectedIndex(container)).toBe("0");
  });

  it("keeps the slider in range when the curve shrinks", async () => {
    const { container, root } = await mount(<PrecisionRecallCurve curve={CURVE} />);
    await moveSlider(container, 8);
    await act(async () => root.render(<PrecisionRecallCurve curve={CURVE.slice(0, 3)} />));

    expect(slider(container).max).toBe("2");
    expect(slider(container).value).toBe("2");
    expect(selectedIndex(container)).toBe("0");
  });

  it("shows no slider for an empty curve", async () => {
    const { container } = await mount(<PrecisionRecallCurve curve={[]} threshold={145.2} />);

    expect(container.querySelector('input[type="range"]')).toBeNull();
    expect(container.querySelector(".pr-empty")?.textContent).toBe("No thresholds to plot");
    expect(container.innerHTML).not.toContain("NaN");
  });

  it("labels the slider", async () => {
    const { container } = await mount(<PrecisionRecallCurve curve={CURVE} threshold={145.2} />);
    const input = slider(container);
    const label = container.querySelector(`label[for="${input.id}"]`);

    expect(label?.textContent).toBe("Decision threshold on the predicted total REE");
  });
});
