import { Field, Float, ID, Int, ObjectType } from "type-graphql";

import { ColumnRole } from "./enums.js";

@ObjectType({ description: "A numeric column of a data set." })
export class DatasetColumn {
  @Field(() => String)
  name!: string;

  @Field(() => ColumnRole)
  role!: ColumnRole;

  @Field(() => String, { description: 'Unit of the values, e.g. "mol %" or "ppm (molar)".' })
  unit!: string;
}

@ObjectType({
  description: "Summary of one column: percentiles 0/20/50/80/100, mean and sample sd.",
})
export class ColumnStatistics {
  @Field(() => String)
  column!: string;

  @Field(() => String)
  unit!: string;

  @Field(() => Int)
  count!: number;

  @Field(() => Float)
  p0!: number;

  @Field(() => Float)
  p20!: number;

  @Field(() => Float)
  p50!: number;

  @Field(() => Float)
  p80!: number;

  @Field(() => Float)
  p100!: number;

  @Field(() => Float)
  mean!: number;

  @Field(() => Float, { nullable: true, description: "Null when the column has one value." })
  sd!: number | null;
}

@ObjectType()
export class Dataset {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  description!: string;

  @Field(() => String, { description: "Where the data come from, with a citation." })
  source!: string;

  @Field(() => String)
  license!: string;

  @Field(() => Int)
  sampleCount!: number;

  @Field(() => [DatasetColumn])
  columns!: DatasetColumn[];

  @Field(() => Date)
  createdAt!: Date;

  /** The version whose samples are served; not a GraphQL field (see `version`). */
  latestVersionId?: string | null;
}
