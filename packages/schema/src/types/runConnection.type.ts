import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";

import { RunStatus, RunTask } from "./enums.js";
import { Run } from "./run.type.js";
import { PageInfo } from "./sample.type.js";

export const RunSortField = {
  CREATED_AT: "CREATED_AT",
  NAME: "NAME",
  STATUS: "STATUS",
  DATASET: "DATASET",
  TEST_R2_TOTAL: "TEST_R2_TOTAL",
} as const;
export type RunSortField = (typeof RunSortField)[keyof typeof RunSortField];

registerEnumType(RunSortField, {
  name: "RunSortField",
  description:
    "CREATED_AT: creation time. NAME: run name. STATUS: QUEUED, RUNNING, SUCCEEDED, FAILED in " +
    "that order. DATASET: data set name. TEST_R2_TOTAL: best mean test R2 of the total REE over " +
    "the model kinds; runs without one come last in either direction.",
});

@InputType({ description: "Order of a run list; ties are broken by id in the same direction." })
export class RunOrder {
  @Field(() => RunSortField)
  field!: RunSortField;

  @Field(() => Boolean, { nullable: true, description: "Default false: ascending." })
  descending?: boolean | null;
}

@InputType({ description: "Conditions that every listed run meets; an empty list means any." })
export class RunFilter {
  @Field(() => [RunStatus], { nullable: true })
  statuses?: RunStatus[] | null;

  @Field(() => [RunTask], { nullable: true })
  tasks?: RunTask[] | null;

  @Field(() => [ID], { nullable: true })
  datasetIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Only these runs, e.g. for a comparison." })
  ids?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: "Part of the run name, case-insensitive.",
  })
  nameContains?: string | null;
}

@ObjectType()
export class RunEdge {
  @Field(() => String, { description: "Opaque keyset cursor; stays valid if this run is deleted." })
  cursor!: string;

  @Field(() => Run)
  node!: Run;
}

@ObjectType({ description: "A page of runs, as a Relay connection." })
export class RunConnection {
  @Field(() => [RunEdge])
  edges!: RunEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: "Runs that match the filter, on every page." })
  totalCount!: number;
}
