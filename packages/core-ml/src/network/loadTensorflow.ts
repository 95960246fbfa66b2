import type * as tfjs from "@tensorflow/tfjs";
import type { Scalar } from "@tensorflow/tfjs";

export type Tensorflow = typeof tfjs;
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
    // Production mode skips debug checks and the banner that recommends tfjs-node;
    // callers log the backend in use themselves.
    tf.env().set("PROD", true);
    await tf.setBackend("cpu");

    return tf;
  }
}
