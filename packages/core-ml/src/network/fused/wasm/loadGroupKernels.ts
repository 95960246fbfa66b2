import { buildGroupKernelModule } from "./buildGroupKernelModule.js";
import type { GroupKernels } from "./GroupKernels.js";

let moduleBytes: Uint8Array | undefined;
let compiled: Promise<unknown> | undefined;

/** The part of the WebAssembly JavaScript API used here; Node's types do not declare it. */
interface WebAssemblyApi {
  validate(bytes: Uint8Array): boolean;
  compile(bytes: Uint8Array): Promise<unknown>;
  instantiate(module: unknown, imports: object): Promise<{ exports: unknown }>;
  Memory: new (descriptor: { initial: number }) => { buffer: ArrayBuffer };
}

function webAssembly(): WebAssemblyApi | undefined {
  return (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
}

/** Encodes the kernel module on first use. */
function kernelModuleBytes(): Uint8Array {
  moduleBytes ??= buildGroupKernelModule();

  return moduleBytes;
}

/**
 * Checks whether this runtime can run the kernels, which need WebAssembly with
 * fixed-width SIMD (enabled by default in Node 20, which this repository requires).
 */
export function groupKernelsSupported(): boolean {
  const api = webAssembly();

  return api !== undefined && api.validate(kernelModuleBytes());
}

/**
 * Creates a linear memory of at least `bytes` bytes and instantiates the
 * kernels on it. The module is compiled once per process.
 * @throws Error when groupKernelsSupported() is false.
 */
export async function instantiateGroupKernels(
  bytes: number,
): Promise<{ kernels: GroupKernels; buffer: ArrayBuffer }> {
  const api = webAssembly();
  if (api === undefined || !groupKernelsSupported()) {
    throw new Error(
      "this runtime lacks WebAssembly SIMD; train with NetworkTrainer instead, or use Node 20",
    );
  }

  compiled ??= api.compile(kernelModuleBytes());
  const pageBytes = 65536;
  const memory = new api.Memory({ initial: Math.max(1, Math.ceil(bytes / pageBytes)) });
  const instance = await api.instantiate(await compiled, { env: { memory } });

  return { kernels: instance.exports as GroupKernels, buffer: memory.buffer };
}
