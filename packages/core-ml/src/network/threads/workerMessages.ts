import type { NetworkPredictor } from "../../artifact/ModelArtifact.js";
import type { TrainingJob } from "../NetworkEngine.js";

/** Request from the calling thread: train one chunk of jobs with trainNetworks. */
export interface ChunkRequest {
  /** Index of the chunk in the plan, echoed in every reply. */
  chunk: number;
  jobs: TrainingJob[];
  /** Whether to send epoch events; without a caller's onEpochEnd they would be dropped. */
  reportProgress: boolean;
}

/**
 * Epoch ends collected since the previous message, as (job, epoch, loss) triples, where
 * job is the index within the chunk's jobs.
 */
export interface ProgressMessage {
  type: "progress";
  chunk: number;
  events: Float64Array;
}

/** The chunk's predictors, in the order of its jobs. */
export interface TrainedMessage {
  type: "trained";
  chunk: number;
  predictors: NetworkPredictor[];
}

/** An exception thrown while training the chunk, with the worker's stack trace. */
export interface FailedMessage {
  type: "failed";
  chunk: number;
  name: string;
  message: string;
  stack: string | undefined;
}

export type WorkerMessage = ProgressMessage | TrainedMessage | FailedMessage;

/** Numbers per epoch end in ProgressMessage.events. */
export const PROGRESS_EVENT_LENGTH = 3;
