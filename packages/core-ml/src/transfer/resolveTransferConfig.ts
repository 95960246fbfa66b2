import type { ModelArtifact, NetworkPredictor } from "../artifact/ModelArtifact.js";
import {
  type EvaluationConfig,
  type PartialEvaluationConfig,
  resolveEvaluationConfig,
} from "../evaluation/EvaluationConfig.js";
import type { TableColumn } from "../table/parseTable.js";
import { DEFAULT_TRANSFER, type TransferConfig } from "./TransferConfig.js";

/**
 * Resolves the config of a TRANSFER run of `parent` on a data set with
 * `columns` and `rows` samples. Features, targets and the network's hidden
 * layers are the parent's. The other network settings (learning rate, epochs,
 * loss weighting) apply to fine-tuning and to training from scratch.
 * @throws RangeError when the data set lacks a column of the parent, the
 *   parent is not a multi-task network, or a transfer setting is out of range.
 */
export function resolveTransferConfig(
  partial: PartialEvaluationConfig,
  columns: readonly TableColumn[],
  parent: ModelArtifact,
  rows: number,
): EvaluationConfig {
  const parentModelId = partial.transfer?.parentModelId;
  if (!parentModelId) {
    throw new RangeError("transfer.parentModelId is missing: name the model to transfer");
  }

  const hiddenUnits = parentHiddenUnits(parent);
  checkParentColumns(parent, columns);
  const requested = partial.network?.hiddenUnits;
  if (requested && requested.join(",") !== hiddenUnits.join(",")) {
    throw new RangeError(
      `network.hiddenUnits [${requested.join(", ")}] differs from the parent model's ` +
        `[${hiddenUnits.join(", ")}]; leave it out, the parent's architecture is used`,
    );
  }

  const transfer: TransferConfig = { ...DEFAULT_TRANSFER, ...partial.transfer, parentModelId };
  checkTransfer(transfer, hiddenUnits.length, rows);
  const config = resolveEvaluationConfig(
    {
      ...partial,
      task: "TRANSFER",
      features: parent.features,
      targets: parent.targets,
      models: ["MULTI_TASK"],
      repetitions: transfer.draws,
      network: { ...partial.network, hiddenUnits },
      transfer: undefined,
    },
    columns,
  );

  return { ...config, transfer };
}

/** Hidden layer sizes of a multi-task network ensemble, the only kind that can be fine-tuned. */
function parentHiddenUnits(parent: ModelArtifact): number[] {
  const networks = parent.members.map((member) => member.predictors);
  const first = networks[0]?.[0];
  if (
    parent.kind !== "MULTI_TASK" ||
    first?.type !== "network" ||
    networks.some((predictors) => predictors.length !== 1 || predictors[0]?.type !== "network")
  ) {
    throw new RangeError(
      `the parent model must be a multi-task network ensemble, got a ${parent.kind} model; ` +
        "choose a multi-task model",
    );
  }

  return (first as NetworkPredictor).hidden.map((block) => block.dense.bias.length);
}

function checkParentColumns(parent: ModelArtifact, columns: readonly TableColumn[]): void {
  const roles = [
    ["FEATURE", "feature", parent.features],
    ["TARGET", "target", parent.targets],
  ] as const;
  for (const [role, word, names] of roles) {
    const available = columns.filter((column) => column.role === role).map((c) => c.name);
    const missing = names.find((name) => !available.includes(name));
    if (missing !== undefined) {
      throw new RangeError(
        `the data set has no ${word} column "${missing}", which the parent model needs ` +
          `(its ${word}s: ${names.join(", ")}); import a table with that column or choose another parent`,
      );
    }
  }
}

function checkTransfer(transfer: TransferConfig, hiddenLayers: number, rows: number): void {
  const { draws, trainingSize, fineTunedHiddenLayers, asymmetricLoss, frozenBatchNorm } = transfer;
  if (!Number.isInteger(draws) || draws < 1 || draws > 1000) {
    throw new RangeError(`transfer.draws must be an integer from 1 to 1000, got ${draws}`);
  }

  // Two test rows at least, so that R2 is defined.
  if (!Number.isInteger(trainingSize) || trainingSize < 2 || trainingSize > rows - 2) {
    throw new RangeError(
      `transfer.trainingSize must be an integer from 2 to ${rows - 2} for ${rows} samples, ` +
        `got ${trainingSize}`,
    );
  }

  if (
    !Number.isInteger(fineTunedHiddenLayers) ||
    fineTunedHiddenLayers < 0 ||
    fineTunedHiddenLayers > hiddenLayers
  ) {
    throw new RangeError(
      `transfer.fineTunedHiddenLayers must be an integer from 0 to ${hiddenLayers}, ` +
        `got ${fineTunedHiddenLayers}`,
    );
  }

  if (asymmetricLoss !== null && asymmetricLoss !== "OVER" && asymmetricLoss !== "UNDER") {
    throw new RangeError(
      `transfer.asymmetricLoss must be OVER, UNDER or null, got ${String(asymmetricLoss)}`,
    );
  }

  if (frozenBatchNorm !== "INFERENCE" && frozenBatchNorm !== "TRAINING") {
    throw new RangeError(
      `transfer.frozenBatchNorm must be INFERENCE or TRAINING, got ${String(frozenBatchNorm)}`,
    );
  }
}
