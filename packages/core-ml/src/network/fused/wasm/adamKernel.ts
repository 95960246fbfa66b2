import { ValueType, type WasmFunction } from "./encodeModule.js";
import { FunctionBuilder } from "./FunctionBuilder.js";
import { f64, f64x2, i32, v128 } from "./instructions.js";
import { forLanePairs, forRange, increment, laneSetup } from "./kernelLoops.js";

const { i32: I32, f64: F64, v128: V128 } = ValueType;

/** Emits GroupKernels.adam; per lane it repeats NetworkTrainer.applyAdam operation by operation. */
export function adam(): WasmFunction {
  const f = new FunctionBuilder("adam", {
    parameters: I32,
    gradients: I32,
    firstMoment: I32,
    secondMoment: I32,
    rows: I32,
    learningRates: I32,
    weightDecays: I32,
    penalties: I32,
    lanes: I32,
    beta1: F64,
    beta2: F64,
    epsilon: F64,
    correction1: F64,
    correction2: F64,
  });
  const setup = laneSetup(f);
  f.declare(I32, "row", "pointer");
  f.declare(
    V128,
    "negativeRate",
    "weightDecay",
    "squares",
    "weight",
    "gradient",
    "first",
    "second",
  );
  const at = (base: string) => i32.add(f.get(base), f.get("pointer"));
  const splat = (name: string) => f64x2.splat(f.get(name));
  const one = f64x2.splat(f64.constant(1));
  const two = f64x2.splat(f64.constant(2));

  return f.build(
    setup,
    forLanePairs(
      f,
      f.set("negativeRate", f64x2.neg(v128.load(i32.add(f.get("learningRates"), f.get("lane"))))),
      f.set("weightDecay", v128.load(i32.add(f.get("weightDecays"), f.get("lane")))),
      f.set("squares", v128.zero()),
      f.set("pointer", f.get("lane")),
      forRange(
        f,
        "row",
        f.get("rows"),
        f.set("weight", v128.load(at("parameters"))),
        f.set("squares", f64x2.add(f.get("squares"), f64x2.mul(f.get("weight"), f.get("weight")))),
        f.set(
          "gradient",
          f64x2.add(v128.load(at("gradients")), f64x2.mul(f.get("weightDecay"), f.get("weight"))),
        ),
        f.set(
          "first",
          f64x2.add(
            f64x2.mul(splat("beta1"), v128.load(at("firstMoment"))),
            f64x2.mul(f64x2.sub(one, splat("beta1")), f.get("gradient")),
          ),
        ),
        f.set(
          "second",
          f64x2.add(
            f64x2.mul(splat("beta2"), v128.load(at("secondMoment"))),
            f64x2.mul(
              f64x2.mul(f64x2.sub(one, splat("beta2")), f.get("gradient")),
              f.get("gradient"),
            ),
          ),
        ),
        v128.store(at("firstMoment"), f.get("first")),
        v128.store(at("secondMoment"), f.get("second")),
        v128.store(
          at("parameters"),
          f64x2.add(
            f64x2.mul(
              f64x2.div(
                f64x2.mul(f.get("first"), splat("correction1")),
                f64x2.add(
                  f64x2.sqrt(f64x2.mul(f.get("second"), splat("correction2"))),
                  splat("epsilon"),
                ),
              ),
              f.get("negativeRate"),
            ),
            f.get("weight"),
          ),
        ),
        increment(f, "pointer", f.get("stride")),
      ),
      v128.store(
        i32.add(f.get("penalties"), f.get("lane")),
        f64x2.mul(f64x2.div(f.get("weightDecay"), two), f.get("squares")),
      ),
    ),
  );
}
