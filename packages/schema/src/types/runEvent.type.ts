import { Field, ObjectType } from "type-graphql";

@ObjectType({ description: "An entry in a run's log: what happened, and when." })
export class RunEvent {
  @Field(() => Date)
  at!: Date;

  @Field(() => String, {
    description:
      "QUEUED, STARTED, PART_STARTED, PART_FINISHED, PART_STOPPED, WORKER_LOST, MERGE_RETRIED, " +
      "SUCCEEDED, FAILED or CANCELLED.",
  })
  kind!: string;

  @Field(() => String)
  message!: string;
}
