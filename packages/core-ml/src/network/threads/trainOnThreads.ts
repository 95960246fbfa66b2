import type { Worker } from "node:worker_threads";

import type { NetworkPredictor } from "../../artifact/ModelArtifact.js";
import { checkTrainingJob } from "../checkTrainingJob.js";
import { trainNetworks } from "../fused/trainNetworks.js";
import type { JobEpochEnd, TrainingJob } from "../NetworkEngine.js";
import { type JobChunk, planChunks } from "./planChunks.js";
import type { TrainingWorkerPool } from "./TrainingWorkerPool.js";
import {
  type ChunkRequest,
  PROGRESS_EVENT_LENGTH,
  type ProgressMessage,
  type WorkerMessage,
} from "./workerMessages.js";

/** Threads to train on, and the pool that keeps their workers between calls. */
export interface ThreadSettings {
  threads: number;
  pool: TrainingWorkerPool;
}

/**
 * Trains the jobs with trainNetworks on up to `threads` worker threads and returns
 * their predictors in job order. The jobs are cut into chunks of similar
 * networks (see planChunks), and each thread takes the next chunk from a queue,
 * costliest first, when it finishes one. The predictors are the same as those of
 * trainNetworks on the calling thread, whatever the number of threads, because
 * trainNetworks gives each job the weights it gets when trained alone.
 *
 * One thread, or a plan with a single chunk, trains on the calling thread
 * without starting workers.
 *
 * @param onEpochEnd Called once for every epoch of every job, on the calling
 *   thread. Workers send their events in batches (see trainingWorker), so the
 *   calls come in bursts, each job's epochs in order. An exception thrown
 *   there, such as an abort, terminates every worker and rejects the promise
 *   with that exception.
 * @throws RangeError for an invalid job, before any training starts. A failure
 *   in a worker rejects with the worker's error message. On success the workers
 *   go back to the pool. On failure the promise settles only after every
 *   worker of the call has exited.
 */
export async function trainOnThreads(
  jobs: readonly TrainingJob[],
  { threads, pool }: ThreadSettings,
  onEpochEnd?: (event: JobEpochEnd) => void,
): Promise<NetworkPredictor[]> {
  jobs.forEach(({ x, y, options }) => checkTrainingJob(x, y, options));
  const chunks = threads > 1 ? planChunks(jobs, threads) : [];
  if (chunks.length < 2) {
    return trainNetworks(jobs, onEpochEnd);
  }

  const workers = pool.acquire(Math.min(threads, chunks.length));

  return new ThreadedTraining(jobs, chunks, onEpochEnd, pool).run(workers);
}

/** State of one trainOnThreads call that uses worker threads. */
class ThreadedTraining {
  private readonly predictors: NetworkPredictor[];
  private workers: readonly Worker[] = [];
  /** Listeners added to each worker, removed before the worker goes back to the pool. */
  private readonly listeners = new Map<Worker, WorkerListeners>();
  private nextChunk = 0;
  private chunksDone = 0;
  private settled = false;
  private resolve: (predictors: NetworkPredictor[]) => void = () => undefined;
  private reject: (error: unknown) => void = () => undefined;

  constructor(
    private readonly jobs: readonly TrainingJob[],
    private readonly chunks: readonly JobChunk[],
    private readonly onEpochEnd: ((event: JobEpochEnd) => void) | undefined,
    private readonly pool: TrainingWorkerPool,
  ) {
    this.predictors = new Array<NetworkPredictor>(jobs.length);
  }

  run(workers: readonly Worker[]): Promise<NetworkPredictor[]> {
    this.workers = workers;

    return new Promise<NetworkPredictor[]>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
      try {
        workers.forEach((worker) => this.listen(worker));
        workers.forEach((worker) => this.sendNextChunk(worker));
      } catch (error) {
        this.fail(error);
      }
    });
  }

  private listen(worker: Worker): void {
    const listeners: WorkerListeners = {
      message: (message) => {
        try {
          this.receive(worker, message);
        } catch (error) {
          this.fail(error);
        }
      },
      error: (error) => this.fail(error),
      exit: (code) => {
        this.fail(
          new Error(`a training worker thread exited with code ${code} before the training ended`),
        );
      },
    };
    worker.on("message", listeners.message);
    worker.on("error", listeners.error);
    worker.on("messageerror", listeners.error);
    worker.on("exit", listeners.exit);
    this.listeners.set(worker, listeners);
  }

  private sendNextChunk(worker: Worker): void {
    const chunk = this.nextChunk;
    const planned = this.chunks[chunk];
    if (planned === undefined) {
      return;
    }

    this.nextChunk++;
    const request: ChunkRequest = {
      chunk,
      jobs: planned.jobs.map((index) => this.jobs[index] as TrainingJob),
      reportProgress: this.onEpochEnd !== undefined,
    };
    worker.postMessage(request);
  }

  private receive(worker: Worker, message: WorkerMessage): void {
    if (this.settled) {
      return;
    }

    const planned = this.chunks[message.chunk];
    if (planned === undefined) {
      throw new Error(`a training worker replied for chunk ${message.chunk}, which was not sent`);
    }

    switch (message.type) {
      case "progress":
        this.replayEpochs(planned, message);
        break;
      case "trained":
        message.predictors.forEach((predictor, m) => {
          this.predictors[planned.jobs[m] ?? -1] = predictor;
        });
        this.chunksDone++;
        if (this.chunksDone === this.chunks.length) {
          this.succeed();
        } else {
          this.sendNextChunk(worker);
        }

        break;
      case "failed": {
        const error = new Error(message.message);
        error.name = message.name;
        error.stack = message.stack ?? error.stack;
        this.fail(error);
        break;
      }
    }
  }

  /** Calls onEpochEnd for each event of a batch, stopping at the first exception. */
  private replayEpochs(planned: JobChunk, { events }: ProgressMessage): void {
    const onEpochEnd = this.onEpochEnd;
    for (let i = 0; i < events.length && onEpochEnd && !this.settled; i += PROGRESS_EVENT_LENGTH) {
      const job = planned.jobs[events[i] ?? -1] ?? -1;
      onEpochEnd({
        job,
        epoch: events[i + 1] ?? NaN,
        epochs: this.jobs[job]?.options.epochs ?? NaN,
        loss: events[i + 2] ?? NaN,
      });
    }
  }

  /** Returns the workers, which have all replied to their last chunk, to the pool. */
  private succeed(): void {
    this.settled = true;
    for (const [worker, listeners] of this.listeners) {
      worker.off("message", listeners.message);
      worker.off("error", listeners.error);
      worker.off("messageerror", listeners.error);
      worker.off("exit", listeners.exit);
    }

    this.pool.release(this.workers);
    this.resolve(this.predictors);
  }

  /**
   * Terminates every worker of this call, then rejects. Messages and exits that
   * follow are ignored.
   */
  private fail(error: unknown): void {
    if (this.settled) {
      return;
    }

    this.settled = true;
    const terminated = this.workers.map((worker) => worker.terminate());
    void Promise.allSettled(terminated).then(() => this.reject(error));
  }
}

interface WorkerListeners {
  message: (message: WorkerMessage) => void;
  error: (error: unknown) => void;
  exit: (code: number) => void;
}
