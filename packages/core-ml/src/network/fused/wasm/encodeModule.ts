/** Value types of the WebAssembly binary format (core spec 2.0, section 5.3.1). */
export const ValueType = { i32: 0x7f, f64: 0x7c, v128: 0x7b } as const;
export type ValueType = (typeof ValueType)[keyof typeof ValueType];

/** A function to encode: its signature, its locals after the parameters, and its body. */
export interface WasmFunction {
  /** Export name. */
  name: string;
  params: readonly ValueType[];
  locals: readonly ValueType[];
  /** Instructions without the final `end`. */
  body: readonly number[];
}

/**
 * Encodes a WebAssembly module that imports its linear memory as `env.memory`
 * and exports each function under its name. The functions return nothing.
 */
export function encodeModule(functions: readonly WasmFunction[]): Uint8Array {
  const magicAndVersion = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  const types = functions.map((f) => [0x60, ...vector(f.params.map((type) => [type])), 0x00]);
  // Memory import with limits flag 0 and minimum 0 pages: the caller provides the memory.
  const memoryImport = [...name("env"), ...name("memory"), 0x02, 0x00, 0x00];
  const exports = functions.map((f, index) => [...name(f.name), 0x00, ...unsignedLeb128(index)]);
  const bodies = functions.map((f) => {
    const code = [...encodeLocals(f.locals), ...f.body, 0x0b];

    return [...unsignedLeb128(code.length), ...code];
  });

  return Uint8Array.from([
    ...magicAndVersion,
    ...section(1, vector(types)),
    ...section(2, vector([memoryImport])),
    ...section(3, vector(functions.map((_, index) => unsignedLeb128(index)))),
    ...section(7, vector(exports)),
    ...section(10, vector(bodies)),
  ]);
}

export function unsignedLeb128(value: number): number[] {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
    throw new RangeError(`unsigned LEB128 needs an integer from 0 to 2^32 - 1, got ${value}`);
  }

  const bytes: number[] = [];
  let rest = value;
  do {
    const low = rest % 128;
    rest = Math.floor(rest / 128);
    bytes.push(rest > 0 ? low | 0x80 : low);
  } while (rest > 0);

  return bytes;
}

export function signedLeb128(value: number): number[] {
  if (!Number.isInteger(value) || value < -0x80000000 || value > 0x7fffffff) {
    throw new RangeError(`signed LEB128 needs a 32-bit integer, got ${value}`);
  }

  const bytes: number[] = [];
  let rest = value;
  for (;;) {
    const low = rest & 0x7f;
    rest >>= 7;
    const done = (rest === 0 && (low & 0x40) === 0) || (rest === -1 && (low & 0x40) !== 0);
    bytes.push(done ? low : low | 0x80);
    if (done) {
      return bytes;
    }
  }
}

function vector(items: readonly (readonly number[])[]): number[] {
  return [...unsignedLeb128(items.length), ...items.flat()];
}

function name(text: string): number[] {
  return vector([...new TextEncoder().encode(text)].map((byte) => [byte]));
}

function section(id: number, content: readonly number[]): number[] {
  return [id, ...unsignedLeb128(content.length), ...content];
}

/** Encodes locals as runs of one type, as the code section requires. */
function encodeLocals(locals: readonly ValueType[]): number[] {
  const runs: number[][] = [];
  let start = 0;
  for (let i = 1; i <= locals.length; i++) {
    if (i === locals.length || locals[i] !== locals[start]) {
      runs.push([...unsignedLeb128(i - start), locals[start] as ValueType]);
      start = i;
    }
  }

  return vector(runs);
}
