import { ValueType, type WasmFunction } from "./encodeModule.js";
import { FunctionBuilder } from "./FunctionBuilder.js";
import { type Code, f64, f64x2, i32, v128 } from "./instructions.js";
import { forLanePairs, forRange, increment, laneSetup, rowOffset } from "./kernelLoops.js";

const { i32: I32, f64: F64, v128: V128 } = ValueType;

/** Emits GroupKernels.batchNormForward, the batch-norm part of NetworkTrainer.forwardBlock. */
export function batchNormForward(): WasmFunction {
  const f = new FunctionBuilder("batchNormForward", {
    z: I32,
    output: I32,
    units: I32,
    count: I32,
    gamma: I32,
    beta: I32,
    inverseStd: I32,
    movingMean: I32,
    movingVariance: I32,
    lanes: I32,
    epsilon: F64,
    decay: F64,
    varianceFactor: F64,
  });
  const setup = laneSetup(f);
  f.declare(I32, "u", "b", "rowStep", "unitOffset", "pointer");
  f.declare(V128, "countVector", "mean", "variance", "inverse", "deviation", "moving");
  f.declare(V128, "scale", "shift", "normalized");
  const unitEntry = (base: string) => i32.add(f.get(base), f.get("unitOffset"));
  // Visits z[b][u] for b = 0 .. count - 1 through `pointer`.
  const forRows = (...body: Code[]) => [
    ...f.set("pointer", f.get("unitOffset")),
    ...forRange(f, "b", f.get("count"), ...body, increment(f, "pointer", f.get("rowStep"))),
  ];
  const z = () => v128.load(i32.add(f.get("z"), f.get("pointer")));
  const movingUpdate = (base: string, batchValue: Code) => [
    ...f.set("moving", v128.load(unitEntry(base))),
    ...v128.store(
      unitEntry(base),
      f64x2.sub(
        f.get("moving"),
        f64x2.mul(f64x2.sub(f.get("moving"), batchValue), f64x2.splat(f.get("decay"))),
      ),
    ),
  ];

  return f.build(
    setup,
    f.set("countVector", f64x2.splat(f64.convertI32(f.get("count")))),
    f.set("rowStep", rowOffset(f, f.get("units"))),
    forRange(
      f,
      "u",
      f.get("units"),
      forLanePairs(
        f,
        f.set("unitOffset", i32.add(rowOffset(f, f.get("u")), f.get("lane"))),
        f.set("mean", v128.zero()),
        forRows(f.set("mean", f64x2.add(f.get("mean"), z()))),
        f.set("mean", f64x2.div(f.get("mean"), f.get("countVector"))),
        f.set("variance", v128.zero()),
        forRows(
          f.set("deviation", f64x2.sub(z(), f.get("mean"))),
          f.set(
            "variance",
            f64x2.add(f.get("variance"), f64x2.mul(f.get("deviation"), f.get("deviation"))),
          ),
        ),
        f.set("variance", f64x2.div(f.get("variance"), f.get("countVector"))),
        f.set(
          "inverse",
          f64x2.div(
            f64x2.splat(f64.constant(1)),
            f64x2.sqrt(f64x2.add(f.get("variance"), f64x2.splat(f.get("epsilon")))),
          ),
        ),
        v128.store(unitEntry("inverseStd"), f.get("inverse")),
        movingUpdate("movingMean", f.get("mean")),
        movingUpdate(
          "movingVariance",
          f64x2.mul(f.get("variance"), f64x2.splat(f.get("varianceFactor"))),
        ),
        f.set("scale", v128.load(unitEntry("gamma"))),
        f.set("shift", v128.load(unitEntry("beta"))),
        forRows(
          f.set("normalized", f64x2.mul(f64x2.sub(z(), f.get("mean")), f.get("inverse"))),
          v128.store(i32.add(f.get("z"), f.get("pointer")), f.get("normalized")),
          v128.store(
            i32.add(f.get("output"), f.get("pointer")),
            f64x2.pmax(
              v128.zero(),
              f64x2.add(f64x2.mul(f.get("scale"), f.get("normalized")), f.get("shift")),
            ),
          ),
        ),
      ),
    ),
  );
}

/** Emits GroupKernels.batchNormBackward, the batch-norm part of NetworkTrainer.backwardBlock. */
export function batchNormBackward(): WasmFunction {
  const f = new FunctionBuilder("batchNormBackward", {
    output: I32,
    normalized: I32,
    delta: I32,
    units: I32,
    count: I32,
    gamma: I32,
    inverseStd: I32,
    gammaGradient: I32,
    betaGradient: I32,
    lanes: I32,
  });
  const setup = laneSetup(f);
  f.declare(I32, "u", "b", "rowStep", "unitOffset", "pointer");
  f.declare(V128, "countVector", "gradient", "betaSum", "gammaSum", "scale");
  const unitEntry = (base: string) => i32.add(f.get(base), f.get("unitOffset"));
  const at = (base: string) => i32.add(f.get(base), f.get("pointer"));
  const forRows = (...body: Code[]) => [
    ...f.set("pointer", f.get("unitOffset")),
    ...forRange(f, "b", f.get("count"), ...body, increment(f, "pointer", f.get("rowStep"))),
  ];

  return f.build(
    setup,
    f.set("countVector", f64x2.splat(f64.convertI32(f.get("count")))),
    f.set("rowStep", rowOffset(f, f.get("units"))),
    forRange(
      f,
      "u",
      f.get("units"),
      forLanePairs(
        f,
        f.set("unitOffset", i32.add(rowOffset(f, f.get("u")), f.get("lane"))),
        f.set("betaSum", v128.zero()),
        f.set("gammaSum", v128.zero()),
        forRows(
          // ReLU gradient: delta where the output is > 0, else +0.
          f.set(
            "gradient",
            v128.and(v128.load(at("delta")), f64x2.gt(v128.load(at("output")), v128.zero())),
          ),
          v128.store(at("delta"), f.get("gradient")),
          f.set("betaSum", f64x2.add(f.get("betaSum"), f.get("gradient"))),
          f.set(
            "gammaSum",
            f64x2.add(f.get("gammaSum"), f64x2.mul(f.get("gradient"), v128.load(at("normalized")))),
          ),
        ),
        v128.store(unitEntry("gammaGradient"), f.get("gammaSum")),
        v128.store(unitEntry("betaGradient"), f.get("betaSum")),
        f.set(
          "scale",
          f64x2.div(
            f64x2.mul(v128.load(unitEntry("gamma")), v128.load(unitEntry("inverseStd"))),
            f.get("countVector"),
          ),
        ),
        forRows(
          v128.store(
            at("delta"),
            f64x2.mul(
              f.get("scale"),
              f64x2.sub(
                f64x2.sub(
                  f64x2.mul(f.get("countVector"), v128.load(at("delta"))),
                  f.get("betaSum"),
                ),
                f64x2.mul(v128.load(at("normalized")), f.get("gammaSum")),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}
