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
}

/** Heartbeat intervals a part may miss before another worker takes it. */
export const STALE_HEARTBEATS = 3;

const VARIABLES: Readonly<Record<keyof JobSettings, [name: string, fallback: number]>> = {
  repetitionsPerJob: ["REE_REPETITIONS_PER_JOB", 5],
  gridCellsPerJob: ["REE_GRID_CELLS_PER_JOB", 100],
  heartbeatMs: ["REE_HEARTBEAT_MS", 5000],
  maxPartAttempts: ["REE_MAX_PART_ATTEMPTS", 3],
  maxRunningRunsPerTeam: ["REE_MAX_RUNNING_RUNS_PER_TEAM", 2],
};

/** Reads the settings from the environment; each must be a positive integer. */
export function readJobSettings(env: NodeJS.ProcessEnv = process.env): JobSettings {
  const read = ([name, fallback]: [string, number]) => {
    const text = env[name];
    if (text === undefined || text === "") {
      return fallback;
    }

    const value = Number(text);
    if (!Number.isInteger(value) || value < 1) {
      throw new RangeError(`${name} is "${text}"; set it to a positive integer or leave it unset`);
    }

    return value;
  };

  return {
    repetitionsPerJob: read(VARIABLES.repetitionsPerJob),
    gridCellsPerJob: read(VARIABLES.gridCellsPerJob),
    heartbeatMs: read(VARIABLES.heartbeatMs),
    maxPartAttempts: read(VARIABLES.maxPartAttempts),
    maxRunningRunsPerTeam: read(VARIABLES.maxRunningRunsPerTeam),
  };
}
