import { createTfjsEngine } from "./createTfjsEngine.js";
import { createFusedEngine } from "./fused/createFusedEngine.js";
import type { NetworkEngine } from "./NetworkEngine.js";

export type EngineKind = "fused" | "tfjs";

export const ENGINE_KINDS: readonly EngineKind[] = ["fused", "tfjs"];

/**
 * Creates a training engine by name: "fused" (typed arrays and WebAssembly,
 * many networks at once) or "tfjs" (TensorFlow.js, one network at a time).
 * Both give the same networks from the same seed, up to float32 rounding.
 */
export async function createNetworkEngine(kind: string = "fused"): Promise<NetworkEngine> {
  switch (kind) {
    case "fused":
      return createFusedEngine();
    case "tfjs":
      return createTfjsEngine();
    default:
      throw new RangeError(
        `unknown training engine "${kind}"; use one of: ${ENGINE_KINDS.join(", ")}`,
      );
  }
}
