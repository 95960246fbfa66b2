/*
 * Loop and addressing helpers shared by the kernels. A kernel addresses entry
 * (row, lane) of a struct-of-arrays buffer at byte base + row x stride + lane,
 * where stride = lanes x 8 and `lane` is a byte offset within the row.
 */

import { ValueType } from "./encodeModule.js";
import type { FunctionBuilder } from "./FunctionBuilder.js";
import { type Code, i32, whileLoop } from "./instructions.js";

export const V128_BYTES = 16;
const F64_BYTES = 8;

/** Adds `step` to the i32 local `name`. */
export function increment(f: FunctionBuilder, name: string, step: Code): Code {
  return f.set(name, i32.add(f.get(name), step));
}

/** Runs `body` for counter = 0, 1, ... while counter < end. */
export function forRange(f: FunctionBuilder, counter: string, end: Code, ...body: Code[]): Code {
  return [
    ...f.set(counter, i32.constant(0)),
    ...whileLoop(i32.ltU(f.get(counter), end), ...body, increment(f, counter, i32.constant(1))),
  ];
}

/** Runs `body` for each f64x2 vector of a row, two lanes at a time. */
export function forLanePairs(f: FunctionBuilder, ...body: Code[]): Code {
  return [
    ...f.set("lane", i32.constant(0)),
    ...whileLoop(
      i32.ltU(f.get("lane"), f.get("stride")),
      ...body,
      increment(f, "lane", i32.constant(V128_BYTES)),
    ),
  ];
}

/** Declares `stride` and `lane`, and sets stride from the i32 parameter `lanes`. */
export function laneSetup(f: FunctionBuilder): Code {
  f.declare(ValueType.i32, "stride", "lane");

  return f.set("stride", i32.shl(f.get("lanes"), i32.constant(Math.log2(F64_BYTES))));
}

/** Byte offset of row `row` in a struct-of-arrays buffer. */
export function rowOffset(f: FunctionBuilder, row: Code): Code {
  return i32.mul(row, f.get("stride"));
}
