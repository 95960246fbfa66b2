import { signedLeb128, unsignedLeb128 } from "./encodeModule.js";

/**
 * Expression builders for the few WebAssembly instructions the fused kernels
 * use. Each returns the bytes of its operands followed by its opcode, so nested
 * calls read like the expression they compute. Opcodes are from the
 * WebAssembly core spec 2.0, sections 5.4.1-5.4.8.
 */
export type Code = readonly number[];

/** Alignment hint of v128 loads and stores: 2^4 = 16 bytes. */
const V128_ALIGNMENT = 4;

function simd(opcode: number): number[] {
  return [0xfd, ...unsignedLeb128(opcode)];
}

function binary(left: Code, right: Code, opcode: readonly number[]): number[] {
  return [...left, ...right, ...opcode];
}

export const i32 = {
  constant: (value: number): Code => [0x41, ...signedLeb128(value)],
  add: (left: Code, right: Code): Code => binary(left, right, [0x6a]),
  mul: (left: Code, right: Code): Code => binary(left, right, [0x6c]),
  shl: (left: Code, right: Code): Code => binary(left, right, [0x74]),
  shrU: (left: Code, right: Code): Code => binary(left, right, [0x76]),
  ltU: (left: Code, right: Code): Code => binary(left, right, [0x49]),
  leU: (left: Code, right: Code): Code => binary(left, right, [0x4d]),
};

export const f64 = {
  constant: (value: number): Code => {
    const bytes = new DataView(new ArrayBuffer(8));
    bytes.setFloat64(0, value, true);

    return [0x44, ...new Uint8Array(bytes.buffer)];
  },
  /** Converts a signed i32 to f64, exactly. */
  convertI32: (value: Code): Code => [...value, 0xb7],
};

export const f64x2 = {
  splat: (value: Code): Code => [...value, ...simd(20)],
  add: (left: Code, right: Code): Code => binary(left, right, simd(240)),
  sub: (left: Code, right: Code): Code => binary(left, right, simd(241)),
  mul: (left: Code, right: Code): Code => binary(left, right, simd(242)),
  div: (left: Code, right: Code): Code => binary(left, right, simd(243)),
  sqrt: (value: Code): Code => [...value, ...simd(239)],
  neg: (value: Code): Code => [...value, ...simd(237)],
  /** Lane-wise left > right as all-ones or all-zeros masks; false for NaN. */
  gt: (left: Code, right: Code): Code => binary(left, right, simd(74)),
  /** Lane-wise left < right ? right : left, so pmax(0, x) is x > 0 ? x : +0. */
  pmax: (left: Code, right: Code): Code => binary(left, right, simd(247)),
};

export const v128 = {
  /** Loads 16 bytes from `address + offset`. */
  load: (address: Code, offset = 0): Code => [
    ...address,
    ...simd(0),
    V128_ALIGNMENT,
    ...unsignedLeb128(offset),
  ],
  /** Stores 16 bytes at `address + offset`. */
  store: (address: Code, value: Code, offset = 0): Code => [
    ...address,
    ...value,
    ...simd(11),
    V128_ALIGNMENT,
    ...unsignedLeb128(offset),
  ],
  and: (left: Code, right: Code): Code => binary(left, right, simd(78)),
  zero: (): Code => [...simd(12), ...new Array<number>(16).fill(0)],
};

/** Runs `body` while `condition` (an i32) is non-zero, testing before each pass. */
export function whileLoop(condition: Code, ...body: Code[]): Code {
  const block = 0x02;
  const loop = 0x03;
  const emptyType = 0x40;
  const i32Eqz = 0x45;
  const branchIf = 0x0d;
  const branch = 0x0c;
  const end = 0x0b;

  return [
    block,
    emptyType,
    loop,
    emptyType,
    ...condition,
    i32Eqz,
    branchIf,
    1,
    ...body.flat(),
    branch,
    0,
    end,
    end,
  ];
}
