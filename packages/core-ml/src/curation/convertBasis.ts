import { assertContent } from "../units/assertContent.js";

/** Reference mass of a content: the whole coal as sampled, or the ash left after ashing it. */
export type Basis = "whole-coal" | "ash";

export interface ConvertBasisOptions {
  /**
   * Basis of the given contents.
   * @default "whole-coal"
   */
  from?: Basis;
  /**
   * Basis of the returned contents.
   * @default "ash"
   */
  to?: Basis;
}

/**
 * Converts mass contents between whole-coal and ash basis: ash basis = whole-coal basis *
 * 100 / ash yield (%). Ratios of contents, and so renormalised molar fractions, do not
 * change; the conversion matters when columns on different bases are combined.
 * NOTE: this assumes the element stays in the ash. Volatile elements (Hg, Se, As, S, Cl)
 * partly leave on ashing, so their ash-basis values from whole-coal data are upper bounds.
 * @throws RangeError for an ash yield outside (0, 100] or a negative content.
 */
export function convertBasis(
  contents: Readonly<Record<string, number>>,
  ashYieldPercent: number,
  options: ConvertBasisOptions = {},
): Record<string, number> {
  const { from = "whole-coal", to = "ash" } = options;
  if (!(Number.isFinite(ashYieldPercent) && ashYieldPercent > 0 && ashYieldPercent <= 100)) {
    throw new RangeError(
      `ashYieldPercent must be in (0, 100] (ash mass per 100 g of coal), got ${ashYieldPercent}`,
    );
  }

  const factor = basisFactor(from, to, ashYieldPercent);

  return Object.fromEntries(
    Object.entries(contents).map(([name, value]) => {
      assertContent(value, name);

      return [name, value * factor];
    }),
  );
}

function basisFactor(from: Basis, to: Basis, ashYieldPercent: number): number {
  if (from === to) {
    return 1;
  }

  return from === "whole-coal" ? 100 / ashYieldPercent : ashYieldPercent / 100;
}
