import { type MassUnit } from "../units/massUnits.js";

/** Unit of a content column: a mass content, or the molar units of curated tables. */
export type ContentUnit = MassUnit | "mol %" | "ppm (molar)";

/** Sample descriptors that the product stores beside the contents. */
export type MetadataField =
  "sampleId" | "coalRank" | "boilerType" | "collectionOrigin" | "basin" | "ashType" | "plant";

/**
 * Header spellings of each metadata field, lower case, with "_", "-" and "." read as spaces.
 * "ash" alone is left out on purpose: it may name the ash type or the ash yield.
 */
export const METADATA_ALIASES: Readonly<Record<MetadataField, readonly string[]>> = {
  sampleId: ["sample", "sample id", "sampleid", "sample name", "sample no", "sample number", "sample code", "lab id"],
  coalRank: ["rank", "coal rank"],
  boilerType: ["boiler", "boiler type", "furnace", "furnace type", "combustion type"],
  collectionOrigin: ["origin", "collection origin", "collection point", "collection site", "sampling point", "sampling location"],
  basin: ["basin", "coal basin"],
  ashType: ["ash type", "type of ash", "sample type"],
  plant: ["plant", "power plant", "power station", "plant name"],
}; // prettier-ignore

/** Generic spellings that probably name a metadata field, proposed with medium confidence. */
export const WEAK_METADATA_ALIASES: Readonly<Record<string, MetadataField>> = {
  id: "sampleId",
  material: "ashType",
  station: "plant",
  location: "collectionOrigin",
};

/** Header spellings of the ash yield of a coal, in wt%, after the same normalisation. */
export const ASH_YIELD_ALIASES: readonly string[] = [
  "ash yield", "ash yield %", "ash yield wt%", "ash %", "ash wt%", "ash content", "ash content %",
]; // prettier-ignore

/** Header spellings of an analytical total, after the same normalisation. */
export const TOTAL_ALIASES: readonly string[] = [
  "total",
  "totals",
  "sum",
  "total %",
  "total wt%",
  "sum %",
];

/**
 * Unit spellings after a quantity, lower case, with brackets, "_" and "," read as spaces and
 * "." removed (so "(wt.%)" becomes "wt%"). `explicit` is false where a bare "%" only implies
 * wt%, the usual meaning in oxide tables.
 */
export const UNIT_ALIASES: readonly { spellings: readonly string[]; unit: ContentUnit; explicit: boolean }[] = [
  { spellings: ["wt%", "wt %", "wt pct", "wtpct", "wt", "mass%", "mass %", "% m/m", "g/100g", "g/100 g"], unit: "wt%", explicit: true },
  { spellings: ["%", "pct", "percent"], unit: "wt%", explicit: false },
  { spellings: ["mol%", "mol %", "mol pct", "molpct", "mole%", "mole %", "mol percent"], unit: "mol %", explicit: true },
  { spellings: ["ppm mol", "mol ppm", "ppm molar", "molar ppm", "ppmmol", "ppm by mol"], unit: "ppm (molar)", explicit: true },
  { spellings: ["ppm", "g/t"], unit: "ppm", explicit: true },
  { spellings: ["mg/kg"], unit: "mg/kg", explicit: true },
  { spellings: ["µg/g", "ug/g"], unit: "µg/g", explicit: true },
  { spellings: ["ppb", "µg/kg", "ug/kg"], unit: "ppb", explicit: true },
  { spellings: ["ng/g"], unit: "ng/g", explicit: true },
]; // prettier-ignore
