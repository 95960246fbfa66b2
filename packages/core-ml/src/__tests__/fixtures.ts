import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Reads a data set shipped in the repository's data/ folder. */
export function readDataFile(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../../../data/${name}`, import.meta.url)), "utf8");
}

export const US_DEMO_FILE = "song2024_doe_demo10pct_molar.csv";
export const POLISH_FILE = "song2024_franus2015_polish_molar.csv";
