import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";

export const CorrelationMethod = {
  PEARSON: "PEARSON",
  SPEARMAN: "SPEARMAN",
} as const;
export type CorrelationMethod = (typeof CorrelationMethod)[keyof typeof CorrelationMethod];

registerEnumType(CorrelationMethod, {
  name: "CorrelationMethod",
  description:
    "PEARSON: linear correlation of the values. SPEARMAN: correlation of the ranks, tied values " +
    "sharing their average rank; it measures any monotonic relation.",
});

@ObjectType({
  description:
    "Correlations between every two feature and target columns of a data set. Each entry uses " +
    "the samples where both values are present.",
})
export class CorrelationMatrix {
  @Field(() => CorrelationMethod)
  method!: CorrelationMethod;

  @Field(() => [String], { description: "Features first, then targets, in data set order." })
  columns!: string[];

  @Field(() => [Float], {
    nullable: "items",
    description:
      "Row-major, columns.length squared entries from -1 to 1. Null where the correlation is " +
      "undefined: fewer than 3 complete pairs, or a column that is constant over them.",
  })
  values!: (number | null)[];

  @Field(() => Int, { description: "Columns that are features; the targets follow them." })
  featureCount!: number;

  @Field(() => Int, { description: "Samples in the data set." })
  sampleCount!: number;
}
