import { describe, expect, it } from "vitest";

import { createMatrix } from "../matrix/Matrix.js";
import type { NetworkOptions, TrainingJob } from "../network/NetworkEngine.js";
import { estimateJobCost, planChunks } from "../network/threads/planChunks.js";

function job(rows: number, outputs: number, overrides: Partial<NetworkOptions> = {}): TrainingJob {
  return {
    x: createMatrix(rows, 6),
    y: createMatrix(rows, outputs),
    options: {
      hiddenUnits: [20, 6],
      learningRate: 1e-3,
      weightDecay: 1e-2,
      batchSize: 10,
      epochs: 500,
      lossWeights: new Array<number>(outputs).fill(1),
      seed: 0,
      ...overrides,
    },
  };
}

/** The jobs of one 30-repetition evaluation: 17 single-task networks and one multi-task each. */
const evaluationJobs = Array.from({ length: 30 }, () => [
  ...Array.from({ length: 17 }, () => job(8, 1)),
  job(8, 17),
]).flat();

describe("planChunks", () => {
  it("plans every job exactly once", () => {
    for (const threads of [1, 2, 3, 16]) {
      const chunks = planChunks(evaluationJobs, threads);
      const planned = chunks.flatMap((chunk) => chunk.jobs).sort((a, b) => a - b);

      expect(planned, `${threads} threads`).toEqual(evaluationJobs.map((_, index) => index));
    }
  });

  it("keeps one network shape per chunk", () => {
    for (const chunk of planChunks(evaluationJobs, 2)) {
      const outputs = new Set(chunk.jobs.map((index) => evaluationJobs[index]?.y.columns));

      expect(outputs.size).toBe(1);
    }
  });

  it("caps chunks at 32 jobs", () => {
    const chunks = planChunks(evaluationJobs, 1);

    expect(Math.max(...chunks.map((chunk) => chunk.jobs.length))).toBeLessThanOrEqual(32);
  });

  it("sizes chunks by group and threads", () => {
    const chunks = planChunks(evaluationJobs, 2);
    const singleTask = chunks.filter(
      (chunk) => evaluationJobs[chunk.jobs[0] ?? 0]?.y.columns === 1,
    );

    // 510 single-task jobs make 16 chunks of at most 32; the 30 multi-task jobs
    // make 4 chunks of 7 or 8, the minimum size below which groups are not split.
    expect(singleTask).toHaveLength(16);
    expect(chunks).toHaveLength(20);
  });

  it("orders chunks costliest first", () => {
    const costs = planChunks(evaluationJobs, 2).map((chunk) => chunk.cost);

    expect(costs).toEqual([...costs].sort((a, b) => b - a));
  });

  it("splits small groups to occupy every thread", () => {
    const jobs = [job(8, 1), job(8, 1), job(8, 1), job(12, 3)];
    const chunks = planChunks(jobs, 3);

    expect(chunks).toHaveLength(3);
    expect(planChunks(jobs, 8)).toHaveLength(4);
  });

  it("plans one chunk for one job", () => {
    expect(planChunks([job(8, 1)], 4)).toEqual([{ jobs: [0], cost: estimateJobCost(job(8, 1)) }]);
  });

  it("plans nothing for no jobs", () => {
    expect(planChunks([], 2)).toEqual([]);
  });
});

describe("estimateJobCost", () => {
  it("grows with epochs, rows and weights", () => {
    const base = estimateJobCost(job(8, 1));

    // 6*20 + 20*6 + 6*1 = 246 weights; 8 rows in 1 batch of 10, 500 epochs.
    expect(base).toBe(500 * 246 * (8 + 1));
    expect(estimateJobCost(job(8, 1, { epochs: 1000 }))).toBe(2 * base);
    expect(estimateJobCost(job(8, 17))).toBeGreaterThan(base);
    expect(estimateJobCost(job(80, 1))).toBeGreaterThan(base);
  });
});
