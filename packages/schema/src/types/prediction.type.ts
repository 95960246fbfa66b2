import { Field, Float, ObjectType } from "type-graphql";

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
}
