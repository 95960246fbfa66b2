import { Run, RunCompletion, RunEvent } from "@ree/schema/types";
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from "type-graphql";

import type { Context } from "../context.js";
import { loadersOf } from "../loaders.js";
import { cancelRun } from "../services/cancelRun.js";
import { toRun } from "../services/records.js";

/** Fields and mutations of run execution: the log of events, stored repetitions, cancellation. */
@Resolver(() => Run)
export class RunJobsResolver {
  @FieldResolver(() => [RunEvent], { description: "The run's log, oldest first." })
  events(@Root() run: Run, @Ctx() context: Context): Promise<RunEvent[]> {
    return loadersOf(context).runEvents.load(run.id);
  }

  @FieldResolver(() => Int, {
    description:
      "Repetitions whose results are stored: all of them once SUCCEEDED, those done before a cancellation or crash otherwise.",
  })
  finishedRepetitions(@Root() run: Run, @Ctx() context: Context): Promise<number> {
    return loadersOf(context).finishedRepetitions.load(run.id);
  }

  @FieldResolver(() => RunCompletion, {
    description:
      "Stored units of the run out of all: grid cells of a grid search, repetitions otherwise. " +
      "A feature elimination counts its selection repetitions, which finishedRepetitions does not.",
  })
  async completion(@Root() run: Run, @Ctx() context: Context): Promise<RunCompletion> {
    const completion = await loadersOf(context).completions.load(run.id);
    if (!completion) {
      throw new Error(`run ${run.id} was not found while counting its finished units`);
    }

    return completion;
  }

  @Mutation(() => Run, {
    description:
      "Cancels a QUEUED or RUNNING run; its workers stop at the next epoch. Fails with CONFLICT for a run that already ended.",
  })
  async cancelRun(
    @Arg("id", () => ID) id: string,
    @Ctx() { prisma, organizationId, teamIds, logger }: Context,
  ): Promise<Run> {
    const row = await cancelRun(prisma, { organizationId, teamIds }, id);
    logger.info({ runId: id }, "run cancelled");

    return toRun({ ...row, results: null });
  }
}
