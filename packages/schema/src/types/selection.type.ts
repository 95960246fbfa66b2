import { Field, Float, InputType, Int, ObjectType } from "type-graphql";

import { SelectionMetric, SelectionModel } from "./enums.js";
import { MetricSummary } from "./modelResult.type.js";

@ObjectType({ description: "Values tried for each hyperparameter; every combination is trained." })
export class HyperparameterGrid {
  @Field(() => [[Int]], { description: "Hidden layer sizes, e.g. [[16, 4], [32, 8]]." })
  hiddenUnits!: number[][];

  @Field(() => [Float])
  learningRate!: number[];

  @Field(() => [Float])
  weightDecay!: number[];
}

@InputType()
export class HyperparameterGridInput {
  @Field(() => [[Int]])
  hiddenUnits!: number[][];

  @Field(() => [Float])
  learningRate!: number[];

  @Field(() => [Float])
  weightDecay!: number[];
}

@ObjectType({ description: "Settings of feature elimination and grid search." })
export class SelectionConfig {
  @Field(() => Int, { description: "Whole eliminations, or validation splits per grid point." })
  repetitions!: number;

  @Field(() => SelectionModel)
  model!: SelectionModel;

  @Field(() => SelectionMetric)
  metric!: SelectionMetric;

  @Field(() => Float, { description: "Share of the training rows that validates each candidate." })
  validationFraction!: number;

  @Field(() => HyperparameterGrid, {
    nullable: true,
    description: "Null for the study's grid: h1, h2 in {2..32}, 16 learning rates, 16 decays.",
  })
  grid!: HyperparameterGrid | null;
}

@InputType({
  description: "Feature elimination and grid search settings; left out fields take defaults.",
})
export class SelectionConfigInput {
  @Field(() => Int, {
    nullable: true,
    description: "Default 100 for elimination, 1 for grid search.",
  })
  repetitions?: number | null;

  @Field(() => SelectionModel, { nullable: true, description: "Default NETWORK." })
  model?: SelectionModel | null;

  @Field(() => SelectionMetric, { nullable: true, description: "Default MAPE." })
  metric?: SelectionMetric | null;

  @Field(() => Float, { nullable: true, description: "Default 0.2." })
  validationFraction?: number | null;

  @Field(() => HyperparameterGridInput, {
    nullable: true,
    description: "Default the study's grid.",
  })
  grid?: HyperparameterGridInput | null;
}

@ObjectType({
  description:
    "Recursive feature elimination over repetitions: validation error against the number of " +
    "features kept, and how often each feature survives each step.",
})
export class FeatureEliminationResult {
  @Field(() => [String])
  features!: string[];

  @Field(() => [Int], { description: "Features kept at each step, from all down to 1." })
  counts!: number[];

  @Field(() => [MetricSummary], { description: "Validation error (%) at each count." })
  error!: MetricSummary[];

  @Field(() => [MetricSummary], {
    description: "Error at each count divided by the error with all features.",
  })
  normalizedError!: MetricSummary[];

  @Field(() => [[Float]], {
    description: "keptProbability[step][feature]: share of repetitions keeping the feature.",
  })
  keptProbability!: number[][];

  @Field(() => [[String]], { description: "Per repetition, features in the order removed." })
  eliminationOrders!: string[][];
}

@ObjectType()
export class GridPoint {
  @Field(() => [Int])
  hiddenUnits!: number[];

  @Field(() => Float)
  learningRate!: number;

  @Field(() => Float)
  weightDecay!: number;

  @Field(() => MetricSummary, { description: "Validation error (%) over the repetitions." })
  error!: MetricSummary;
}

@ObjectType()
export class GridSearchResult {
  @Field(() => [GridPoint])
  points!: GridPoint[];

  @Field(() => GridPoint)
  best!: GridPoint;

  @Field(() => MetricSummary, {
    description: "Test error (%) of the best point retrained on training and validation rows.",
  })
  bestTestError!: MetricSummary;
}
