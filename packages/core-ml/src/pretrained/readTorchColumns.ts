import type { StandardScaler } from "../preprocessing/standardScaler.js";
import {
  fieldPath,
  type JsonObject,
  readField,
  readNonEmptyArray,
  readNumbers,
  readObject,
  readString,
} from "./jsonFields.js";
import { PretrainedModelError } from "./PretrainedModelError.js";
import {
  STUDY_FEATURE_COLUMNS,
  STUDY_FEATURE_UNITS,
  STUDY_TARGET_COLUMNS,
  STUDY_TARGET_UNITS,
} from "./studyColumnNames.js";

/** The columns, units and scalers that every model of one export shares. */
export interface TorchColumns {
  /** Product column names, in the order of the file. */
  features: string[];
  featureUnit: string;
  targets: string[];
  targetUnit: string;
  featureScaler: StandardScaler;
  targetScaler: StandardScaler;
}

/**
 * Reads `features`, `feature_unit`, `targets`, `target_unit`, `feature_scaler`
 * and `target_scaler` from the root of an export and maps the names to
 * product columns.
 */
export function readTorchColumns(root: JsonObject): TorchColumns {
  const features = readNames(root, "features", STUDY_FEATURE_COLUMNS);
  const targets = readNames(root, "targets", STUDY_TARGET_COLUMNS);

  return {
    features,
    featureUnit: readUnit(root, "feature_unit", STUDY_FEATURE_UNITS),
    targets,
    targetUnit: readUnit(root, "target_unit", STUDY_TARGET_UNITS),
    featureScaler: readScaler(root, "feature_scaler", features.length),
    targetScaler: readScaler(root, "target_scaler", targets.length),
  };
}

function readNames(
  root: JsonObject,
  key: string,
  columns: Readonly<Record<string, string>>,
): string[] {
  const path = fieldPath("", key);
  const names = readNonEmptyArray(readField(root, key, ""), path, "names");
  const seen = new Set<string>();

  return names.map((entry, i) => {
    const entryPath = fieldPath(path, i);
    const name = readString(entry, entryPath);
    const column = Object.hasOwn(columns, name) ? columns[name] : undefined;
    if (column === undefined) {
      throw new PretrainedModelError(
        entryPath,
        `"${name}" is not a known name; expected one of ${Object.keys(columns).join(", ")}`,
      );
    }

    if (seen.has(name)) {
      throw new PretrainedModelError(entryPath, `"${name}" is listed twice; names must be unique`);
    }

    seen.add(name);

    return column;
  });
}

function readUnit(root: JsonObject, key: string, units: Readonly<Record<string, string>>): string {
  const path = fieldPath("", key);
  const unit = readString(readField(root, key, ""), path);
  const productUnit = Object.hasOwn(units, unit) ? units[unit] : undefined;
  if (productUnit === undefined) {
    const expected = Object.keys(units)
      .map((name) => `"${name}"`)
      .join(" or ");
    throw new PretrainedModelError(
      path,
      `unit "${unit}" is not supported; expected ${expected}, the unit of the product ` +
        "columns that the names map to",
    );
  }

  return productUnit;
}

/** Reads a scikit-learn StandardScaler written as `{ kind: "standard", mean, scale }`. */
function readScaler(root: JsonObject, key: string, length: number): StandardScaler {
  const path = fieldPath("", key);
  const scaler = readObject(readField(root, key, ""), path);
  const kindPath = fieldPath(path, "kind");
  const kind = readString(readField(scaler, "kind", path), kindPath);
  if (kind !== "standard") {
    throw new PretrainedModelError(
      kindPath,
      `scaler kind "${kind}" is not supported; expected "standard" (a z-score transform)`,
    );
  }

  const entries = "numbers (one per column)";
  const mean = readNumbers(
    readField(scaler, "mean", path),
    fieldPath(path, "mean"),
    length,
    entries,
  );
  const scalePath = fieldPath(path, "scale");
  const scale = readNumbers(readField(scaler, "scale", path), scalePath, length, entries);
  scale.forEach((value, j) => {
    if (value <= 0) {
      throw new PretrainedModelError(
        fieldPath(scalePath, j),
        `scale ${value} must be positive because inputs are divided by it`,
      );
    }
  });

  return { mean, scale };
}
