import type { Prediction } from "@ree/schema/documents";

import type { CompositionRow } from "./parseCompositionCsv";

/**
 * Writes compositions and their predictions as CSV: the label, the oxides in mol %, the
 * screening class, the share of members above the threshold, the domain warnings, then mean,
 * sd, p5 and p95 of each target.
 */
export function predictionCsv(
  compositions: readonly CompositionRow[],
  predictions: readonly Prediction[],
): string {
  const oxides = compositions[0]?.oxides.map(({ oxide }) => oxide) ?? [];
  const targets = predictions[0]?.targets.map(({ target }) => target) ?? [];
  const header = [
    "label",
    ...oxides.map((oxide) => `${oxide}_mol_pct`),
    "screening",
    "share_above_threshold",
    "warnings",
    ...targets.flatMap((target) => ["mean", "sd", "p5", "p95"].map((stat) => `${target}_${stat}`)),
  ];
  const rows = predictions.map((prediction, i) => [
    compositions[i]?.label ?? "",
    ...(compositions[i]?.oxides.map(({ molPercent }) => String(molPercent)) ?? []),
    screeningClass(prediction),
    prediction.screening === null ? "" : String(prediction.screening.shareAbove),
    prediction.warnings.map((warning) => warning.message).join("; "),
    ...prediction.targets.flatMap(({ value, sd, p5, p95 }) =>
      [value, sd, p5, p95].map((number) => (number === null ? "" : String(number))),
    ),
  ]);

  return [header, ...rows].map((row) => row.map(quote).join(",")).join("\n") + "\n";
}

/** Quotes a cell that contains a comma, a quote or a line break, as RFC 4180 does. */
function quote(cell: string): string {
  return /[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

function screeningClass({ screening }: Prediction): string {
  if (screening === null) {
    return "";
  }

  return screening.high ? "high" : "low";
}
