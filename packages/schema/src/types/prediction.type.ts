import { Field, Float, ObjectType } from "type-graphql";

import { DomainWarning, ScreeningClass } from "./domain.type.js";
import { ThresholdSource } from "./enums.js";

@ObjectType()
export class TargetPrediction {
  @Field(() => String)
  target!: string;

  @Field(() => Float, { description: "Mean over the ensemble members." })
  value!: number;

  @Field(() => Float, {
    nullable: true,
    description: "Sample sd over the members; null for one member.",
  })
  sd!: number | null;

  @Field(() => Float, { description: "5th percentile over the members." })
  p5!: number;

  @Field(() => Float, { description: "95th percentile over the members." })
  p95!: number;
}

@ObjectType()
export class Prediction {
  @Field(() => String, { nullable: true })
  label!: string | null;

  @Field(() => TargetPrediction, {
    nullable: true,
    description: "Total REE, when the model predicts it.",
  })
  total!: TargetPrediction | null;

  @Field(() => [TargetPrediction], { description: "Every target of the model, in order." })
  targets!: TargetPrediction[];

  @Field(() => ScreeningClass, {
    nullable: true,
    description: "High or low; null when neither the model nor the request gives a threshold.",
  })
  screening!: ScreeningClass | null;

  @Field(() => [DomainWarning], {
    description:
      "Why the composition is outside the training domain; empty inside it, and always empty " +
      "for a model without a recorded domain (Model.domain is null).",
  })
  warnings!: DomainWarning[];
}

@ObjectType({
  description:
    "One target of a batch as columns: entry i of each list belongs to composition i of the request.",
})
export class TargetColumn {
  @Field(() => String)
  target!: string;

  @Field(() => [Float], { description: "Means over the ensemble members." })
  value!: number[];

  @Field(() => [Float], {
    nullable: "items",
    description: "Sample sds over the members; null entries for one member.",
  })
  sd!: (number | null)[];

  @Field(() => [Float], { description: "5th percentiles over the members." })
  p5!: number[];

  @Field(() => [Float], { description: "95th percentiles over the members." })
  p95!: number[];
}

@ObjectType({
  description: "Screening classes of a batch as columns, at one threshold for every composition.",
})
export class ScreeningColumn {
  @Field(() => String)
  target!: string;

  @Field(() => Float, {
    description: "In the target unit; the ensemble mean at or above it is high.",
  })
  threshold!: number;

  @Field(() => ThresholdSource)
  thresholdSource!: ThresholdSource;

  @Field(() => [Boolean], {
    description: "Whether each ensemble mean is at or above the threshold.",
  })
  high!: boolean[];

  @Field(() => [Float], {
    description: "Share of the members predicting at or above the threshold, 0 to 1, for each.",
  })
  shareAbove!: number[];
}

@ObjectType({
  description:
    "The predictions of a batch as columns, the same numbers as `predict` returns: a list per " +
    "target instead of an object per composition and target, which costs the server far less " +
    "for large batches.",
})
export class PredictionColumns {
  @Field(() => [String], { nullable: "items", description: "Labels of the compositions." })
  labels!: (string | null)[];

  @Field(() => [TargetColumn], { description: "Every target of the model, in order." })
  targets!: TargetColumn[];

  @Field(() => ScreeningColumn, {
    nullable: true,
    description: "Null when neither the model nor the request gives a threshold.",
  })
  screening!: ScreeningColumn | null;

  @Field(() => [[DomainWarning]], {
    description: "Why each composition is outside the training domain; empty lists inside it.",
  })
  warnings!: DomainWarning[][];
}
