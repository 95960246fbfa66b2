/** Character that separates the integer part of a number from its fraction. */
export type DecimalSeparator = "." | ",";

/** A number read from text, or the reason it could not be read (to follow the quoted text). */
export type LocaleNumber = { value: number } | { error: string };

interface Separators {
  decimal?: string;
  group?: string;
}

const NUMBER_SHAPE = /^([+-]?)([\d., ]+)([eE][+-]?\d+)?$/;

/**
 * Reads a number written with a decimal point or comma and optional thousands separators
 * (point, comma, space, no-break space, apostrophe), e.g. "1,5", "1 234,5", "1,234.5",
 * "2.5E-3". Without a declared decimal separator, one "." or "," followed by exactly three
 * digits ("1.234", "1,234") reads either way and is returned as an error. "0,234" is read as
 * a decimal because a thousands group never follows a leading 0.
 */
export function readLocaleNumber(text: string, decimalSeparator?: DecimalSeparator): LocaleNumber {
  const normalised = text.trim().replace(/[\u00a0\u202f']/g, " ");
  const [, sign = "", mantissa = "", exponent = ""] = NUMBER_SHAPE.exec(normalised) ?? [];
  if (!/\d/.test(mantissa)) {
    return { error: "is not a number" };
  }

  const separators = chooseSeparators(mantissa, decimalSeparator);
  if ("error" in separators) {
    return separators;
  }

  const { decimal, group } = separators;
  const [integerPart = "", fraction, ...rest] =
    decimal === undefined ? [mantissa] : mantissa.split(decimal);
  const groupPattern = group === undefined ? /^\d*$/ : new RegExp(`^\\d{1,3}(\\${group}\\d{3})+$`);
  const fractionValid = fraction === undefined || /^\d+$/.test(fraction);
  if (rest.length > 0 || !groupPattern.test(integerPart) || !fractionValid) {
    const declared =
      decimalSeparator === undefined ? "" : ` for decimal separator "${decimalSeparator}"`;
    return { error: `has separators in the wrong places${declared}` };
  }

  const digits = integerPart.replace(/\D/g, "") || "0";

  return {
    value: Number(`${sign}${digits}${fraction === undefined ? "" : `.${fraction}`}${exponent}`),
  };
}

function chooseSeparators(
  mantissa: string,
  declared: DecimalSeparator | undefined,
): Separators | { error: string } {
  const points = mantissa.split(".").length - 1;
  const commas = mantissa.split(",").length - 1;
  if (points > 0 && commas > 0) {
    if (mantissa.includes(" ")) {
      return { error: 'has spaces, "." and "," together' };
    }

    const decimal = mantissa.lastIndexOf(".") > mantissa.lastIndexOf(",") ? "." : ",";

    return checkDeclared({ decimal, group: decimal === "." ? "," : "." }, declared);
  }

  const only = points > 0 ? "." : ",";
  if (points + commas === 0) {
    return mantissa.includes(" ") ? { group: " " } : {};
  }

  if (mantissa.includes(" ")) {
    return checkDeclared({ decimal: only, group: " " }, declared);
  }

  if (declared !== undefined) {
    return only === declared ? { decimal: only } : { group: only };
  }

  if (points + commas > 1) {
    return { group: only };
  }

  if (/^[1-9]\d{0,2}[.,]\d{3}$/.test(mantissa)) {
    const asDecimal = Number(mantissa.replace(",", "."));
    const asThousands = Number(mantissa.replace(only, ""));

    return {
      error:
        `is ambiguous: it reads as ${asDecimal} with a decimal "${only}" or as ${asThousands} ` +
        `with a thousands "${only}"; declare the decimal separator ("." or ",")`,
    };
  }

  return { decimal: only };
}

function checkDeclared(
  separators: Separators,
  declared: DecimalSeparator | undefined,
): Separators | { error: string } {
  const { decimal } = separators;
  if (declared !== undefined && decimal !== undefined && decimal !== declared) {
    return { error: `uses "${decimal}" as decimal separator, but "${declared}" was declared` };
  }

  return separators;
}
