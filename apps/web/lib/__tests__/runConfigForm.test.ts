import type { DatasetColumn } from "@ree/schema/documents";
import { describe, expect, it } from "vitest";

import {
  buildRunConfig,
  changeTask,
  defaultFeatures,
  defaultRunFormValues,
  estimateWorkload,
  fieldOfApiMessage,
  type RunConfigInput,
  type RunFormColumns,
  type RunFormErrors,
  runFormColumns,
  splitSize,
} from "../runConfigForm";

const OXIDES = ["SiO2", "Al2O3", "CaO", "Fe2O3", "MgO", "Na2O", "K2O", "TiO2", "P2O5", "MnO"];
const DATASET_COLUMNS: DatasetColumn[] = [
  ...OXIDES.map((oxide) => ({
    name: `${oxide}_mol_pct`,
    role: "FEATURE" as const,
    unit: "mol %",
  })),
  { name: "La2O3_ppm_mol", role: "TARGET", unit: "ppm (molar)" },
  { name: "REE_total_ppm_mol", role: "TARGET", unit: "ppm (molar)" },
  { name: "CeO2_ppm_mol", role: "TARGET", unit: "ppm (molar)" },
];
const COLUMNS: RunFormColumns = runFormColumns(DATASET_COLUMNS, 10);
const STUDY_SIX = ["Al2O3", "CaO", "Fe2O3", "MgO", "TiO2", "P2O5"].map((o) => `${o}_mol_pct`);

function build(patch: Partial<ReturnType<typeof defaultRunFormValues>>, task = patch.task) {
  const values = { ...defaultRunFormValues(task ?? "EVALUATION", COLUMNS), ...patch };

  return buildRunConfig("dataset-1", values, COLUMNS);
}

/** Returns the config of a valid form, and fails with the messages of an invalid one. */
function configOf(result: ReturnType<typeof build>): RunConfigInput {
  if (!result.ok) {
    throw new Error(`the form is invalid: ${JSON.stringify(result.errors)}`);
  }

  return result.config;
}

/** Returns the messages of an invalid form, and fails for a valid one. */
function errorsOf(result: ReturnType<typeof build>): RunFormErrors {
  if (result.ok) {
    throw new Error(`the form is valid: ${JSON.stringify(result.config)}`);
  }

  return result.errors;
}

describe("runFormColumns", () => {
  it("puts the total REE first", () => {
    expect(COLUMNS.targets).toEqual(["REE_total_ppm_mol", "La2O3_ppm_mol", "CeO2_ppm_mol"]);
    expect(COLUMNS.features).toHaveLength(10);
    expect(COLUMNS.units["SiO2_mol_pct"]).toBe("mol %");
  });
});

describe("defaultFeatures", () => {
  it("chooses the study's six for an evaluation", () => {
    expect(defaultFeatures("EVALUATION", COLUMNS)).toEqual(STUDY_SIX);
    expect(defaultFeatures("GRID_SEARCH", COLUMNS)).toEqual(STUDY_SIX);
  });

  it("chooses all ten for feature elimination", () => {
    expect(defaultFeatures("FEATURE_ELIMINATION", COLUMNS)).toEqual(COLUMNS.features);
  });

  it("falls back to all features without the study's six", () => {
    const columns = { ...COLUMNS, features: ["SiO2_mol_pct", "CaO_mol_pct"] };

    expect(defaultFeatures("EVALUATION", columns)).toEqual(["SiO2_mol_pct", "CaO_mol_pct"]);
  });
});

describe("changeTask", () => {
  it("switches untouched task defaults", () => {
    const values = changeTask(
      defaultRunFormValues("EVALUATION", COLUMNS),
      "FEATURE_ELIMINATION",
      COLUMNS,
    );

    expect(values.task).toBe("FEATURE_ELIMINATION");
    expect(values.features).toEqual(COLUMNS.features);
    expect(values.selectionRepetitions).toBe("100");
    expect(changeTask(values, "GRID_SEARCH", COLUMNS).selectionRepetitions).toBe("1");
  });

  it("keeps what the user changed", () => {
    const edited = {
      ...defaultRunFormValues("EVALUATION", COLUMNS),
      features: ["SiO2_mol_pct", "CaO_mol_pct"],
      selectionRepetitions: "20",
    };
    const values = changeTask(edited, "FEATURE_ELIMINATION", COLUMNS);

    expect(values.features).toEqual(["SiO2_mol_pct", "CaO_mol_pct"]);
    expect(values.selectionRepetitions).toBe("20");
  });
});

