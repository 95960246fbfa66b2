// @vitest-environment jsdom
import { CombinedGraphQLErrors } from "@apollo/client";
import type { DatasetColumn } from "@ree/schema/documents";
import { describe, expect, it, vi } from "vitest";

import { type RunConfigInput, runFormColumns } from "../../lib/runConfigForm";
import type { SearchPages } from "../../lib/useSearchPages";
import { RunConfigForm } from "../RunConfigForm";
import type { ParentModelOption } from "../RunTransferFields";
import { click, inputByLabel, mountElement, typeInto } from "./mountElement";

const OXIDES = ["SiO2", "Al2O3", "CaO", "Fe2O3", "MgO", "Na2O", "K2O", "TiO2", "P2O5", "MnO"];
const COLUMNS = runFormColumns(
  [
    ...OXIDES.map((oxide): DatasetColumn => ({
      name: `${oxide}_mol_pct`,
      role: "FEATURE",
      unit: "mol %",
    })),
    { name: "REE_total_ppm_mol", role: "TARGET", unit: "ppm (molar)" },
    { name: "La2O3_ppm_mol", role: "TARGET", unit: "ppm (molar)" },
  ],
  10,
);

async function mountForm(props: Partial<Parameters<typeof RunConfigForm>[0]> = {}) {
  const onSubmit = vi.fn<(config: RunConfigInput) => void>();
  const container = await mountElement(
    <RunConfigForm
      datasetId="dataset-1"
      columns={COLUMNS}
      medianTotalRee={150.65}
      totalReeUnit="ppm (molar)"
      submitting={false}
      onSubmit={onSubmit}
      {...props}
    />,
  );
  const submit = () => click(container.querySelector('button[type="submit"]'));

  return { container, onSubmit, submit };
}

function parentModel(id: string, name: string, memberCount: number): ParentModelOption {
  return {
    id,
    name,
    kind: "MULTI_TASK",
    targets: [],
    memberCount,
    isDefault: false,
    createdAt: "2026-01-01T00:00:00.000Z",
  };
}

/** Returns a search whose one page of matches has arrived. */
function loadedSearch<Node>(nodes: Node[]): SearchPages<Node> {
  return {
    text: "",
    setText: vi.fn(),
    nodes,
    totalCount: nodes.length,
    hasNextPage: false,
    loading: false,
    error: null,
    loadMore: vi.fn(),
  };
}

function checkedFeatures(container: HTMLElement): string[] {
  return [...container.querySelectorAll<HTMLInputElement>('input[type="checkbox"]:checked')]
    .map((input) => input.value)
    .filter((value) => value.endsWith("_mol_pct"));
}

