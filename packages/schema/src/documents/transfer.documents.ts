import { typedDocument } from "./typed.js";
import type { MetricSummary, ScreeningResult } from "./types.js";

export type ConfusionMatrix = ScreeningResult["confusion"];

export type TransferApproach = "AS_IS" | "FROM_SCRATCH" | "FINE_TUNED";
export type PenalisedSide = "OVER" | "UNDER";
export type FrozenBatchNorm = "INFERENCE" | "TRAINING";

export interface TransferConfigVariables {
  parentModelId: string;
  draws?: number;
  trainingSize?: number;
  fineTunedHiddenLayers?: number;
  asymmetricLoss?: PenalisedSide | null;
  frozenBatchNorm?: FrozenBatchNorm;
}

export interface TransferConfig {
  parentModelId: string;
  draws: number;
  trainingSize: number;
  fineTunedHiddenLayers: number;
  asymmetricLoss: PenalisedSide | null;
  frozenBatchNorm: FrozenBatchNorm;
}

export interface TransferDrawScore {
  draw: number;
  r2: number | null;
  mape: number | null;
  confusion: ConfusionMatrix;
}

export interface TransferApproachResult {
  approach: TransferApproach;
  r2: MetricSummary;
  mape: MetricSummary;
  confusion: Record<keyof ConfusionMatrix, MetricSummary>;
  confusionTotal: ConfusionMatrix;
  draws: TransferDrawScore[];
}

export interface TransferResult {
  parentModelId: string;
  target: string;
  threshold: number;
  trainSamples: string[][];
  approaches: TransferApproachResult[];
  secondsPerTraining: number;
}

export interface RunTransfer {
  id: string;
  parentModelId: string | null;
  config: { transfer: TransferConfig | null };
  transfer: TransferResult | null;
}

const summary = "{ mean sd }";
const confusion = "{ truePositives falsePositives trueNegatives falseNegatives }";

/** A TRANSFER run's settings and results, which the run page loads next to RunDocument. */
export const RunTransferDocument = typedDocument<{ run: RunTransfer | null }, { id: string }>(`
  query RunTransfer($id: ID!) {
    run(id: $id) {
      id
      parentModelId
      config {
        transfer {
          parentModelId
          draws
          trainingSize
          fineTunedHiddenLayers
          asymmetricLoss
          frozenBatchNorm
        }
      }
      transfer {
        parentModelId
        target
        threshold
        trainSamples
        secondsPerTraining
        approaches {
          approach
          r2 ${summary}
          mape ${summary}
          confusion {
            truePositives ${summary}
            falsePositives ${summary}
            trueNegatives ${summary}
            falseNegatives ${summary}
          }
          confusionTotal ${confusion}
          draws {
            draw
            r2
            mape
            confusion ${confusion}
          }
        }
      }
    }
  }
`);
