import type { TrainingJob } from "../NetworkEngine.js";
import { groupJobs } from "../fused/trainNetworks.js";

/** Jobs that one worker trains in one trainNetworks call. */
export interface JobChunk {
  /** Indices into the job list, ascending. */
  jobs: number[];
  /** Relative amount of work, from estimateJobCost; only compared between chunks. */
  cost: number;
}

/**
 * Maximum jobs per chunk: trainNetworks trains at most 32 models in one
 * struct-of-arrays group, so larger chunks would not train faster per model,
 * while smaller ones balance the threads better.
 */
const MAX_CHUNK_JOBS = 32;

/**
 * Jobs per chunk below which a chunk is split only to occupy every thread.
 * Groups of 8 to 32 models took about the same time per model-step (see
 * MAX_GROUP_SIZE in trainNetworks.ts), while a single model took 2.2 to 2.4
 * times a model-step in a group of 30 (bench/RESULTS.md, 6-20-6-17 network).
 */
const MIN_CHUNK_JOBS = 8;

/**
 * Chunks aimed at per thread, so that threads that finish early take over
 * work from the queue when the cost estimate or the machine's load is uneven.
 */
const CHUNKS_PER_THREAD = 4;

/**
 * Splits jobs into chunks for `threads` workers, costliest first. Each chunk
 * contains jobs that trainNetworks can train as one group (same layer sizes,
 * rows, batch size and epochs). The split only affects speed, because
 * trainNetworks gives every job the same weights whatever it is grouped with.
 */
export function planChunks(jobs: readonly TrainingJob[], threads: number): JobChunk[] {
  const chunks = groupJobs(jobs).flatMap((group) =>
    splitEvenly(group, chunkCount(group.length, threads)).map((indices) =>
      createChunk(indices, jobs),
    ),
  );
  // Few large groups can leave threads idle, so split the costliest chunks further.
  while (chunks.length < threads) {
    const largest = chunks.reduce<JobChunk | undefined>(
      (best, chunk) =>
        chunk.jobs.length > 1 && (best === undefined || chunk.cost > best.cost) ? chunk : best,
      undefined,
    );
    if (largest === undefined) {
      break;
    }

    const [first = [], second = []] = splitEvenly(largest.jobs, 2);
    chunks.splice(chunks.indexOf(largest), 1, createChunk(first, jobs), createChunk(second, jobs));
  }

  // Costliest first, so the chunks started last are short and the threads finish together.
  return chunks.sort((a, b) => b.cost - a.cost || (a.jobs[0] ?? 0) - (b.jobs[0] ?? 0));
}

/**
 * Estimates a job's training work in arbitrary units: per epoch, every row passes
 * forward and backward through every weight, and every batch updates every weight.
 * Biases and batch normalization are left out, being a few percent of the weights.
 */
export function estimateJobCost({ x, y, options }: TrainingJob): number {
  const sizes = [x.columns, ...options.hiddenUnits, y.columns];
  let weights = 0;
  for (let layer = 1; layer < sizes.length; layer++) {
    weights += (sizes[layer - 1] ?? 0) * (sizes[layer] ?? 0);
  }

  const batches = Math.ceil(x.rows / options.batchSize);

  return options.epochs * weights * (x.rows + batches);
}

function chunkCount(groupLength: number, threads: number): number {
  const forBalance = Math.min(Math.ceil(groupLength / MIN_CHUNK_JOBS), threads * CHUNKS_PER_THREAD);

  return Math.max(Math.ceil(groupLength / MAX_CHUNK_JOBS), forBalance);
}

function createChunk(indices: number[], jobs: readonly TrainingJob[]): JobChunk {
  const cost = indices.reduce((sum, index) => sum + estimateJobCost(jobs[index] as TrainingJob), 0);

  return { jobs: indices, cost };
}

/** Cuts `items` into `parts` consecutive runs whose lengths differ by at most 1. */
function splitEvenly(items: readonly number[], parts: number): number[][] {
  const runs: number[][] = [];
  let start = 0;
  for (let part = 0; part < parts; part++) {
    const end = start + Math.floor((items.length - start) / (parts - part));
    runs.push(items.slice(start, end));
    start = end;
  }

  return runs;
}
