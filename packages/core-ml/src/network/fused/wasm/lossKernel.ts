import { ValueType, type WasmFunction } from "./encodeModule.js";
import { FunctionBuilder } from "./FunctionBuilder.js";
import { f64, f64x2, i32, v128 } from "./instructions.js";
import { forLanePairs, forRange, increment, laneSetup } from "./kernelLoops.js";

const { i32: I32, f64: F64, v128: V128 } = ValueType;

/** Emits GroupKernels.weightedSquaredError, the loss part of NetworkTrainer.forwardOutput. */
export function weightedSquaredError(): WasmFunction {
  const f = new FunctionBuilder("weightedSquaredError", {
    predictions: I32,
    targets: I32,
    lossWeights: I32,
    units: I32,
    count: I32,
    losses: I32,
    lanes: I32,
    gradientScale: F64,
  });
  const setup = laneSetup(f);
  f.declare(I32, "b", "o", "pointer", "weightPointer");
  f.declare(V128, "sum", "error", "weight");

  return f.build(
    setup,
    forLanePairs(
      f,
      f.set("sum", v128.zero()),
      f.set("pointer", f.get("lane")),
      forRange(
        f,
        "b",
        f.get("count"),
        f.set("weightPointer", i32.add(f.get("lossWeights"), f.get("lane"))),
        forRange(
          f,
          "o",
          f.get("units"),
          f.set(
            "error",
            f64x2.sub(
              v128.load(i32.add(f.get("predictions"), f.get("pointer"))),
              v128.load(i32.add(f.get("targets"), f.get("pointer"))),
            ),
          ),
          f.set("weight", v128.load(f.get("weightPointer"))),
          f.set(
            "sum",
            f64x2.add(
              f.get("sum"),
              f64x2.mul(f64x2.mul(f.get("weight"), f.get("error")), f.get("error")),
            ),
          ),
          v128.store(
            i32.add(f.get("predictions"), f.get("pointer")),
            f64x2.mul(
              f64x2.mul(f64x2.splat(f.get("gradientScale")), f.get("weight")),
              f.get("error"),
            ),
          ),
          increment(f, "pointer", f.get("stride")),
          increment(f, "weightPointer", f.get("stride")),
        ),
      ),
      v128.store(
        i32.add(f.get("losses"), f.get("lane")),
        f64x2.div(f.get("sum"), f64x2.splat(f64.convertI32(f.get("count")))),
      ),
    ),
  );
}