describe("RunConfigForm", () => {
  it("submits the API's defaults", async () => {
    const { onSubmit, submit } = await mountForm();
    await submit();

    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({
      datasetId: "dataset-1",
      task: "EVALUATION",
      features: [
        "Al2O3_mol_pct",
        "CaO_mol_pct",
        "Fe2O3_mol_pct",
        "MgO_mol_pct",
        "TiO2_mol_pct",
        "P2O5_mol_pct",
      ],
      targets: ["REE_total_ppm_mol", "La2O3_ppm_mol"],
      repetitions: 30,
    });
  });

  it("states the column units in the legends", async () => {
    const { container } = await mountForm();
    const legends = [...container.querySelectorAll(".choice-group > legend")].map(
      (legend) => legend.textContent,
    );

    expect(legends).toContain("Features, in mol %");
    expect(legends).toContain("Targets, in ppm (molar)");
  });

  it("checks all ten features for feature elimination", async () => {
    const { container } = await mountForm();
    await click(inputByLabel(container, "Feature elimination"));

    expect(checkedFeatures(container)).toHaveLength(10);
    expect(container.querySelector("select")?.value).toBe("REE_total_ppm_mol");
    expect(inputByLabel(container, "Selection repetitions").value).toBe("100");
  });

  it("shows the study's grid until a custom one is chosen", async () => {
    const { container, onSubmit, submit } = await mountForm({ initialTask: "GRID_SEARCH" });

    expect(container.textContent).toContain("6400 combinations.");
    await click(inputByLabel(container, "A custom grid"));
    await typeInto(inputByLabel(container, "Grid hidden layers"), "8, 4\n16, 4");
    await typeInto(inputByLabel(container, "Grid learning rates"), "1e-3, 1e-2");
    await typeInto(inputByLabel(container, "Grid weight decays"), "0.01");

    expect(container.textContent).toContain("4 combinations.");
    expect(container.textContent).toContain("This run trains 5 networks for 500 epochs each.");
    await submit();
    expect(onSubmit.mock.calls[0]?.[0].selection?.grid).toEqual({
      hiddenUnits: [
        [8, 4],
        [16, 4],
      ],
      learningRate: [0.001, 0.01],
      weightDecay: [0.01],
    });
  });

  it("lists invalid fields and does not submit", async () => {
    const { container, onSubmit, submit } = await mountForm();
    const testFraction = inputByLabel(container, "Test fraction");
    await typeInto(testFraction, "1,5");
    await submit();

    const summary = container.querySelector('[role="alert"]');
    const message =
      'Test fraction must be a number between 0 and 1 (exclusive), got "1,5". Use a dot as the decimal separator.';
    expect(onSubmit).not.toHaveBeenCalled();
    expect(summary?.querySelector("a")?.textContent).toBe(message);
    expect(summary?.querySelector("a")?.getAttribute("href")).toBe(`#${testFraction.id}`);
    expect(testFraction.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(`${testFraction.id}-error`)?.textContent).toBe(message);
    expect(document.activeElement).toBe(testFraction);
  });

  it("clears a field's message when it is edited", async () => {
    const { container, submit } = await mountForm();
    const seed = inputByLabel(container, "Seed");
    await typeInto(seed, "x");
    await submit();
    await typeInto(seed, "7");

    expect(seed.getAttribute("aria-invalid")).toBe("false");
    expect(container.querySelector('[role="alert"]')).toBeNull();
  });

  it("hints the sizes of the split", async () => {
    const { container } = await mountForm({ initialTask: "FEATURE_ELIMINATION" });

    expect(container.textContent).toContain("between 0 and 1: 2 of 10 samples.");
    expect(container.textContent).toContain(
      "validates each candidate, between 0 and 1: 2 of 8 samples.",
    );
  });

  it("offers the median as the screening default", async () => {
    const { container } = await mountForm();
    await click(inputByLabel(container, "High/low screening: high/low classes at a threshold"));

    expect(container.textContent).toContain(
      "Leave empty for the data set's median (150.7 ppm (molar)).",
    );
  });

  it("shows the API's error verbatim and at its field", async () => {
    const message =
      "invalid run config: testFraction must be between 0 and 1 (exclusive), got 0.95";
    const serverError = new CombinedGraphQLErrors({ errors: [{ message }] });
    const { container } = await mountForm({ serverError });
    const testFraction = inputByLabel(container, "Test fraction");

    expect(container.querySelector(".api-messages li")?.textContent).toBe(message);
    expect(document.getElementById(`${testFraction.id}-error`)?.textContent).toBe(message);
  });

  it("disables the button while submitting", async () => {
    const { container } = await mountForm({ submitting: true });
    const button = container.querySelector<HTMLButtonElement>('button[type="submit"]');

    expect(button?.disabled).toBe(true);
    expect(button?.textContent).toBe("Starting…");
  });

  it("starts a transfer from the default parent model", async () => {
    const parentModels = [
      parentModel("model-1", "Study ensemble", 30),
      parentModel("model-2", "Run ensemble", 5),
    ];
    const { container, onSubmit, submit } = await mountForm({
      parentSearch: loadedSearch(parentModels),
      defaultParent: parentModels[0],
    });
    await click(inputByLabel(container, "Transfer learning"));
    await click(inputByLabel(container, "Output and last hidden layer"));
    await click(inputByLabel(container, "Penalise over-prediction"));
    await typeInto(inputByLabel(container, "Draws"), "5");

    expect(container.querySelector('input[value="SiO2_mol_pct"]')).toBeNull();
    expect(container.textContent).toContain("The other 4 of 10 samples test each draw.");
    expect(container.textContent).toContain(
      "This run fine-tunes 150 networks and trains 150 from scratch, for 500 epochs each.",
    );
    await submit();
    expect(onSubmit.mock.calls[0]?.[0]).toEqual({
      datasetId: "dataset-1",
      task: "TRANSFER",
      seed: 0,
      transfer: {
        parentModelId: "model-1",
        draws: 5,
        trainingSize: 6,
        fineTunedHiddenLayers: 1,
        asymmetricLoss: "OVER",
        frozenBatchNorm: "INFERENCE",
      },
      network: {
        learningRate: 10 ** -3.33,
        weightDecay: 0.01,
        batchSize: 10,
        epochs: 500,
        lossWeighting: "MEAN",
      },
    });
  });

  it("rejects a training size that leaves under 2 test samples", async () => {
    const parentModels = [parentModel("model-1", "Study ensemble", 30)];
    const { container, onSubmit, submit } = await mountForm({
      initialTask: "TRANSFER",
      parentSearch: loadedSearch(parentModels),
      defaultParent: parentModels[0],
    });
    await typeInto(inputByLabel(container, "Training samples per draw"), "9");
    await submit();

    expect(onSubmit).not.toHaveBeenCalled();
    expect(container.querySelector('[role="alert"]')?.textContent).toContain(
      "Training samples per draw",
    );
  });
});
