import { Field, Float, ObjectType } from "type-graphql";

import { DomainWarning, ScreeningClass } from "./domain.type.js";

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
