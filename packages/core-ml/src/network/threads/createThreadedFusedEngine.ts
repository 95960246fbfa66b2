import { availableParallelism } from "node:os";

import { createFusedEngine } from "../fused/createFusedEngine.js";
import type { NetworkEngine } from "../NetworkEngine.js";
import { trainOnThreads } from "./trainOnThreads.js";
import { TrainingWorkerPool } from "./TrainingWorkerPool.js";

export interface ThreadedFusedEngineOptions {
  /** Worker threads that trainMany uses at most; defaults to os.availableParallelism(). */
  threads?: number;
  /**
   * Milliseconds that workers wait for the next trainMany call before they exit;
   * defaults to DEFAULT_IDLE_TIMEOUT_MS, and Infinity keeps them. Idle workers never
   * keep the process alive.
   */
  idleTimeoutMs?: number;
}

/**
 * Default idle time of the workers. Feature elimination and grid search call
 * trainMany once per step, with milliseconds of scoring in between. Starting a
 * worker costs about 0.15 s of CPU time: about 75 ms to load the modules and
 * compile the WebAssembly kernels, and as much again while its first chunk
 * trains before the JIT compilers have optimized the code. An idle worker
 * takes about 15 MiB. These figures come from scratch runs of the compiled
 * package on the machine of bench/RESULTS.md.
 */
export const DEFAULT_IDLE_TIMEOUT_MS = 5000;

/**
 * Creates the fused engine with trainMany spread over worker threads, one
 * trainNetworks call per chunk of similar jobs, so that independent trainings
 * use every core. Its predictors equal those of createFusedEngine bit for bit,
 * whatever the number of threads. `train` (one network) and trainMany calls
 * that give a single chunk run on the calling thread.
 * @throws RangeError when `threads` is not a positive integer or `idleTimeoutMs` is negative.
 */
export function createThreadedFusedEngine(options: ThreadedFusedEngineOptions = {}): NetworkEngine {
  const { threads = availableParallelism(), idleTimeoutMs = DEFAULT_IDLE_TIMEOUT_MS } = options;
  if (!Number.isInteger(threads) || threads < 1) {
    throw new RangeError(`threads must be a positive integer, got ${threads}`);
  }

  if (!(idleTimeoutMs >= 0)) {
    throw new RangeError(`idleTimeoutMs must be zero or more milliseconds, got ${idleTimeoutMs}`);
  }

  const singleThread = createFusedEngine();
  const settings = { threads, pool: new TrainingWorkerPool(idleTimeoutMs) };

  return {
    name: `${singleThread.name} x${threads} ${threads === 1 ? "thread" : "threads"}`,
    train: singleThread.train,
    trainMany: (jobs, onEpochEnd) => trainOnThreads(jobs, settings, onEpochEnd),
  };
}
