/** Result of reading one oxide input: the number, or a message naming the field. */
export type MolPercentResult = { ok: true; value: number } | { ok: false; message: string };

/**
 * Parses the text of an oxide input in mol %. The value must be present, a finite decimal
 * number (a dot as decimal separator, exponent allowed) and 0 or more.
 */
export function parseMolPercent(fieldLabel: string, text: string): MolPercentResult {
  const trimmed = text.trim();
  if (trimmed === "") {
    return { ok: false, message: `${fieldLabel} is required.` };
  }

  // Number() alone would also accept hexadecimal ("0x10") and "Infinity".
  const value = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed) ? Number(trimmed) : NaN;
  if (!Number.isFinite(value)) {
    return {
      ok: false,
      message: `${fieldLabel} must be a finite number such as 12.5, got "${trimmed}".`,
    };
  }

  if (value < 0) {
    return { ok: false, message: `${fieldLabel} must be 0 or more, got ${trimmed}.` };
  }

  return { ok: true, value };
}
