import type { io, SymbolicTensor, Tensor } from "@tensorflow/tfjs";

import { loadTensorflow, type Tensorflow } from "../network/loadTensorflow.js";
import type { BatchNormWeights, DenseWeights, ModelArtifact, Predictor } from "./ModelArtifact.js";

/** File name of the weights that model.json points to, relative to it. */
export const TFJS_WEIGHTS_FILE = "weights.bin";

export interface TfjsExport {
  /** The content of model.json: topology, weights manifest and the column lists. */
  modelJson: io.ModelJSON;
  /** The content of weights.bin: float32 values in the manifest's order. */
  weights: Uint8Array;
}

export interface ExportTfjsMemberOptions {
  /** @default loadTensorflow() */
  tf?: Tensorflow;
}

/**
 * Writes one member of an ensemble as a TensorFlow.js LayersModel that takes
 * raw features in the artifact's order and unit and returns raw targets, so a
 * browser can predict with `tf.loadLayersModel(url)` and no other code. The
 * feature scaler becomes a batch-norm layer with moving mean = scaler mean,
 * moving variance 1, gamma 1 / scale and epsilon 0, the target scaler one with
 * mean 0, variance 1, gamma = scale and beta = mean; the weights in between are
 * the member's own. TensorFlow.js computes in float32, so predictions agree
 * with predictWithArtifact's float64 to about 1e-6 relative.
 */
export async function exportTfjsMember(
  artifact: ModelArtifact,
  memberIndex: number,
  options: ExportTfjsMemberOptions = {},
): Promise<TfjsExport> {
  const member = artifact.members[memberIndex];
  if (!Number.isInteger(memberIndex) || member === undefined) {
    throw new RangeError(
      `memberIndex must be an integer from 0 to ${artifact.members.length - 1}, got ${memberIndex}`,
    );
  }

  const tf = options.tf ?? (await loadTensorflow());
  const assignments: LayerWeights[] = [];
  const input = tf.input({ shape: [artifact.features.length], name: "features" });
  const { mean, scale } = member.featureScaler;
  const scaled = scaling(tf, input, "feature_scaling", {
    gamma: scale.map((s) => 1 / s),
    beta: mean.map(() => 0),
    movingMean: mean,
  });
  assignments.push(...scaled.weights);

  const branches = member.predictors.map((predictor, p) => {
    const branch = predictorLayers(tf, scaled.output, predictor, `predictor_${p}`);
    assignments.push(...branch.weights);

    return branch.output;
  });
  const joined =
    branches.length === 1
      ? (branches[0] as SymbolicTensor)
      : (tf.layers.concatenate({ name: "targets_scaled" }).apply(branches) as SymbolicTensor);
  const unscaled = scaling(tf, joined, "target_unscaling", {
    gamma: member.targetScaler.scale,
    beta: member.targetScaler.mean,
    movingMean: member.targetScaler.mean.map(() => 0),
  });
  assignments.push(...unscaled.weights);

  const model = tf.model({
    inputs: input,
    outputs: unscaled.output,
    name: `member_${memberIndex}`,
  });
  try {
    for (const [name, values] of assignments) {
      const layer = model.getLayer(name);
      layer.setWeights(values.map((value) => tf.tensor(value as number[])) as Tensor[]);
    }

    return await save(tf, model, artifact);
  } finally {
    model.dispose();
  }
}

type LayerWeights = [string, (number[][] | number[])[]];

function scaling(
  tf: Tensorflow,
  input: SymbolicTensor,
  name: string,
  { gamma, beta, movingMean }: { gamma: number[]; beta: number[]; movingMean: number[] },
): { output: SymbolicTensor; weights: LayerWeights[] } {
  const layer = tf.layers.batchNormalization({ name, epsilon: 0 });

  return {
    output: layer.apply(input) as SymbolicTensor,
    weights: [[name, [gamma, beta, movingMean, movingMean.map(() => 1)]]],
  };
}

function predictorLayers(
  tf: Tensorflow,
  input: SymbolicTensor,
  predictor: Predictor,
  prefix: string,
): { output: SymbolicTensor; weights: LayerWeights[] } {
  const weights: LayerWeights[] = [];
  const dense = (x: SymbolicTensor, layer: DenseWeights, name: string) => {
    weights.push([name, [layer.kernel, layer.bias]]);

    return tf.layers.dense({ units: layer.bias.length, name }).apply(x) as SymbolicTensor;
  };

  const batchNorm = (x: SymbolicTensor, layer: BatchNormWeights, name: string) => {
    weights.push([name, [layer.gamma, layer.beta, layer.movingMean, layer.movingVariance]]);

    return tf.layers
      .batchNormalization({ name, epsilon: layer.epsilon })
      .apply(x) as SymbolicTensor;
  };

  if (predictor.type === "linear") {
    return { output: dense(input, predictor.dense, `${prefix}_dense`), weights };
  }

  if (predictor.type !== "network") {
    throw new RangeError(
      `a "${predictor.type}" predictor has no TensorFlow.js layers; only linear and network members export`,
    );
  }

  let x = input;
  predictor.hidden.forEach((block, b) => {
    x = dense(x, block.dense, `${prefix}_dense_${b}`);
    x = batchNorm(x, block.batchNorm, `${prefix}_batch_norm_${b}`);
    x = tf.layers.reLU({ name: `${prefix}_relu_${b}` }).apply(x) as SymbolicTensor;
  });

  return { output: dense(x, predictor.output, `${prefix}_output`), weights };
}

async function save(
  tf: Tensorflow,
  model: ReturnType<Tensorflow["model"]>,
  artifact: ModelArtifact,
): Promise<TfjsExport> {
  let saved: TfjsExport | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const data = artifacts.weightData ?? new ArrayBuffer(0);
      const buffer = Array.isArray(data) ? tf.io.concatenateArrayBuffers(data) : data;
      saved = {
        modelJson: {
          format: "layers-model",
          generatedBy: `TensorFlow.js tfjs-layers v${tf.version_layers}`,
          convertedBy: "ree-workbench exportTfjsMember",
          modelTopology: artifacts.modelTopology as object,
          weightsManifest: [{ paths: [TFJS_WEIGHTS_FILE], weights: artifacts.weightSpecs ?? [] }],
          userDefinedMetadata: {
            features: artifact.features,
            featureUnit: artifact.featureUnit,
            targets: artifact.targets,
            targetUnit: artifact.targetUnit,
          },
        },
        weights: new Uint8Array(buffer),
      };

      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON" } };
    }),
  );
  if (!saved) {
    throw new Error("TensorFlow.js saved no model artifacts");
  }

  return saved;
}
