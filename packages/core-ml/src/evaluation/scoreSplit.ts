import { getColumn, type Matrix, selectRows } from "../matrix/Matrix.js";
import type { Split } from "../split/Split.js";
import {
  maeOverMean,
  meanAbsolutePercentageError,
  r2Score,
  rootMeanSquaredError,
} from "./metrics.js";
import type { Summary } from "./summarize.js";

/** Metrics of one target on one set; over repetitions, each is a mean and sd. */
export interface TargetMetrics {
  target: string;
  split: "TRAIN" | "TEST";
  r2: Summary;
  mape: Summary;
  maeOverMean: Summary;
  rmse: Summary;
}

/** Scores every target on the training and the test rows of one repetition. */
export function scoreSplit(
  measured: Matrix,
  predicted: Matrix,
  split: Split,
  targets: readonly string[],
): TargetMetrics[] {
  const sets = [
    { name: "TRAIN" as const, rows: split.train },
    { name: "TEST" as const, rows: split.test },
  ];

  return targets.flatMap((target, j) =>
    sets.map(({ name, rows }) => {
      const truth = getColumn(selectRows(measured, rows), j);
      const guess = getColumn(selectRows(predicted, rows), j);
      const single = (value: number | null): Summary => ({ mean: value, sd: null });

      return {
        target,
        split: name,
        r2: single(r2Score(truth, guess)),
        mape: single(meanAbsolutePercentageError(truth, guess)),
        maeOverMean: single(maeOverMean(truth, guess)),
        rmse: single(rootMeanSquaredError(truth, guess)),
      };
    }),
  );
}
