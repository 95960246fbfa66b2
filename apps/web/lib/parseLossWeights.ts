import { columnLabel } from "./labels";
import { type ParseResult, readNumber } from "./parseNumberInput";

/**
 * Parses one loss weight per target, in target order, separated by commas, semicolons or spaces,
 * e.g. "2, 1, 1". Each weight must be a number greater than 0. The message names the target of
 * a bad weight.
 */
export function parseLossWeights(
  fieldLabel: string,
  text: string,
  targets: readonly string[],
): ParseResult<number[]> {
  const items = text.split(/[\s,;]+/).filter((item) => item !== "");
  if (items.length !== targets.length) {
    return {
      ok: false,
      message:
        `${fieldLabel} must list one weight per target (${targets.length}: ` +
        `${targets.map(columnLabel).join(", ")}), got ${items.length}.`,
    };
  }

  const weights: number[] = [];
  for (const [j, item] of items.entries()) {
    const weight = readNumber(item);
    if (weight === undefined || !(weight > 0) || !Number.isFinite(weight)) {
      return {
        ok: false,
        message: `${fieldLabel}: the weight of ${columnLabel(targets[j] ?? "")} must be a number greater than 0, got "${item}".`,
      };
    }

    weights.push(weight);
  }

  return { ok: true, value: weights };
}
