import type * as WorkerThreads from "node:worker_threads";
import type { Worker as NodeWorker } from "node:worker_threads";

import { describe, expect, it, vi } from "vitest";

import type { NetworkPredictor } from "../artifact/ModelArtifact.js";
import { trainAll } from "../evaluation/trainAll.js";
import { createMatrix } from "../matrix/Matrix.js";
import { createNetworkEngine } from "../network/createNetworkEngine.js";
import { createFusedEngine } from "../network/fused/createFusedEngine.js";
import type { JobEpochEnd, NetworkOptions, TrainingJob } from "../network/NetworkEngine.js";
import { createThreadedFusedEngine } from "../network/threads/createThreadedFusedEngine.js";
import { createRandom } from "../random/createRandom.js";

/** Every worker thread the engine starts, with whether it has exited. */
const started = vi.hoisted(() => [] as { worker: NodeWorker; exited: boolean }[]);

vi.mock("node:worker_threads", async (importOriginal) => {
  const original = await importOriginal<typeof WorkerThreads>();

  class TrackedWorker extends original.Worker {
    constructor(...args: ConstructorParameters<typeof original.Worker>) {
      super(...args);
      const entry = { worker: this as NodeWorker, exited: false };
      started.push(entry);
      this.on("exit", () => {
        entry.exited = true;
      });
    }
  }

  return { ...original, Worker: TrackedWorker };
});

/** Uniform synthetic data in [-1, 1); enough to train, not to fit. */
function syntheticJob(
  rows: number,
  inputs: number,
  outputs: number,
  options: Partial<NetworkOptions>,
): TrainingJob {
  const random = createRandom(rows * 1000 + inputs * 10 + outputs);
  const draw = (length: number) => Float64Array.from({ length }, () => 2 * random.next() - 1);

  return {
    x: createMatrix(rows, inputs, draw(rows * inputs)),
    y: createMatrix(rows, outputs, draw(rows * outputs)),
    options: {
      hiddenUnits: [20, 6],
      learningRate: 10 ** -3.33,
      weightDecay: 1e-2,
      batchSize: 10,
      epochs: 30,
      lossWeights: new Array<number>(outputs).fill(1),
      seed: 0,
      ...options,
    },
  };
}

/**
 * 32 jobs in four shapes, which differ in inputs, layers, outputs, rows, batch
 * size and epochs, so that the chunks differ in size and cost.
 */
const mixedJobs: TrainingJob[] = [
  ...Array.from({ length: 20 }, (_, i) => syntheticJob(8, 6, 1, { seed: i })),
  ...Array.from({ length: 6 }, (_, i) => syntheticJob(8, 6, 17, { seed: 100 + i })),
  ...Array.from({ length: 5 }, (_, i) =>
    syntheticJob(23, 4, 2, { hiddenUnits: [8], batchSize: 5, epochs: 12, seed: 200 + i }),
  ),
  syntheticJob(8, 6, 1, { epochs: 7, learningRate: 1e-2, seed: 300 }),
];

/** Jobs of 5000 epochs, long enough to be stopped midway. */
function longJobs(count: number): TrainingJob[] {
  return Array.from({ length: count }, (_, i) => syntheticJob(8, 6, 1, { epochs: 5000, seed: i }));
}

/** Lists every number of a predictor as the hexadecimal bits of its float64 value. */
function bits(predictor: NetworkPredictor | undefined): string[] {
  const numbers = [
    ...(predictor?.hidden ?? []).flatMap(({ dense, batchNorm }) => [
      ...dense.kernel.flat(),
      ...dense.bias,
      ...batchNorm.gamma,
      ...batchNorm.beta,
      ...batchNorm.movingMean,
      ...batchNorm.movingVariance,
      batchNorm.epsilon,
    ]),
    ...(predictor?.output.kernel.flat() ?? []),
    ...(predictor?.output.bias ?? []),
  ];

  return Array.from(new BigUint64Array(Float64Array.from(numbers).buffer), (value) =>
    value.toString(16),
  );
}

