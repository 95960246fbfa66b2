/** Settings of run splitting, worker heartbeats and per-team limits. */
export interface JobSettings {
  /**
   * Repetitions of an evaluation or of a feature elimination that one job trains. Smaller parts spread a
   * run over more workers and lose less work to a crash. Larger parts let the
   * fused engine train more networks at once.
   * @default 5
   */
  repetitionsPerJob: number;
  /**
   * Cells of a grid search that one job scores. A cell trains one network per
   * selection repetition, so a job of the study's grid (one repetition) trains
   * this many networks.
   * @default 100
   */
  gridCellsPerJob: number;
  /**
   * Milliseconds between two heartbeats of a worker. At each one it renews the
   * parts it holds, stops parts of cancelled runs, and queues again the parts
   * of workers silent for STALE_HEARTBEATS intervals.
   * @default 5000
   */
  heartbeatMs: number;
  /** Times a part may be started before its run fails. @default 3 */
  maxPartAttempts: number;
  /**
   * Runs of one team that may run at once; runs outside any team count against
   * their organisation. Further runs wait in QUEUED.
   * @default 2
   */
  maxRunningRunsPerTeam: number;
  /**
   * Milliseconds a worker waits after merging a run's parts and before storing the results.
   * Tests set it to kill a worker inside that window; 0 in production.
   * @default 0
   */
  finishPauseMs?: number;
}

/** Heartbeat intervals a part may miss before another worker takes it. */
export const STALE_HEARTBEATS = 3;

type Variable = [name: string, fallback: number, least: number];

const VARIABLES: Readonly<Record<keyof JobSettings, Variable>> = {
  repetitionsPerJob: ["REE_REPETITIONS_PER_JOB", 5, 1],
  gridCellsPerJob: ["REE_GRID_CELLS_PER_JOB", 100, 1],
  heartbeatMs: ["REE_HEARTBEAT_MS", 5000, 1],
  maxPartAttempts: ["REE_MAX_PART_ATTEMPTS", 3, 1],
  maxRunningRunsPerTeam: ["REE_MAX_RUNNING_RUNS_PER_TEAM", 2, 1],
  finishPauseMs: ["REE_TEST_FINISH_PAUSE_MS", 0, 0],
};

/**
 * Reads the settings from the environment; each must be a positive integer, except
 * REE_TEST_FINISH_PAUSE_MS, which may be 0.
 */
export function readJobSettings(env: NodeJS.ProcessEnv = process.env): JobSettings {
  const read = ([name, fallback, least]: Variable) => {
    const text = env[name];
    if (text === undefined || text === "") {
      return fallback;
    }

    const value = Number(text);
    if (!Number.isInteger(value) || value < least) {
      const kind = least === 0 ? "a non-negative integer" : "a positive integer";
      throw new RangeError(`${name} is "${text}"; set it to ${kind} or leave it unset`);
    }

    return value;
  };

  return {
    repetitionsPerJob: read(VARIABLES.repetitionsPerJob),
    gridCellsPerJob: read(VARIABLES.gridCellsPerJob),
    heartbeatMs: read(VARIABLES.heartbeatMs),
    maxPartAttempts: read(VARIABLES.maxPartAttempts),
    maxRunningRunsPerTeam: read(VARIABLES.maxRunningRunsPerTeam),
    finishPauseMs: read(VARIABLES.finishPauseMs),
  };
}
