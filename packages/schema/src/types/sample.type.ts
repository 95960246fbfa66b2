import { GraphQLJSONObject } from "graphql-scalars";
import { Field, ID, Int, ObjectType, Float } from "type-graphql";

@ObjectType()
export class Sample {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  label!: string;

  @Field(() => Int, { description: "Row of the sample in the imported table, from 0." })
  position!: number;

  @Field(() => [Float], { description: "Values in the order of Dataset.columns." })
  values!: number[];

  @Field(() => GraphQLJSONObject, { description: "Non-numeric columns, by header." })
  metadata!: Record<string, unknown>;
}

@ObjectType()
export class PageInfo {
  @Field(() => String, { nullable: true })
  endCursor!: string | null;

  @Field(() => Boolean)
  hasNextPage!: boolean;
}

@ObjectType({ description: "A sample with the cursor that pages after it (Relay edge)." })
export class SampleEdge {
  @Field(() => Sample)
  node!: Sample;

  @Field(() => String, {
    description: "Stays valid when rows are deleted: the next page starts after its position.",
  })
  cursor!: string;
}

@ObjectType()
export class SampleConnection {
  @Field(() => [SampleEdge])
  edges!: SampleEdge[];

  @Field(() => [Sample], { description: "The edges' nodes, for clients that need no cursors." })
  nodes!: Sample[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
