import { ValueType, type WasmFunction } from "./encodeModule.js";
import { FunctionBuilder } from "./FunctionBuilder.js";
import { type Code, f64x2, i32, v128, whileLoop } from "./instructions.js";
import {
  forLanePairs,
  forRange,
  increment,
  laneSetup,
  rowOffset,
  V128_BYTES,
} from "./kernelLoops.js";

const { i32: I32, v128: V128 } = ValueType;

/**
 * Independent f64x2 sums per pass. A sum's next add waits for its previous one,
 * so one sum at a time leaves the CPU's floating-point adders mostly idle.
 */
const ACCUMULATORS = 4;

/** `pointer + j * step`, without the multiplication for j = 0. */
function offsetBy(pointer: Code, j: number, step: Code): Code {
  return j === 0 ? pointer : i32.add(pointer, i32.mul(i32.constant(j), step));
}

const accumulator = (j: number) => `accumulator${j}`;
const rightPointer = (j: number) => `right${j}`;

/**
 * Shape of a dense kernel: for every output (outer, inner) and lane, a dot
 * product over `terms` of left x right, where the left operand depends only on
 * `outer` and the right only on `inner`. Addresses are bytes without the lane
 * offset.
 */
interface DotProductGrid {
  outerEnd: Code;
  innerEnd: Code;
  /** Row of the initial values, indexed by inner; the sums start at 0 without it. */
  initial?: Code;
  left: (outer: Code) => Code;
  leftStep: Code;
  right: (inner: Code) => Code;
  rightStep: Code;
  /** Distance between the right operands of inner and inner + 1. */
  rightInnerStep: Code;
  terms: Code;
  /** Output (outer, inner) sits at row outer x innerEnd + inner of `target`. */
  target: Code;
}

/**
 * Emits a dense kernel. Each pass keeps ACCUMULATORS independent sums in
 * flight: over 4 lane vectors (8 models) while whole 8-lane blocks remain, else
 * over 4 neighbouring inner outputs of one lane pair. Each sum adds its terms in
 * order either way, so the result does not depend on the number of lanes.
 */
function emitDotProductGrid(f: FunctionBuilder, grid: DotProductGrid): Code {
  const wideBytes = ACCUMULATORS * V128_BYTES;
  f.declare(I32, "outer", "inner", "wideEnd", "left", "term", "initialRow", "targetRow");
  f.declare(I32, ...Array.from({ length: ACCUMULATORS }, (_, j) => rightPointer(j)));
  f.declare(V128, "shared", ...Array.from({ length: ACCUMULATORS }, (_, j) => accumulator(j)));
  const laneAddress = (base: Code) => i32.add(base, f.get("lane"));
  const targetRow = i32.add(
    grid.target,
    rowOffset(f, i32.add(i32.mul(f.get("outer"), grid.innerEnd), f.get("inner"))),
  );

  // 4 sums over 4 lane vectors: operands of vector j sit 16 j bytes further.
  const acrossLanes = (): Code => {
    const vectors = Array.from({ length: ACCUMULATORS }, (_, j) => j);

    return [
      ...vectors.flatMap((j) =>
        f.set(
          accumulator(j),
          grid.initial === undefined
            ? v128.zero()
            : v128.load(laneAddress(f.get("initialRow")), j * V128_BYTES),
        ),
      ),
      ...f.set("left", laneAddress(grid.left(f.get("outer")))),
      ...f.set(rightPointer(0), laneAddress(grid.right(f.get("inner")))),
      ...forRange(
        f,
        "term",
        grid.terms,
        vectors.flatMap((j) =>
          f.set(
            accumulator(j),
            f64x2.add(
              f.get(accumulator(j)),
              f64x2.mul(
                v128.load(f.get("left"), j * V128_BYTES),
                v128.load(f.get(rightPointer(0)), j * V128_BYTES),
              ),
            ),
          ),
        ),
        increment(f, "left", grid.leftStep),
        increment(f, rightPointer(0), grid.rightStep),
      ),
      ...vectors.flatMap((j) =>
        v128.store(laneAddress(f.get("targetRow")), f.get(accumulator(j)), j * V128_BYTES),
      ),
    ];
  };

  // `sums` sums over inner, inner + 1, ... of one lane pair, sharing the left operand.
  const acrossInner = (sums: number): Code => {
    const outputs = Array.from({ length: sums }, (_, j) => j);

    return [
      ...outputs.flatMap((j) =>
        f.set(
          accumulator(j),
          grid.initial === undefined
            ? v128.zero()
            : v128.load(offsetBy(laneAddress(f.get("initialRow")), j, f.get("stride"))),
        ),
      ),
      ...f.set("left", laneAddress(grid.left(f.get("outer")))),
      ...outputs.flatMap((j) =>
        f.set(
          rightPointer(j),
          offsetBy(laneAddress(grid.right(f.get("inner"))), j, grid.rightInnerStep),
        ),
      ),
      ...forRange(
        f,
        "term",
        grid.terms,
        f.set("shared", v128.load(f.get("left"))),
        outputs.flatMap((j) =>
          f.set(
            accumulator(j),
            f64x2.add(
              f.get(accumulator(j)),
              f64x2.mul(f.get("shared"), v128.load(f.get(rightPointer(j)))),
            ),
          ),
        ),
        increment(f, "left", grid.leftStep),
        outputs.flatMap((j) => increment(f, rightPointer(j), grid.rightStep)),
      ),
      ...outputs.flatMap((j) =>
        v128.store(
          offsetBy(laneAddress(f.get("targetRow")), j, f.get("stride")),
          f.get(accumulator(j)),
        ),
      ),
    ];
  };

  // Rows of the initial values and outputs of (outer, inner), without the lane offset.
  const setRows = (): Code => [
    ...(grid.initial === undefined
      ? []
      : f.set("initialRow", i32.add(grid.initial, rowOffset(f, f.get("inner"))))),
    ...f.set("targetRow", targetRow),
  ];

  return [
    ...f.set(
      "wideEnd",
      i32.mul(
        i32.shrU(f.get("stride"), i32.constant(Math.log2(wideBytes))),
        i32.constant(wideBytes),
      ),
    ),
    ...forRange(
      f,
      "outer",
      grid.outerEnd,
      forRange(
        f,
        "inner",
        grid.innerEnd,
        setRows(),
        f.set("lane", i32.constant(0)),
        whileLoop(
          i32.ltU(f.get("lane"), f.get("wideEnd")),
          acrossLanes(),
          increment(f, "lane", i32.constant(wideBytes)),
        ),
      ),
      f.set("lane", f.get("wideEnd")),
      whileLoop(
        i32.ltU(f.get("lane"), f.get("stride")),
        f.set("inner", i32.constant(0)),
        whileLoop(
          i32.leU(i32.add(f.get("inner"), i32.constant(ACCUMULATORS)), grid.innerEnd),
          setRows(),
          acrossInner(ACCUMULATORS),
          increment(f, "inner", i32.constant(ACCUMULATORS)),
        ),
        whileLoop(
          i32.ltU(f.get("inner"), grid.innerEnd),
          setRows(),
          acrossInner(1),
          increment(f, "inner", i32.constant(1)),
        ),
        increment(f, "lane", i32.constant(V128_BYTES)),
      ),
    ),
  ];
}

