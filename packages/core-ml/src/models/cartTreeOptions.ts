import type { DecisionTreeRegressionOptions } from "ml-cart";

/** Translates scikit-learn's tree settings into ml-cart's. */
export function cartTreeOptions({
  maxDepth,
  minSamplesSplit,
}: {
  maxDepth: number | null;
  minSamplesSplit: number;
}): DecisionTreeRegressionOptions {
  return {
    maxDepth: maxDepth ?? Infinity,
    // ml-cart makes a leaf of a node with minNumSamples rows or fewer.
    minNumSamples: minSamplesSplit - 1,
    // ml-cart splits only when the split's squared error exceeds gainThreshold. Its default
    // of 0 rejects every split that leaves no error, and no error is below -1.
    // NOTE: ml-cart still rejects a root split that leaves no error, because it compares it
    // with a parent error of 0. Only a target of exactly two separable values has one.
    gainThreshold: -1,
  };
}
