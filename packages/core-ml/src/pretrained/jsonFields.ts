import { PretrainedModelError } from "./PretrainedModelError.js";

/** A parsed JSON object whose fields are not yet checked. */
export type JsonObject = Record<string, unknown>;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Appends a key or index to a field path in JavaScript notation, e.g. `models["a b"].layers[0]`. */
export function fieldPath(parent: string, key: string | number): string {
  if (typeof key === "number") {
    return `${parent}[${key}]`;
  }

  if (!IDENTIFIER.test(key)) {
    return `${parent}[${JSON.stringify(key)}]`;
  }

  return parent === "" ? key : `${parent}.${key}`;
}

export function readObject(value: unknown, path: string): JsonObject {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new PretrainedModelError(path, `expected an object, got ${describeValue(value)}`);
  }

  return value as JsonObject;
}

/** Returns the field's value, or throws if the object has no such own field. */
export function readField(object: JsonObject, key: string, path: string): unknown {
  if (!Object.hasOwn(object, key)) {
    throw new PretrainedModelError(fieldPath(path, key), "the field is missing");
  }

  return object[key];
}

/**
 * Reads an array and, when `length` is given, checks its size.
 * @param entries What one entry is, for the message, e.g. "numbers (one per target)".
 */
export function readArray(
  value: unknown,
  path: string,
  length?: number,
  entries = "entries",
): unknown[] {
  if (!Array.isArray(value)) {
    const expected = length === undefined ? "an array" : `an array of ${length} ${entries}`;
    throw new PretrainedModelError(path, `expected ${expected}, got ${describeValue(value)}`);
  }

  if (length !== undefined && value.length !== length) {
    throw new PretrainedModelError(path, `expected ${length} ${entries}, got ${value.length}`);
  }

  return value;
}

export function readNonEmptyArray(value: unknown, path: string, entries: string): unknown[] {
  const array = readArray(value, path, undefined, entries);
  if (array.length === 0) {
    throw new PretrainedModelError(path, `expected at least one of the ${entries}, got none`);
  }

  return array;
}

export function readNumber(value: unknown, path: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new PretrainedModelError(path, `expected a finite number, got ${describeValue(value)}`);
  }

  return value;
}

/** Reads an array of `length` finite numbers. */
export function readNumbers(
  value: unknown,
  path: string,
  length: number,
  entries = "numbers",
): number[] {
  return readArray(value, path, length, entries).map((entry, i) =>
    readNumber(entry, fieldPath(path, i)),
  );
}

export function readString(value: unknown, path: string): string {
  if (typeof value !== "string") {
    throw new PretrainedModelError(path, `expected a string, got ${describeValue(value)}`);
  }

  return value;
}

/** Describes a JSON value briefly for an error message. */
export function describeValue(value: unknown): string {
  if (value === undefined) {
    return "nothing";
  }

  if (Array.isArray(value)) {
    return `an array of ${value.length}`;
  }

  if (typeof value === "object" && value !== null) {
    return "an object";
  }

  // String() rather than JSON.stringify, which writes NaN and Infinity as "null".
  const text = typeof value === "string" ? JSON.stringify(value) : String(value);

  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