describe("buildRunConfig", () => {
  it("sends the defaults of an evaluation", () => {
    expect(build({})).toEqual({
      ok: true,
      config: {
        datasetId: "dataset-1",
        task: "EVALUATION",
        features: STUDY_SIX,
        targets: COLUMNS.targets,
        testFraction: 0.2,
        seed: 0,
        split: "STRATIFIED",
        repetitions: 30,
        models: ["LINEAR", "MULTI_TASK"],
        analyses: [],
        network: {
          batchSize: 10,
          epochs: 500,
          hiddenUnits: [20, 6],
          learningRate: 10 ** -3.33,
          weightDecay: 0.01,
          lossWeighting: "MEAN",
        },
      },
    });
  });

  it("sends a feature elimination without evaluation fields", () => {
    const result = build({ selectionRepetitions: "20", name: "  RFE  " }, "FEATURE_ELIMINATION");

    expect(configOf(result)).toEqual({
      datasetId: "dataset-1",
      name: "RFE",
      task: "FEATURE_ELIMINATION",
      features: COLUMNS.features,
      targets: ["REE_total_ppm_mol"],
      testFraction: 0.2,
      seed: 0,
      selection: { repetitions: 20, metric: "MAPE", validationFraction: 0.2, model: "NETWORK" },
      network: {
        batchSize: 10,
        epochs: 500,
        hiddenUnits: [20, 6],
        learningRate: 10 ** -3.33,
        weightDecay: 0.01,
      },
    });
  });

  it("leaves the network out of a linear elimination", () => {
    const result = build({ selectionModel: "LINEAR" }, "FEATURE_ELIMINATION");

    expect(configOf(result).network).toBeUndefined();
  });

  it("leaves the grid out for the study's grid", () => {
    const result = build({}, "GRID_SEARCH");

    expect(configOf(result).selection).toEqual({
      repetitions: 1,
      metric: "MAPE",
      validationFraction: 0.2,
    });
    expect(configOf(result).network).toEqual({ batchSize: 10, epochs: 500 });
  });

  it("sends a custom grid", () => {
    const result = build(
      {
        useStudyGrid: false,
        gridHiddenUnits: "8, 4\n16, 4",
        gridLearningRates: "1e-3, 10^-2",
        gridWeightDecays: "0, 0.01",
      },
      "GRID_SEARCH",
    );

    expect(configOf(result).selection?.grid).toEqual({
      hiddenUnits: [
        [8, 4],
        [16, 4],
      ],
      learningRate: [0.001, 0.01],
      weightDecay: [0, 0.01],
    });
  });

  it("sends the screening threshold only with screening", () => {
    const withScreening = build({ analyses: ["SCREENING"], screeningThreshold: "200" });
    const without = build({ analyses: ["SHAP"], screeningThreshold: "200" });
    const empty = build({ analyses: ["SCREENING"], screeningThreshold: " " });

    expect(configOf(withScreening).screeningThreshold).toBe(200);
    expect(configOf(without)).not.toHaveProperty("screeningThreshold");
    expect(configOf(empty)).not.toHaveProperty("screeningThreshold");
  });

  it("names every invalid field", () => {
    const result = build({
      features: [],
      targets: [],
      testFraction: "1",
      repetitions: "0",
      seed: "1.5",
      models: [],
      hiddenUnits: "20, 0",
      learningRate: "0",
      weightDecay: "-1",
      batchSize: "0",
      epochs: "ten",
      analyses: ["SCREENING"],
      screeningThreshold: "-5",
    });

    expect(errorsOf(result)).toEqual({
      features: "Features: choose at least one.",
      targets: "Targets: choose at least one.",
      testFraction: 'Test fraction must be a number between 0 and 1 (exclusive), got "1".',
      seed: 'Seed must be a whole number from -2147483648 to 2147483647, got "1.5".',
      models: "Model kinds: choose at least one.",
      repetitions: 'Repetitions must be a whole number from 1 to 1000, got "0".',
      screeningThreshold: 'Screening threshold must be a number, 0 or more, got "-5".',
      batchSize: 'Batch size must be a whole number, 1 or more, got "0".',
      epochs: 'Epochs must be a whole number, 1 or more, got "ten".',
      hiddenUnits: 'Hidden layers: each layer size must be a whole number of 1 or more, got "0".',
      learningRate: 'Learning rate must be a number, greater than 0, got "0".',
      weightDecay: 'Weight decay must be a number, 0 or more, got "-1".',
    });
  });

  it("needs two features for feature elimination", () => {
    const result = build({ features: ["CaO_mol_pct"] }, "FEATURE_ELIMINATION");

    expect(errorsOf(result).features).toBe(
      "Features: choose at least 2, because feature elimination removes one per step.",
    );
  });

  it("checks the selection settings", () => {
    const result = build(
      {
        selectionRepetitions: "1001",
        validationFraction: "0",
        useStudyGrid: false,
        gridHiddenUnits: "",
        gridLearningRates: "0",
        gridWeightDecays: "a",
      },
      "GRID_SEARCH",
    );

    expect(Object.keys(errorsOf(result)).sort()).toEqual([
      "gridHiddenUnits",
      "gridLearningRates",
      "gridWeightDecays",
      "selectionRepetitions",
      "validationFraction",
    ]);
  });

  it("rejects an unknown validation target", () => {
    const result = build({ selectionTarget: "SiO2_mol_pct" }, "GRID_SEARCH");

    expect(errorsOf(result).selectionTarget).toBe(
      "Validation target: choose one of the data set's targets.",
    );
  });

  it("keeps the data set's column order", () => {
    const result = build({ features: ["MgO_mol_pct", "SiO2_mol_pct"] });

    expect(configOf(result).features).toEqual(["SiO2_mol_pct", "MgO_mol_pct"]);
  });
});