/** Workers started from now on, read when the returned function is called. */
function trackWorkers(): () => { worker: NodeWorker; exited: boolean }[] {
  const first = started.length;

  return () => started.slice(first);
}

describe("threaded fused engine", () => {
  it("is named after its threads", () => {
    expect(createThreadedFusedEngine({ threads: 2 }).name).toBe("fused-f64 x2 threads");
    expect(createThreadedFusedEngine({ threads: 1 }).name).toBe("fused-f64 x1 thread");
  });

  it("rejects invalid thread counts", () => {
    for (const threads of [0, -1, 1.5, NaN]) {
      expect(() => createThreadedFusedEngine({ threads }), String(threads)).toThrow(
        `threads must be a positive integer, got ${threads}`,
      );
    }
  });

  it("rejects a negative idle timeout", () => {
    expect(() => createThreadedFusedEngine({ idleTimeoutMs: -1 })).toThrow(
      "idleTimeoutMs must be zero or more milliseconds, got -1",
    );
  });

  it("gives identical predictors on 1, 2 and 3 threads", async () => {
    const expected = await createFusedEngine().trainMany?.(mixedJobs);
    for (const threads of [1, 2, 3]) {
      const workers = trackWorkers();
      const actual = await createThreadedFusedEngine({ threads }).trainMany?.(mixedJobs);

      expect(workers(), `${threads} threads`).toHaveLength(threads === 1 ? 0 : threads);
      expect(actual, `${threads} threads`).toHaveLength(mixedJobs.length);
      mixedJobs.forEach((_, i) => {
        expect(bits(actual?.[i]), `job ${i} on ${threads} threads`).toEqual(bits(expected?.[i]));
        expect(actual?.[i], `job ${i} on ${threads} threads`).toEqual(expected?.[i]);
      });
    }
  });

  it("reports every epoch once with its loss", async () => {
    const expected = new Map<string, number>();
    await createFusedEngine().trainMany?.(mixedJobs, ({ job, epoch, loss }) => {
      expected.set(`${job}/${epoch}`, loss);
    });
    const events: JobEpochEnd[] = [];
    await createThreadedFusedEngine({ threads: 2 }).trainMany?.(mixedJobs, (event) => {
      events.push(event);
    });
    const totalEpochs = mixedJobs.reduce((sum, job) => sum + job.options.epochs, 0);

    expect(events).toHaveLength(totalEpochs);
    expect(new Set(events.map(({ job, epoch }) => `${job}/${epoch}`)).size).toBe(totalEpochs);
    for (const { job, epoch, epochs, loss } of events) {
      expect(epochs, `epochs of job ${job}`).toBe(mixedJobs[job]?.options.epochs);
      expect(Object.is(loss, expected.get(`${job}/${epoch}`)), `loss of job ${job}`).toBe(true);
    }

    mixedJobs.forEach((_, job) => {
      const epochs = events.filter((event) => event.job === job).map(({ epoch }) => epoch);

      expect(epochs, `epoch order of job ${job}`).toEqual([...epochs].sort((a, b) => a - b));
    });
  });

  it("brings trainAll's progress to exactly 1", async () => {
    const fractions: number[] = [];
    await trainAll(createThreadedFusedEngine({ threads: 2 }), mixedJobs, (_, fraction) => {
      fractions.push(fraction);
    });

    expect(fractions.at(-1)).toBe(1);
    expect(fractions.filter((fraction) => fraction === 1)).toHaveLength(1);
  });

  it("trains one job on the calling thread", async () => {
    const workers = trackWorkers();
    const job = mixedJobs[0] as TrainingJob;
    const [actual] = (await createThreadedFusedEngine({ threads: 2 }).trainMany?.([job])) ?? [];
    const [expected] = (await createFusedEngine().trainMany?.([job])) ?? [];

    expect(workers()).toHaveLength(0);
    expect(actual).toEqual(expected);
  });

  it("reuses idle workers, which exit later", async () => {
    const engine = createThreadedFusedEngine({ threads: 2, idleTimeoutMs: 1000 });
    const workers = trackWorkers();
    await engine.trainMany?.(mixedJobs);
    await engine.trainMany?.(mixedJobs);

    expect(workers()).toHaveLength(2);
    expect(workers().filter(({ exited }) => exited)).toHaveLength(0);

    await new Promise((resolve) => setTimeout(resolve, 1500));

    expect(workers().filter(({ exited }) => !exited)).toHaveLength(0);
  });

  it("stops every thread when onEpochEnd throws", async () => {
    const workers = trackWorkers();
    const abort = new Error("stopped by the test");
    let calls = 0;
    const training = createThreadedFusedEngine({ threads: 2 }).trainMany?.(longJobs(64), () => {
      calls++;
      if (calls === 10) {
        throw abort;
      }
    });

    await expect(training).rejects.toBe(abort);
    expect(calls).toBe(10);
    expect(workers()).toHaveLength(2);
    expect(workers().filter(({ exited }) => !exited)).toHaveLength(0);
  });

  it("stops every thread on an aborted signal", async () => {
    const workers = trackWorkers();
    const controller = new AbortController();
    const reason = new Error("cancelled by the user");
    const training = trainAll(
      createThreadedFusedEngine({ threads: 2 }),
      longJobs(64),
      () => controller.abort(reason),
      controller.signal,
    );

    await expect(training).rejects.toBe(reason);
    expect(workers().filter(({ exited }) => !exited)).toHaveLength(0);
  });

  it("rejects with a worker's error message", async () => {
    const workers = trackWorkers();
    // Valid options, but 6 x 2^31 first-layer weights exceed the maximum typed
    // array length, so trainNetworks throws in the worker.
    const tooLarge = syntheticJob(8, 6, 1, { hiddenUnits: [2 ** 31] });
    const training = createThreadedFusedEngine({ threads: 2 }).trainMany?.([
      ...longJobs(8),
      tooLarge,
    ]);

    await expect(training).rejects.toThrow("Invalid typed array length");
    expect(workers()).toHaveLength(2);
    expect(workers().filter(({ exited }) => !exited)).toHaveLength(0);
  });

  it("rejects an invalid job before starting threads", async () => {
    const workers = trackWorkers();
    const invalid = syntheticJob(8, 6, 1, { batchSize: 0 });
    const training = createThreadedFusedEngine({ threads: 2 }).trainMany?.([...mixedJobs, invalid]);

    await expect(training).rejects.toThrow("batchSize must be a positive integer, got 0");
    expect(workers()).toHaveLength(0);
  });
});

describe("createNetworkEngine threads", () => {
  it("uses threads when asked for more than one", async () => {
    expect((await createNetworkEngine("fused", { threads: 3 })).name).toBe("fused-f64 x3 threads");
    expect((await createNetworkEngine("fused", { threads: 1 })).name).toBe("fused-f64");
  });

  it("reads REE_TRAINING_THREADS", async () => {
    vi.stubEnv("REE_TRAINING_THREADS", "2");
    try {
      expect((await createNetworkEngine("fused")).name).toBe("fused-f64 x2 threads");
      vi.stubEnv("REE_TRAINING_THREADS", "");
      expect((await createNetworkEngine("fused")).name).toBe("fused-f64");
      vi.stubEnv("REE_TRAINING_THREADS", "two");
      await expect(createNetworkEngine("fused")).rejects.toThrow(
        'REE_TRAINING_THREADS must be a positive integer, got "two"',
      );
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("rejects threads for tfjs", async () => {
    await expect(createNetworkEngine("tfjs", { threads: 2 })).rejects.toThrow(
      "the tfjs engine trains on one thread",
    );
  });
});
