/**
 * Entry point of a training worker thread, started by trainOnThreads. It trains
 * each requested chunk of jobs with trainNetworks and replies with the
 * predictors, sending the epoch events in between in batches.
 */
import { type MessagePort, parentPort } from "node:worker_threads";

import type { JobEpochEnd } from "../NetworkEngine.js";
import { trainNetworks } from "../fused/trainNetworks.js";
import { type ChunkRequest, PROGRESS_EVENT_LENGTH, type WorkerMessage } from "./workerMessages.js";

/**
 * Minimum milliseconds between progress messages. Thousands of jobs with hundreds
 * of epochs each give millions of epoch events, so one message per event would
 * keep the calling thread busy. At 20 messages a second per thread, the caller's
 * progress still moves smoothly.
 */
const PROGRESS_INTERVAL_MS = 50;

/** Epoch events collected between two progress messages of one chunk. */
class ProgressBuffer {
  private values = new Float64Array(PROGRESS_EVENT_LENGTH * 1024);
  private length = 0;
  private lastSent = performance.now();

  constructor(
    private readonly port: MessagePort,
    private readonly chunk: number,
  ) {}

  add({ job, epoch, loss }: JobEpochEnd): void {
    if (this.length + PROGRESS_EVENT_LENGTH > this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }

    this.values[this.length] = job;
    this.values[this.length + 1] = epoch;
    this.values[this.length + 2] = loss;
    this.length += PROGRESS_EVENT_LENGTH;
    if (performance.now() - this.lastSent >= PROGRESS_INTERVAL_MS) {
      this.send();
    }
  }

  /** Sends the collected events, if any, and starts a new batch. */
  send(): void {
    if (this.length > 0) {
      const events = this.values.slice(0, this.length);
      const message: WorkerMessage = { type: "progress", chunk: this.chunk, events };
      this.port.postMessage(message, [events.buffer]);
      this.length = 0;
    }

    this.lastSent = performance.now();
  }
}

async function trainChunk(port: MessagePort, request: ChunkRequest): Promise<void> {
  const { chunk, jobs, reportProgress } = request;
  const progress = reportProgress ? new ProgressBuffer(port, chunk) : undefined;
  let reply: WorkerMessage;
  try {
    const predictors = await trainNetworks(jobs, progress && ((event) => progress.add(event)));
    // The last events go out before the predictors, so the caller has counted
    // every epoch of the chunk when its result arrives.
    progress?.send();
    reply = { type: "trained", chunk, predictors };
  } catch (error) {
    const { name, message, stack } =
      error instanceof Error ? error : { name: "Error", message: String(error), stack: undefined };
    reply = { type: "failed", chunk, name, message, stack };
  }

  port.postMessage(reply);
}

const port = parentPort;
if (port === null) {
  throw new Error(
    "trainingWorker runs only as a worker thread; train through createThreadedFusedEngine",
  );
}

port.on("message", (request: ChunkRequest) => {
  void trainChunk(port, request);
});
