import { unsignedLeb128, type ValueType, type WasmFunction } from "./encodeModule.js";
import type { Code } from "./instructions.js";

/** Builds one WebAssembly function whose parameters and locals are referred to by name. */
export class FunctionBuilder {
  private readonly name: string;
  private readonly params: ValueType[] = [];
  private readonly locals: ValueType[] = [];
  private readonly indices = new Map<string, number>();

  constructor(name: string, params: Readonly<Record<string, ValueType>>) {
    this.name = name;
    for (const [paramName, type] of Object.entries(params)) {
      this.indices.set(paramName, this.params.length);
      this.params.push(type);
    }
  }

  /** Declares locals, all zero at the start of each call. */
  declare(type: ValueType, ...names: string[]): void {
    for (const localName of names) {
      if (this.indices.has(localName)) {
        throw new Error(`${this.name}: local "${localName}" is declared twice`);
      }

      this.indices.set(localName, this.params.length + this.locals.length);
      this.locals.push(type);
    }
  }

  get(localName: string): Code {
    return [0x20, ...unsignedLeb128(this.index(localName))];
  }

  set(localName: string, value: Code): Code {
    return [...value, 0x21, ...unsignedLeb128(this.index(localName))];
  }

  build(...body: Code[]): WasmFunction {
    return { name: this.name, params: this.params, locals: this.locals, body: body.flat() };
  }

  private index(localName: string): number {
    const index = this.indices.get(localName);
    if (index === undefined) {
      throw new Error(`${this.name}: local "${localName}" is not declared`);
    }

    return index;
  }
}
