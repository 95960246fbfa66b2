import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as wasmBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import { redactDatabaseUrl } from "./databaseUrl.js";
import { MigrationAdapterFactory } from "./migrationAdapterFactory.js";
import { schemaPath } from "./paths.js";

export type SchemaEngine = wasmBindings.SchemaEngine;

/** The Prisma schema as the engine received it. */
export interface SchemaFile {
  path: string;
  content: string;
}

// lib ES2023 and @types/node 20 declare no WebAssembly types, so the one call used here is typed
// locally.
interface WebAssemblyApi {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, object>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
}
const webAssembly = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;

let wasmReady: Promise<void> | undefined;

/**
 * Instantiates the engine's WebAssembly module. The package is wasm-bindgen "bundler" output whose
 * entry module imports the .wasm file as an ES module, which Node 20 rejects with
 * ERR_UNKNOWN_FILE_EXTENSION, so the glue module is wired to the instance by hand.
 */
async function instantiateWasm(): Promise<void> {
  const require = createRequire(import.meta.url);
  // The package exports no ./package.json, so the .wasm file is located next to the glue module.
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bytes = await readFile(join(dirname(gluePath), "schema_engine_bg.wasm"));
  // The glue module's exported functions are the wasm module's imports, under the glue's file name.
  const imports: Record<string, unknown> = { ...wasmBindings };
  for (const name of Object.keys(imports)) {
    // The engine starts 10 s timers that it never clears (the glue imports no clearTimeout), which
    // would keep Node alive for 10 s after the last command. Unreferenced timers still fire while
    // the process runs for other reasons.
    if (name.startsWith("__wbg_setTimeout_")) {
      imports[name] = (callback: () => void, milliseconds: number) =>
        setTimeout(callback, milliseconds >>> 0).unref();
    }
  }

  // The engine reports a Rust panic through this global before it aborts. Without it the report
  // itself fails with a TypeError that hides the panic message.
  const panicRegistry = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown };
  panicRegistry.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message(message: string): never {
      throw new Error(`Prisma schema engine panicked: ${message}`);
    },
  };

  const { instance } = await webAssembly.instantiate(bytes, { "./schema_engine_bg.js": imports });
  wasmBindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
}

/** Instantiates the module once per process, because the glue module stores a single instance. */
function ensureWasm(): Promise<void> {
  wasmReady ??= instantiateWasm().catch((error: unknown) => {
    wasmReady = undefined;
    throw error;
  });
  return wasmReady;
}

/**
 * Passes the engine's warnings and errors to logger as "schema engine LEVEL: message". The engine
 * writes one JSON object per event, and its INFO events include every migration script in full.
 */
function forwardEngineLog(line: string, logger: ((message: string) => void) | undefined): void {
  if (logger === undefined) {
    return;
  }

  let event: { level?: unknown; fields?: { message?: unknown } };
  try {
    event = JSON.parse(line) as typeof event;
  } catch {
    logger(`schema engine: ${line}`);
    return;
  }

  if (event.level === "WARN" || event.level === "ERROR") {
    logger(`schema engine ${event.level}: ${String(event.fields?.message ?? line)}`);
  }
}

/**
 * Returns an engine error's message without the span trace that follows it, whose lines look like
 * "   0: sql_schema_connector::apply_migration::apply_script".
 */
function engineErrorSummary(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const traceStart = message.search(/^\s+0: /m);
  return (traceStart === -1 ? message : message.slice(0, traceStart)).trim();
}

/**
 * Opens a schema engine on the package's schema.prisma and the database at databaseUrl, runs
 * work with it, then frees the engine and ends every pool it opened, so that nothing keeps the
 * process alive afterwards.
 */
export async function withSchemaEngine<T>(
  databaseUrl: string,
  logger: ((message: string) => void) | undefined,
  work: (engine: SchemaEngine, schema: SchemaFile) => Promise<T>,
): Promise<T> {
  await ensureWasm();
  const schema = { path: schemaPath, content: await readFile(schemaPath, "utf8") };
  const factory = new MigrationAdapterFactory(databaseUrl);
  try {
    const engine = await wasmBindings.SchemaEngine.new(
      { datamodels: [[schema.path, schema.content]] },
      (line: string) => forwardEngineLog(line, logger),
      bindMigrationAwareSqlAdapterFactory(factory),
    );
    try {
      return await work(engine, schema);
    } catch (error) {
      throw new Error(
        `Schema engine failed on ${redactDatabaseUrl(databaseUrl)}: ${engineErrorSummary(error)}`,
        { cause: error },
      );
    } finally {
      engine.free();
    }
  } finally {
    await factory.disposeAll();
  }
}
