import type { Scalar } from "@tensorflow/tfjs";

export type Tensorflow = typeof import("@tensorflow/tfjs");
export type { Scalar };

/**
 * Loads @tensorflow/tfjs-node (native TensorFlow) when it is installed, and the
 * pure JavaScript @tensorflow/tfjs with its cpu backend otherwise. tfjs-node is
 * an optional dependency because its install script downloads libtensorflow,
 * which fails without internet access.
 */
export async function loadTensorflow(): Promise<Tensorflow> {
  const nativeModule = "@tensorflow/tfjs-node";
  try {
    return (await import(nativeModule)) as Tensorflow;
  } catch {
    const tf = await import("@tensorflow/tfjs");
    await tf.setBackend("cpu");

    return tf;
  }
}
