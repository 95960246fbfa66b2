import type { NetworkConfig } from "./EvaluationConfig.js";

/**
 * Checks that CUSTOM loss weighting comes with one positive, finite weight per target, and
 * that no other weighting comes with weights that it would ignore.
 */
export function checkLossWeights(
  { lossWeighting, lossWeights }: Pick<NetworkConfig, "lossWeighting" | "lossWeights">,
  targets: readonly string[],
): void {
  if (lossWeighting !== "CUSTOM") {
    if (lossWeights !== null && lossWeights !== undefined) {
      throw new RangeError(
        `network.lossWeights is only used with lossWeighting CUSTOM, got ${lossWeighting}; ` +
          "set lossWeighting to CUSTOM or leave lossWeights out",
      );
    }

    return;
  }

  if (!Array.isArray(lossWeights) || lossWeights.length !== targets.length) {
    throw new RangeError(
      `network.lossWeights must hold one weight per target (${targets.length}: ` +
        `${targets.join(", ")}), got ${Array.isArray(lossWeights) ? lossWeights.length : "none"}`,
    );
  }

  lossWeights.forEach((weight, j) => {
    if (!(typeof weight === "number" && weight > 0 && Number.isFinite(weight))) {
      throw new RangeError(
        `network.lossWeights: the weight of target "${targets[j]}" must be a positive ` +
          `number, got ${weight}`,
      );
    }
  });
}
