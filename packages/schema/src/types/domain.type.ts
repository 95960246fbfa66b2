import { Field, Float, Int, ObjectType } from "type-graphql";

import { DomainWarningKind, ThresholdSource } from "./enums.js";

@ObjectType({
  description:
    "A reason to distrust one prediction: the composition is outside the training domain.",
})
export class DomainWarning {
  @Field(() => DomainWarningKind)
  kind!: DomainWarningKind;

  @Field(() => String, {
    description: 'One sentence, e.g. "CaO_mol_pct = 60 is outside the training range 0.5 to 51.2".',
  })
  message!: string;

  @Field(() => String, { nullable: true, description: "The feature out of range (RANGE only)." })
  feature!: string | null;

  @Field(() => Float, {
    nullable: true,
    description: "The composition's value, in the feature unit (RANGE only).",
  })
  value!: number | null;

  @Field(() => Float, { nullable: true, description: "Smallest allowed value (RANGE only)." })
  min!: number | null;

  @Field(() => Float, { nullable: true, description: "Largest allowed value (RANGE only)." })
  max!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Mahalanobis distance from the training rows (DISTANCE only).",
  })
  distance!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Largest distance inside the domain (DISTANCE only).",
  })
  maxDistance!: number | null;
}

@ObjectType({ description: "High or low at a threshold, with the members' agreement." })
export class ScreeningClass {
  @Field(() => String)
  target!: string;

  @Field(() => Float, {
    description: "In the target unit; the ensemble mean at or above it is high.",
  })
  threshold!: number;

  @Field(() => ThresholdSource, {
    description: "The model's own threshold or the one in the request.",
  })
  thresholdSource!: ThresholdSource;

  @Field(() => Boolean, { description: "Whether the ensemble mean is at or above the threshold." })
  high!: boolean;

  @Field(() => Float, {
    description: "Share of the members predicting at or above the threshold, 0 to 1.",
  })
  shareAbove!: number;
}

@ObjectType()
export class FeatureRange {
  @Field(() => String)
  feature!: string;

  @Field(() => Float)
  min!: number;

  @Field(() => Float)
  max!: number;
}

@ObjectType({ description: "Where a model was trained: compositions outside it get warnings." })
export class TrainingDomainSummary {
  @Field(() => String, {
    description:
      '"rows" when computed from the training rows, "scaler" when estimated from their mean and sd.',
  })
  source!: string;

  @Field(() => Int)
  rows!: number;

  @Field(() => [FeatureRange])
  ranges!: FeatureRange[];

  @Field(() => Float, { description: "Largest Mahalanobis distance inside the domain." })
  maxDistance!: number;
}

@ObjectType({ description: "Mean test metrics of one target over the training repetitions." })
export class ModelMetric {
  @Field(() => String)
  target!: string;

  @Field(() => Float, { nullable: true })
  r2!: number | null;

  @Field(() => Float, { nullable: true, description: "In %." })
  mape!: number | null;
}
