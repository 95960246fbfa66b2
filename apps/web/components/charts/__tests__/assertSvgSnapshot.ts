import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const OUTPUT_DIRECTORY = join(dirname(fileURLToPath(import.meta.url)), "output");

/**
 * Returns the SVG markup with each start tag on a new line and every number that has more than 3
 * decimals rounded to 3, so that floating-point noise does not change a snapshot.
 */
export function normalizeSvg(svg: string): string {
  const rounded = svg.replace(/-?\d+\.\d{4,}/g, (number) =>
    String(Number(Number(number).toFixed(3))),
  );

  return `${rounded.replace(/><(?!\/)/g, ">\n<")}\n`;
}

/**
 * Compares an SVG with output/<name>.svg. Writes the file when it is missing. When it differs,
 * writes output/<name>-changed.svg and throws, so the two can be compared and the new one
 * copied over the old if the change is intended.
 */
export function assertSvgSnapshot(name: string, svg: string): void {
  const actual = normalizeSvg(svg);
  const expectedPath = join(OUTPUT_DIRECTORY, `${name}.svg`);
  const changedPath = join(OUTPUT_DIRECTORY, `${name}-changed.svg`);

  if (!existsSync(expectedPath)) {
    mkdirSync(OUTPUT_DIRECTORY, { recursive: true });
    writeFileSync(expectedPath, actual);
    return;
  }

  if (readFileSync(expectedPath, "utf8") === actual) {
    rmSync(changedPath, { force: true });
    return;
  }

  writeFileSync(changedPath, actual);
  throw new Error(
    `SVG snapshot "${name}" changed: compare ${changedPath} with ${expectedPath}, ` +
      `and replace the latter with the former if the change is intended`,
  );
}
