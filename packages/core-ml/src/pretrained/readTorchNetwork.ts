import type {
  BatchNormWeights,
  DenseWeights,
  NetworkPredictor,
} from "../artifact/ModelArtifact.js";
import {
  fieldPath,
  type JsonObject,
  readArray,
  readField,
  readNonEmptyArray,
  readNumber,
  readNumbers,
  readObject,
  readString,
} from "./jsonFields.js";
import { PretrainedModelError } from "./PretrainedModelError.js";

/** Sizes the network must have to fit the columns of its export. */
export interface TorchNetworkShape {
  inputs: number;
  outputs: number;
  /** Epsilon for batch norm layers without an `epsilon` field. */
  defaultEpsilon: number;
}

const BLOCK = ["dense", "batchnorm", "relu"] as const;

/**
 * Converts a PyTorch layer list to a network predictor: hidden blocks of
 * `dense`, `batchnorm`, `relu` layers, then one `dense` output layer. Dense
 * layers hold `kernel_out_in` ([out][in], PyTorch's layout) and `bias`, and the
 * kernels are transposed to the artifact's [inputs][units]. Batch norm layers
 * hold `gamma`, `beta`, `running_mean`, `running_var` and optionally `epsilon`.
 */
export function readTorchNetwork(
  value: unknown,
  path: string,
  shape: TorchNetworkShape,
): NetworkPredictor {
  const layers = readArray(value, path, undefined, "layers");
  if (layers.length % BLOCK.length !== 1) {
    throw new PretrainedModelError(
      path,
      `expected blocks of dense, batchnorm, relu and then one dense output layer ` +
        `(3k + 1 layers), got ${layers.length} layers`,
    );
  }

  const hidden: NetworkPredictor["hidden"] = [];
  let width = shape.inputs;
  for (let index = 0; index + 1 < layers.length; index += BLOCK.length) {
    const densePath = fieldPath(path, index);
    const dense = readDense(layers[index], densePath, width, undefined);
    const units = dense.bias.length;
    const batchNorm = readBatchNorm(
      layers[index + 1],
      fieldPath(path, index + 1),
      units,
      shape.defaultEpsilon,
    );
    readLayer(layers[index + 2], fieldPath(path, index + 2), "relu");
    hidden.push({ dense, batchNorm });
    width = units;
  }

  const last = layers.length - 1;
  const output = readDense(layers[last], fieldPath(path, last), width, shape.outputs);

  return { type: "network", hidden, output };
}

function readLayer(value: unknown, path: string, type: string): JsonObject {
  const layer = readObject(value, path);
  const typePath = fieldPath(path, "type");
  const actual = readString(readField(layer, "type", path), typePath);
  if (actual !== type) {
    throw new PretrainedModelError(
      typePath,
      `expected "${type}" (hidden blocks are dense, batchnorm, relu and the last layer is ` +
        `dense), got "${actual}"`,
    );
  }

  return layer;
}

/**
 * Reads a dense layer with `inputs` inputs. A defined `units` fixes its output
 * count, and undefined accepts the count in the file (for hidden layers).
 */
function readDense(
  value: unknown,
  path: string,
  inputs: number,
  units: number | undefined,
): DenseWeights {
  const layer = readLayer(value, path, "dense");
  const kernelPath = fieldPath(path, "kernel_out_in");
  const kernelValue = readField(layer, "kernel_out_in", path);
  const rows =
    units === undefined
      ? readNonEmptyArray(kernelValue, kernelPath, "rows (one per output unit)")
      : readArray(kernelValue, kernelPath, units, "rows (one per target)");
  const weights = rows.map((row, u) =>
    readNumbers(row, fieldPath(kernelPath, u), inputs, "numbers (one per input)"),
  );
  const bias = readNumbers(
    readField(layer, "bias", path),
    fieldPath(path, "bias"),
    rows.length,
    "numbers (one per row of kernel_out_in)",
  );
  const kernel = Array.from({ length: inputs }, (_, i) => weights.map((row) => row[i] ?? NaN));

  return { kernel, bias };
}

function readBatchNorm(
  value: unknown,
  path: string,
  units: number,
  defaultEpsilon: number,
): BatchNormWeights {
  const layer = readLayer(value, path, "batchnorm");
  const read = (key: string) =>
    readNumbers(
      readField(layer, key, path),
      fieldPath(path, key),
      units,
      "numbers (one per unit of the preceding dense layer)",
    );
  const movingVariance = read("running_var");
  movingVariance.forEach((variance, j) => {
    if (variance < 0) {
      throw new PretrainedModelError(
        fieldPath(fieldPath(path, "running_var"), j),
        `variance ${variance} is negative; a running variance must be zero or more`,
      );
    }
  });

  return {
    gamma: read("gamma"),
    beta: read("beta"),
    movingMean: read("running_mean"),
    movingVariance,
    epsilon: readEpsilon(layer, path, defaultEpsilon),
  };
}

function readEpsilon(layer: JsonObject, path: string, defaultEpsilon: number): number {
  if (!Object.hasOwn(layer, "epsilon")) {
    return defaultEpsilon;
  }

  const epsilonPath = fieldPath(path, "epsilon");
  const epsilon = readNumber(layer.epsilon, epsilonPath);
  if (epsilon <= 0) {
    throw new PretrainedModelError(epsilonPath, `epsilon ${epsilon} must be positive`);
  }

  return epsilon;
}
