import { DataSplit, ModelResult, TargetPredictions } from "@ree/schema/types";
import { Arg, FieldResolver, Resolver, Root } from "type-graphql";

import type { ModelResultRecord } from "../services/records.js";

/** Fields that RunResolver.results attaches to each ModelResult. */
interface ModelResultSource {
  record: ModelResultRecord;
  labels: string[];
  measured: number[][];
  targets: string[];
}

@Resolver(() => ModelResult)
export class TargetPredictionsResolver {
  @FieldResolver(() => [TargetPredictions], {
    description: "Predictions of every target, in the run's target order, e.g. for a parity grid.",
  })
  targetPredictions(
    @Root() result: ModelResultSource,
    @Arg("split", () => DataSplit, {
      nullable: true,
      description: "Only this split; default both.",
    })
    split: DataSplit | null | undefined,
  ): TargetPredictions[] {
    const rows = result.record.predictions.filter(
      (prediction) => split === null || split === undefined || prediction.split === split,
    );

    return result.targets.map((target, index) => ({
      target,
      predictions: rows.map((prediction) => ({
        sampleLabel: result.labels[prediction.sample] ?? String(prediction.sample),
        repetition: prediction.repetition,
        split: prediction.split,
        measured: result.measured[prediction.sample]?.[index] ?? Number.NaN,
        predicted: prediction.values[index] ?? Number.NaN,
      })),
    }));
  }
}
