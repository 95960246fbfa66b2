import type { TransferResult as TransferResultRecord } from "@ree/core-ml";
import type { TransferResult } from "@ree/schema/types";

/** Maps a stored transfer result to its GraphQL shape: sample labels for rows, draws from 1. */
export function toTransferResult(
  record: TransferResultRecord,
  labels: readonly string[],
): TransferResult {
  return {
    parentModelId: record.parentModelId,
    target: record.target,
    threshold: record.threshold,
    trainSamples: record.trainRows.map((rows) => rows.map((row) => labels[row] ?? String(row))),
    secondsPerTraining: record.secondsPerTraining,
    approaches: record.approaches.map((approach) => ({
      ...approach,
      draws: approach.draws.map((score, d) => ({ draw: d + 1, ...score })),
    })),
  };
}