describe("splitSize", () => {
  it.each([
    [10, 0.2, 2],
    [10, 0.01, 1],
    [10, 0.99, 9],
    [8, 0.2, 2],
  ])("sets aside %d × %d as %d rows", (count, fraction, expected) => {
    expect(splitSize(count, fraction)).toBe(expected);
  });
});

describe("estimateWorkload", () => {
  it("counts the candidates of feature elimination", () => {
    const result = build({ selectionRepetitions: "20" }, "FEATURE_ELIMINATION");

    expect(estimateWorkload(configOf(result))).toEqual({
      networks: 1100,
      linearFits: 0,
      baselineFits: 0,
      epochs: 500,
    });
  });

  it("counts the study's grid", () => {
    const result = build({}, "GRID_SEARCH");

    expect(estimateWorkload(configOf(result)).networks).toBe(6401);
  });

  it("counts one network per target for single-task networks", () => {
    const result = build({ models: ["LINEAR", "SINGLE_TASK"], repetitions: "2" });

    expect(estimateWorkload(configOf(result))).toEqual({
      networks: 6,
      linearFits: 2,
      baselineFits: 0,
      epochs: 500,
    });
  });
});

describe("fieldOfApiMessage", () => {
  it.each([
    [
      "invalid run config: testFraction must be between 0 and 1 (exclusive), got 1.5",
      "testFraction",
    ],
    [
      "invalid run config: selection.grid.learningRate must list at least one value",
      "gridLearningRates",
    ],
    ['invalid run config: features: unknown column "X"; available: A', "features"],
    ["invalid run config: feature elimination needs at least 2 features, got 1", null],
    ['data set "x" not found', null],
  ])("maps %j", (message, field) => {
    expect(fieldOfApiMessage(message)).toBe(field);
  });
});
