import { Field, Float, ID, Int, ObjectType } from "type-graphql";

import { DataSplit, ModelKind } from "./enums.js";

@ObjectType({ description: "Mean and sample sd of a metric over the repetitions." })
export class MetricSummary {
  @Field(() => Float, {
    nullable: true,
    description: "Null when no repetition could compute the metric.",
  })
  mean!: number | null;

  @Field(() => Float, { nullable: true, description: "Null with fewer than 2 values." })
  sd!: number | null;
}

@ObjectType()
export class TargetMetrics {
  @Field(() => String)
  target!: string;

  @Field(() => DataSplit)
  split!: DataSplit;

  @Field(() => MetricSummary, { description: "Coefficient of determination." })
  r2!: MetricSummary;

  @Field(() => MetricSummary, {
    description: "Mean absolute percentage error: mean of |error| / |measured|, in %.",
  })
  mape!: MetricSummary;

  @Field(() => MetricSummary, {
    description: "Mean absolute error over the mean measured value, in %.",
  })
  maeOverMean!: MetricSummary;

  @Field(() => MetricSummary, { description: "Root mean squared error, in the target's unit." })
  rmse!: MetricSummary;
}

@ObjectType({ description: "One sample's measured and predicted value in one repetition." })
export class SamplePrediction {
  @Field(() => String)
  sampleLabel!: string;

  @Field(() => Int, { description: "Repetition of the run, from 1." })
  repetition!: number;

  @Field(() => DataSplit)
  split!: DataSplit;

  @Field(() => Float)
  measured!: number;

  @Field(() => Float)
  predicted!: number;
}

@ObjectType({ description: "Evaluation of one model kind over all repetitions of a run." })
export class ModelResult {
  @Field(() => ModelKind)
  kind!: ModelKind;

  @Field(() => ID, {
    nullable: true,
    description: "The trained ensemble, one member per repetition.",
  })
  modelId!: string | null;

  @Field(() => Float, { description: "Mean wall-clock seconds to train one member." })
  secondsPerTraining!: number;

  @Field(() => [TargetMetrics])
  metrics!: TargetMetrics[];
}

@ObjectType({ description: "Measured and predicted values of one target." })
export class TargetPredictions {
  @Field(() => String)
  target!: string;

  @Field(() => [SamplePrediction])
  predictions!: SamplePrediction[];
}
