import { createWriteStream } from "node:fs";
import { once } from "node:events";

export const LAB_MAJORS = [
  "SiO2",
  "Al2O3",
  "Fe2O3",
  "CaO",
  "MgO",
  "Na2O",
  "K2O",
  "TiO2",
  "P2O5",
  "MnO",
];
const MAJOR_WT = [52.1, 24.3, 6.8, 5.2, 1.6, 0.9, 1.8, 1.1, 0.4, 0.05];
export const LAB_REE = [
  "La",
  "Ce",
  "Pr",
  "Nd",
  "Sm",
  "Eu",
  "Gd",
  "Tb",
  "Dy",
  "Ho",
  "Er",
  "Tm",
  "Yb",
  "Lu",
  "Y",
  "Sc",
];
const REE_PPM = [62, 125, 14, 55, 11, 2.3, 10, 1.6, 9.5, 1.9, 5.4, 0.8, 5.1, 0.75, 52, 28];

/**
 * Writes a wide lab table of `rows` samples with reproducible pseudo-random contents around
 * typical coal-ash values: a sample id, 3 metadata columns, 10 major oxides and LOI in wt%,
 * and 16 REE in ppm. 100,000 rows make about 16 MB. Contents carry 3 decimals, such as
 * "23.052", so an import needs the decimal separator declared.
 */
export async function writeLabTable(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  let state = 12345;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;

    return state / 2147483648;
  };

  const header = [
    "Sample ID",
    "Basin",
    "Plant",
    "Ash type",
    ...LAB_MAJORS.map((o) => `${o} (wt%)`),
    "LOI (wt%)",
    ...LAB_REE.map((e) => `${e} (ppm)`),
  ];
  out.write(`${header.join(",")}\n`);
  for (let i = 0; i < rows; i += 1) {
    const majors = MAJOR_WT.map((w) => w * (0.9 + 0.2 * random()));
    const loi = Math.max(0.1, 99 - majors.reduce((a, b) => a + b, 0));
    const ree = REE_PPM.map((p) => p * (0.7 + 0.6 * random()));
    const line = [
      `S${i + 1}`,
      "Appalachian",
      `Plant ${i % 50}`,
      i % 3 === 0 ? "bottom ash" : "fly ash",
      ...majors.map((v) => v.toFixed(3)),
      loi.toFixed(2),
      ...ree.map((v) => v.toFixed(2)),
    ];
    if (!out.write(`${line.join(",")}\n`)) {
      await once(out, "drain");
    }
  }

  out.end();
  await once(out, "finish");
}
