import type { NetworkPredictor } from "../artifact/ModelArtifact.js";
import type { JobEpochEnd, NetworkEngine, TrainingJob } from "../network/NetworkEngine.js";

/**
 * Trains every job, all at once when the engine can (`trainMany`) and one by
 * one otherwise, and calls `onEpochEnd` with the share of all epochs done.
 * An abort of `signal` stops the training at the next epoch.
 */
export async function trainAll(
  engine: NetworkEngine,
  jobs: readonly TrainingJob[],
  onEpochEnd: (event: JobEpochEnd, fraction: number) => void,
  signal?: AbortSignal,
): Promise<NetworkPredictor[]> {
  const totalEpochs = jobs.reduce((sum, job) => sum + job.options.epochs, 0);
  let epochsDone = 0;
  const report = (event: JobEpochEnd) => {
    signal?.throwIfAborted();
    epochsDone++;
    onEpochEnd(event, totalEpochs === 0 ? 1 : epochsDone / totalEpochs);
  };

  signal?.throwIfAborted();
  if (engine.trainMany) {
    return engine.trainMany(jobs, report);
  }

  const predictors: NetworkPredictor[] = [];
  for (const [index, { x, y, options }] of jobs.entries()) {
    predictors.push(await engine.train(x, y, options, (event) => report({ ...event, job: index })));
  }

  return predictors;
}
