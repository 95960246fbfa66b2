import type {
  BatchNormWeights,
  DenseWeights,
  NetworkPredictor,
} from "../artifact/ModelArtifact.js";
import type { Matrix } from "../matrix/Matrix.js";
import { createRandom, shuffle } from "../random/createRandom.js";
import { checkTrainingJob } from "./checkTrainingJob.js";
import { loadTensorflow, type Scalar, type Tensorflow } from "./loadTensorflow.js";
import type { EpochEnd, NetworkEngine, NetworkOptions } from "./NetworkEngine.js";

/** PyTorch's BatchNorm1d defaults, the framework of the study's released models. */
const BATCH_NORM_EPSILON = 1e-5;
/** Keras momentum is 1 - PyTorch momentum (0.1). */
const BATCH_NORM_MOMENTUM = 0.9;
/** PyTorch's Adam defaults. */
const ADAM = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };

/**
 * Creates the TensorFlow.js engine. It trains one network at a time with a
 * custom loop (Adam, weighted MSE plus L2), about 2.6 ms per step on the cpu
 * backend for the 6-20-6-17 network.
 */
export async function createTfjsEngine(): Promise<NetworkEngine> {
  const tf = await loadTensorflow();

  return {
    name: `tfjs-${tf.getBackend()}`,
    train: (x, y, options, onEpochEnd) => trainNetwork(tf, x, y, options, onEpochEnd),
  };
}

async function trainNetwork(
  tf: Tensorflow,
  x: Matrix,
  y: Matrix,
  options: NetworkOptions,
  onEpochEnd?: (event: EpochEnd) => void,
): Promise<NetworkPredictor> {
  const { hiddenUnits, learningRate, weightDecay, batchSize, epochs, lossWeights, seed } = options;
  checkTrainingJob(x, y, options);
  if (options.initialWeights || options.frozenBlocks || options.asymmetricLoss) {
    throw new RangeError(
      "the TensorFlow.js engine cannot fine-tune (initialWeights, frozenBlocks, asymmetricLoss); " +
        "use the fused engine",
    );
  }

  const random = createRandom(seed);
  const model = buildModel(tf, x.columns, hiddenUnits, y.columns, random.nextSeed);
  const optimizer = tf.train.adam(learningRate, ADAM.beta1, ADAM.beta2, ADAM.epsilon);
  // TensorFlow.js computes in float32.
  const inputs = tf.tensor2d(Float32Array.from(x.data), [x.rows, x.columns]);
  const targets = tf.tensor2d(Float32Array.from(y.data), [y.rows, y.columns]);
  const weightSum = lossWeights.reduce((sum, weight) => sum + weight, 0);
  const weights = tf.tensor1d(lossWeights.map((weight) => weight / weightSum));
  const rows = Array.from({ length: x.rows }, (_, i) => i);

  try {
    for (let epoch = 1; epoch <= epochs; epoch++) {
      const order = shuffle(rows, random);
      let lossSum = 0;
      let batches = 0;
      for (let start = 0; start < order.length; start += batchSize) {
        const batch = order.slice(start, start + batchSize);
        const loss = tf.tidy(() => {
          const indices = tf.tensor1d(batch, "int32");
          const xBatch = tf.gather(inputs, indices);
          const yBatch = tf.gather(targets, indices);

          return optimizer.minimize((): Scalar => {
            const predicted = model.apply(xBatch, { training: true }) as typeof xBatch;
            const mse = tf.mean(tf.square(tf.sub(predicted, yBatch)), 0);
            const dataLoss = tf.sum(tf.mul(mse, weights));
            const penalty = tf.addN(model.trainableWeights.map((w) => tf.sum(tf.square(w.read()))));

            return tf.add(dataLoss, tf.mul(penalty, weightDecay / 2)).asScalar();
          }, true) as Scalar;
        });
        lossSum += loss.dataSync()[0] ?? NaN;
        loss.dispose();
        batches++;
      }

      onEpochEnd?.({ epoch, epochs, loss: lossSum / batches });
      // Let timers and I/O run between epochs, so a server in the same process stays responsive.
      await new Promise((resolve) => setImmediate(resolve));
    }

    return readPredictor(model, hiddenUnits.length);
  } finally {
    tf.dispose([inputs, targets, weights]);
    optimizer.dispose();
    model.dispose();
  }
}

/**
 * Dense layers start as PyTorch's nn.Linear does: kernel and bias uniform in
 * +-1 / sqrt(fan_in), so results compare with the study's PyTorch models.
 */
function buildModel(
  tf: Tensorflow,
  inputs: number,
  hiddenUnits: readonly number[],
  outputs: number,
  nextSeed: () => number,
) {
  const model = tf.sequential();
  const dense = (units: number, fanIn: number) => {
    const limit = 1 / Math.sqrt(fanIn);

    return tf.layers.dense({
      units,
      inputShape: [fanIn],
      kernelInitializer: tf.initializers.randomUniform({
        minval: -limit,
        maxval: limit,
        seed: nextSeed(),
      }),
      biasInitializer: tf.initializers.randomUniform({
        minval: -limit,
        maxval: limit,
        seed: nextSeed(),
      }),
    });
  };

  let fanIn = inputs;
  for (const units of hiddenUnits) {
    model.add(dense(units, fanIn));
    // NOTE: this moving variance is biased (PyTorch's and the fused engine's is unbiased), so
    // inference differs slightly from PyTorch-trained and fused-trained models.
    model.add(
      tf.layers.batchNormalization({ epsilon: BATCH_NORM_EPSILON, momentum: BATCH_NORM_MOMENTUM }),
    );
    model.add(tf.layers.activation({ activation: "relu" }));
    fanIn = units;
  }

  model.add(dense(outputs, fanIn));

  return model;
}

function readPredictor(
  model: ReturnType<Tensorflow["sequential"]>,
  hiddenBlocks: number,
): NetworkPredictor {
  const read = (index: number) =>
    model.layers[index]?.getWeights().map((tensor) => ({
      values: Array.from(tensor.dataSync()),
      shape: tensor.shape,
    })) ?? [];
  const toDense = (index: number): DenseWeights => {
    const [kernel, bias] = read(index);
    const units = kernel?.shape[1] ?? 0;

    return {
      kernel: chunk(kernel?.values ?? [], units),
      bias: bias?.values ?? [],
    };
  };

  const toBatchNorm = (index: number): BatchNormWeights => {
    const [gamma, beta, movingMean, movingVariance] = read(index).map(({ values }) => values);

    return {
      gamma: gamma ?? [],
      beta: beta ?? [],
      movingMean: movingMean ?? [],
      movingVariance: movingVariance ?? [],
      epsilon: BATCH_NORM_EPSILON,
    };
  };

  return {
    type: "network",
    hidden: Array.from({ length: hiddenBlocks }, (_, block) => ({
      dense: toDense(3 * block),
      batchNorm: toBatchNorm(3 * block + 1),
    })),
    output: toDense(3 * hiddenBlocks),
  };
}

function chunk(values: number[], size: number): number[][] {
  const rows: number[][] = [];
  for (let start = 0; start < values.length; start += size) {
    rows.push(values.slice(start, start + size));
  }

  return rows;
}
