import { Field, Float, ID, Int, ObjectType } from "type-graphql";

import {
  AnalysisKind,
  LossWeighting,
  ModelKind,
  RunStatus,
  RunTask,
  SplitMethod,
} from "./enums.js";
import { SelectionConfig } from "./selection.type.js";
import { TransferConfig } from "./transfer.type.js";

@ObjectType({ description: "Architecture and optimiser settings of the networks." })
export class NetworkConfig {
  @Field(() => [Int], { description: "Units of each hidden layer." })
  hiddenUnits!: number[];

  @Field(() => Float)
  learningRate!: number;

  @Field(() => Float, { description: "L2 penalty on the weights, as in Adam's weight_decay." })
  weightDecay!: number;

  @Field(() => Int)
  batchSize!: number;

  @Field(() => Int)
  epochs!: number;

  @Field(() => LossWeighting)
  lossWeighting!: LossWeighting;

  @Field(() => [Float], {
    nullable: true,
    description: "Weights of CUSTOM weighting, in target order; null for the others.",
  })
  lossWeights!: number[] | null;
}

@ObjectType({ description: "The full config of a run, with every default filled in." })
export class RunConfig {
  @Field(() => RunTask)
  task!: RunTask;

  @Field(() => [String])
  features!: string[];

  @Field(() => [String], { description: "Targets; the first one defines the strata." })
  targets!: string[];

  @Field(() => SplitMethod)
  split!: SplitMethod;

  @Field(() => Float)
  testFraction!: number;

  @Field(() => Int)
  repetitions!: number;

  @Field(() => Int)
  seed!: number;

  @Field(() => [ModelKind])
  models!: ModelKind[];

  @Field(() => NetworkConfig)
  network!: NetworkConfig;

  @Field(() => [AnalysisKind])
  analyses!: AnalysisKind[];

  @Field(() => Float, {
    nullable: true,
    description: "Screening threshold; null for the median total REE of the data set.",
  })
  screeningThreshold!: number | null;

  @Field(() => SelectionConfig)
  selection!: SelectionConfig;

  @Field(() => TransferConfig, { nullable: true, description: "Null unless the task is TRANSFER." })
  transfer?: TransferConfig | null;
}

@ObjectType()
export class RunProgress {
  @Field(() => Float, { description: "Share of the work done, from 0 to 1." })
  fraction!: number;

  @Field(() => Int, { description: "Current repetition, from 1; 0 before the first." })
  repetition!: number;

  @Field(() => Int)
  repetitions!: number;

  @Field(() => ModelKind, { nullable: true })
  modelKind!: ModelKind | null;

  @Field(() => Int, { nullable: true })
  epoch!: number | null;

  @Field(() => Int, { nullable: true })
  epochs!: number | null;

  @Field(() => String)
  message!: string;
}

@ObjectType({
  description:
    "Units of a run whose results are stored: repetitions, or the grid cells of a grid search.",
})
export class RunCompletion {
  @Field(() => Int, { description: "Units whose results are stored." })
  finished!: number;

  @Field(() => Int, { description: "Units the run has in all." })
  total!: number;

  @Field(() => String, { description: '"repetitions" or "grid cells".' })
  unit!: string;
}

@ObjectType()
export class Run {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => RunStatus)
  status!: RunStatus;

  @Field(() => RunConfig)
  config!: RunConfig;

  @Field(() => RunProgress)
  progress!: RunProgress;

  @Field(() => String, { nullable: true, description: "Why the run failed." })
  error!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Training engine that ran, e.g. "tfjs-cpu".',
  })
  backend!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "Model that a TRANSFER run carries over; null for other tasks.",
  })
  parentModelId?: string | null;

  @Field(() => Float, {
    nullable: true,
    description: "Best mean test R2 of the total REE over the model kinds; null until it succeeds.",
  })
  testR2Total!: number | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;
}
