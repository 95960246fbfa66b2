import { createTfjsEngine } from "./createTfjsEngine.js";
import { createFusedEngine } from "./fused/createFusedEngine.js";
import type { NetworkEngine } from "./NetworkEngine.js";
import { createThreadedFusedEngine } from "./threads/createThreadedFusedEngine.js";

export type EngineKind = "fused" | "tfjs";

export const ENGINE_KINDS: readonly EngineKind[] = ["fused", "tfjs"];

export interface NetworkEngineOptions {
  /**
   * Worker threads for the fused engine's trainMany; 1 trains on the calling
   * thread. Defaults to the environment variable REE_TRAINING_THREADS, or 1
   * when it is unset or empty.
   */
  threads?: number;
}

/**
 * Creates a training engine by name: "fused" (typed arrays and WebAssembly,
 * many networks at once) or "tfjs" (TensorFlow.js, one network at a time).
 * Both give the same networks from the same seed, up to float32 rounding.
 * With more than one thread, "fused" spreads trainMany over worker threads
 * (createThreadedFusedEngine), with predictors identical to one thread's.
 * @throws RangeError for an unknown kind, an invalid thread count, or threads with "tfjs".
 */
export async function createNetworkEngine(
  kind: string = "fused",
  options: NetworkEngineOptions = {},
): Promise<NetworkEngine> {
  const threads = options.threads ?? threadsFromEnvironment();
  if (!Number.isInteger(threads) || threads < 1) {
    throw new RangeError(`threads must be a positive integer, got ${threads}`);
  }

  switch (kind) {
    case "fused":
      return threads > 1 ? createThreadedFusedEngine({ threads }) : createFusedEngine();
    case "tfjs":
      if (threads > 1) {
        throw new RangeError(
          `the tfjs engine trains on one thread, got ${threads} threads; ` +
            "use the fused engine, or set threads (REE_TRAINING_THREADS) to 1",
        );
      }

      return createTfjsEngine();
    default:
      throw new RangeError(
        `unknown training engine "${kind}"; use one of: ${ENGINE_KINDS.join(", ")}`,
      );
  }
}

/** Reads REE_TRAINING_THREADS: a positive integer, or 1 when unset or empty. */
function threadsFromEnvironment(): number {
  const value = process.env.REE_TRAINING_THREADS ?? "";
  if (value === "") {
    return 1;
  }

  const threads = Number(value);
  if (!/^\d+$/.test(value) || threads < 1) {
    throw new RangeError(
      `REE_TRAINING_THREADS must be a positive integer, got "${value}"; ` +
        "unset it to train on the calling thread",
    );
  }

  return threads;
}
