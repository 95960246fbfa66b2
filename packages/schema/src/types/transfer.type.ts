import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";

import { ConfusionMatrix } from "./analysis.type.js";
import { MetricSummary } from "./modelResult.type.js";

export const TransferApproach = {
  AS_IS: "AS_IS",
  FROM_SCRATCH: "FROM_SCRATCH",
  FINE_TUNED: "FINE_TUNED",
} as const;
export type TransferApproach = (typeof TransferApproach)[keyof typeof TransferApproach];

export const PenalisedSide = {
  OVER: "OVER",
  UNDER: "UNDER",
} as const;
export type PenalisedSide = (typeof PenalisedSide)[keyof typeof PenalisedSide];

export const FrozenBatchNorm = {
  INFERENCE: "INFERENCE",
  TRAINING: "TRAINING",
} as const;
export type FrozenBatchNorm = (typeof FrozenBatchNorm)[keyof typeof FrozenBatchNorm];

registerEnumType(FrozenBatchNorm, {
  name: "FrozenBatchNorm",
  description:
    "Batch norm of the frozen layers while fine-tuning. INFERENCE: the parent's moving " +
    "statistics, so frozen layers compute what they did in the parent. TRAINING: each batch's " +
    "own statistics, which the moving statistics follow, as in PyTorch's training mode.",
});
registerEnumType(TransferApproach, {
  name: "TransferApproach",
  description:
    "AS_IS: the parent model unchanged. FROM_SCRATCH: its architecture trained from random " +
    "weights on the draw's training rows. FINE_TUNED: its members trained further on those " +
    "rows with the frozen layers fixed.",
});
registerEnumType(PenalisedSide, {
  name: "PenalisedSide",
  description:
    "Side of the truth whose row losses the asymmetric loss squares. OVER penalises " +
    "over-prediction of the total REE (false positives), UNDER under-prediction (false negatives).",
});

@ObjectType({ description: "How a TRANSFER run carries its parent model over to the data set." })
export class TransferConfig {
  @Field(() => ID)
  parentModelId!: string;

  @Field(() => Int, { description: "Random draws of training rows." })
  draws!: number;

  @Field(() => Int, { description: "Training rows of each draw; the rest are test rows." })
  trainingSize!: number;

  @Field(() => Int, {
    description: "Hidden layers fine-tuned with the output layer, counted from the output.",
  })
  fineTunedHiddenLayers!: number;

  @Field(() => PenalisedSide, { nullable: true, description: "Null for the plain MSE." })
  asymmetricLoss!: PenalisedSide | null;

  @Field(() => FrozenBatchNorm)
  frozenBatchNorm!: FrozenBatchNorm;
}

@InputType({
  description: "Transfer settings; every field left out but the parent takes its default.",
})
export class TransferConfigInput {
  @Field(() => ID, {
    description: "The multi-task model to transfer, from the caller's organisation.",
  })
  parentModelId!: string;

  @Field(() => Int, { nullable: true, description: "Default 30." })
  draws?: number | null;

  @Field(() => Int, { nullable: true, description: "Default 6." })
  trainingSize?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Default 0: the output layer alone. 1 also trains the last hidden layer.",
  })
  fineTunedHiddenLayers?: number | null;

  @Field(() => PenalisedSide, { nullable: true, description: "Default none (MSE)." })
  asymmetricLoss?: PenalisedSide | null;

  @Field(() => FrozenBatchNorm, { nullable: true, description: "Default INFERENCE." })
  frozenBatchNorm?: FrozenBatchNorm | null;
}

@ObjectType({
  description: "Mean and sample sd over the draws of each count of a confusion matrix.",
})
export class ConfusionSummary {
  @Field(() => MetricSummary)
  truePositives!: MetricSummary;

  @Field(() => MetricSummary)
  falsePositives!: MetricSummary;

  @Field(() => MetricSummary)
  trueNegatives!: MetricSummary;

  @Field(() => MetricSummary)
  falseNegatives!: MetricSummary;
}

@ObjectType({ description: "Scores of one approach on the test rows of one draw." })
export class TransferDrawScore {
  @Field(() => Int, { description: "Draw, from 1." })
  draw!: number;

  @Field(() => Float, { nullable: true })
  r2!: number | null;

  @Field(() => Float, { nullable: true, description: "In %." })
  mape!: number | null;

  @Field(() => ConfusionMatrix)
  confusion!: ConfusionMatrix;
}

@ObjectType({ description: "Scores of one approach over the draws, on the scored target." })
export class TransferApproachResult {
  @Field(() => TransferApproach)
  approach!: TransferApproach;

  @Field(() => MetricSummary)
  r2!: MetricSummary;

  @Field(() => MetricSummary, { description: "In %." })
  mape!: MetricSummary;

  @Field(() => ConfusionSummary)
  confusion!: ConfusionSummary;

  @Field(() => ConfusionMatrix, { description: "Counts summed over the draws." })
  confusionTotal!: ConfusionMatrix;

  @Field(() => [TransferDrawScore])
  draws!: TransferDrawScore[];
}

@ObjectType({ description: "The three transfer approaches compared over random draws." })
export class TransferResult {
  @Field(() => ID)
  parentModelId!: string;

  @Field(() => String, { description: "The scored target, the parent's first (the total REE)." })
  target!: string;

  @Field(() => Float, { description: "High/low threshold of the confusion matrices." })
  threshold!: number;

  @Field(() => [[String]], { description: "Labels of the training samples of each draw." })
  trainSamples!: string[][];

  @Field(() => [TransferApproachResult])
  approaches!: TransferApproachResult[];

  @Field(() => Float, { description: "Mean wall-clock seconds to train one network." })
  secondsPerTraining!: number;
}