/** Emits GroupKernels.denseForward, the lane-wise scalarDense.denseForward. */
export function denseForward(): WasmFunction {
  const f = new FunctionBuilder("denseForward", {
    kernel: I32,
    bias: I32,
    input: I32,
    fanIn: I32,
    z: I32,
    units: I32,
    count: I32,
    lanes: I32,
  });
  const setup = laneSetup(f);

  return f.build(
    setup,
    emitDotProductGrid(f, {
      outerEnd: f.get("count"),
      innerEnd: f.get("units"),
      initial: f.get("bias"),
      left: (b) => i32.add(f.get("input"), rowOffset(f, i32.mul(b, f.get("fanIn")))),
      leftStep: f.get("stride"),
      right: (u) => i32.add(f.get("kernel"), rowOffset(f, u)),
      rightStep: rowOffset(f, f.get("units")),
      rightInnerStep: f.get("stride"),
      terms: f.get("fanIn"),
      target: f.get("z"),
    }),
  );
}

/** Emits GroupKernels.denseKernelGradient, the lane-wise scalarDense.denseKernelGradient. */
export function denseKernelGradient(): WasmFunction {
  const f = new FunctionBuilder("denseKernelGradient", {
    gradient: I32,
    input: I32,
    fanIn: I32,
    delta: I32,
    units: I32,
    count: I32,
    lanes: I32,
  });
  const setup = laneSetup(f);

  return f.build(
    setup,
    emitDotProductGrid(f, {
      outerEnd: f.get("fanIn"),
      innerEnd: f.get("units"),
      left: (k) => i32.add(f.get("input"), rowOffset(f, k)),
      leftStep: rowOffset(f, f.get("fanIn")),
      right: (u) => i32.add(f.get("delta"), rowOffset(f, u)),
      rightStep: rowOffset(f, f.get("units")),
      rightInnerStep: f.get("stride"),
      terms: f.get("count"),
      target: f.get("gradient"),
    }),
  );
}

/** Emits GroupKernels.denseInputGradient, the lane-wise scalarDense.denseInputGradient. */
export function denseInputGradient(): WasmFunction {
  const f = new FunctionBuilder("denseInputGradient", {
    kernel: I32,
    delta: I32,
    units: I32,
    inputGradient: I32,
    fanIn: I32,
    count: I32,
    lanes: I32,
  });
  const setup = laneSetup(f);

  return f.build(
    setup,
    emitDotProductGrid(f, {
      outerEnd: f.get("count"),
      innerEnd: f.get("fanIn"),
      left: (b) => i32.add(f.get("delta"), rowOffset(f, i32.mul(b, f.get("units")))),
      leftStep: f.get("stride"),
      right: (k) => i32.add(f.get("kernel"), rowOffset(f, i32.mul(k, f.get("units")))),
      rightStep: f.get("stride"),
      rightInnerStep: rowOffset(f, f.get("units")),
      terms: f.get("units"),
      target: f.get("inputGradient"),
    }),
  );
}

/** Emits GroupKernels.biasGradient, the bias part of NetworkTrainer.backwardOutput. */
export function biasGradient(): WasmFunction {
  const f = new FunctionBuilder("biasGradient", {
    delta: I32,
    units: I32,
    count: I32,
    gradient: I32,
    lanes: I32,
  });
  const setup = laneSetup(f);
  f.declare(I32, "u", "b", "pointer");
  f.declare(V128, "sum");

  return f.build(
    setup,
    forRange(
      f,
      "u",
      f.get("units"),
      forLanePairs(
        f,
        f.set("sum", v128.zero()),
        f.set("pointer", i32.add(i32.add(f.get("delta"), rowOffset(f, f.get("u"))), f.get("lane"))),
        forRange(
          f,
          "b",
          f.get("count"),
          f.set("sum", f64x2.add(f.get("sum"), v128.load(f.get("pointer")))),
          increment(f, "pointer", rowOffset(f, f.get("units"))),
        ),
        v128.store(
          i32.add(i32.add(f.get("gradient"), rowOffset(f, f.get("u"))), f.get("lane")),
          f.get("sum"),
        ),
      ),
    ),
  );
}
