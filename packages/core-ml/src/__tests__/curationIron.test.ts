import { describe, expect, it } from "vitest";

import { combineIronOxides } from "../curation/combineIronOxides.js";
import { type MassComponent } from "../curation/MassComponent.js";
import { sampleOxideMoles } from "../curation/sampleOxideMoles.js";

/** Asserts |actual / expected - 1| < 5e-10. */
function expectRelativelyClose(actual: number | undefined, expected: number): void {
  expect((actual ?? Number.NaN) / expected, `${actual} vs ${expected}`).toBeCloseTo(1, 9);
}

const wt = (quantity: string, value: number): MassComponent => ({ quantity, value, unit: "wt%" });

describe("combineIronOxides", () => {
  it("leaves a sample without iron unchanged", () => {
    const components = [wt("SiO2", 60), wt("Al2O3", 30)];

    expect(combineIronOxides(components)).toEqual({ components });
  });

  it("keeps a lone Fe2O3 as total iron", () => {
    const { components, iron } = combineIronOxides([wt("SiO2", 60), wt("Fe2O3", 5)]);

    expect(components).toEqual([wt("SiO2", 60), wt("Fe2O3", 5)]);
    expect(iron).toEqual({ quantity: "Fe2O3", sources: ["Fe2O3"], dropped: [] });
  });

  it("converts a lone FeOT to Fe2O3", () => {
    // 7.1844 / 71.844 = 0.1 mol Fe per 100 g = 0.05 mol Fe2O3 = 0.05 * 159.687 g
    const { components } = combineIronOxides([wt("FeOT", 7.1844)]);

    expectRelativelyClose(components[0]?.value, 7.98435);
  });

  it("converts Fe in ppm to Fe2O3 in ppm", () => {
    // 1000 * 159.687 / (2 * 55.845)
    const { components } = combineIronOxides([{ quantity: "Fe", value: 1000, unit: "ppm" }]);

    expect(components[0]?.unit).toBe("ppm");
    expectRelativelyClose(components[0]?.value, 1429.73408541);
  });

  it("expresses iron as FeO when asked", () => {
    // 10 / 159.687 * 2 * 71.844
    const { components } = combineIronOxides([wt("Fe2O3", 10)], { ironAs: "FeO" });

    expect(components[0]?.quantity).toBe("FeO");
    expectRelativelyClose(components[0]?.value, 8.99810253809);
  });

  it("sums FeO and Fe2O3 under the sum policy", () => {
    // Fe2O3T = 5 + 7.1844 * 159.687 / (2 * 71.844) = 5 + 7.98435
    const { components, iron } = combineIronOxides(
      [wt("SiO2", 60), wt("FeO", 7.1844), wt("MgO", 2), wt("Fe2O3", 5)],
      { policy: "sum" },
    );

    expect(components.map((component) => component.quantity)).toEqual(["SiO2", "Fe2O3", "MgO"]);
    expectRelativelyClose(components[1]?.value, 12.98435);
    expect(iron).toEqual({ quantity: "Fe2O3", sources: ["FeO", "Fe2O3"], dropped: [] });
  });

  it("keeps the total under the preferTotal policy", () => {
    const { components, iron } = combineIronOxides([wt("Fe2O3T", 12), wt("FeO", 3)], {
      policy: "preferTotal",
    });

    expect(components).toEqual([wt("Fe2O3", 12)]);
    expect(iron).toEqual({ quantity: "Fe2O3", sources: ["Fe2O3T"], dropped: ["FeO"] });
  });

  it("sums the parts under preferTotal when no total is given", () => {
    const { components } = combineIronOxides([wt("FeO", 7.1844), wt("Fe2O3", 5)], {
      policy: "preferTotal",
    });

    expectRelativelyClose(components[0]?.value, 12.98435);
  });

  it("adds parts given in different units", () => {
    // 50000 ppm Fe2O3 = 5 wt%
    const { components } = combineIronOxides(
      [wt("FeO", 7.1844), { quantity: "Fe2O3", value: 50000, unit: "ppm" }],
      { policy: "sum" },
    );

    expect(components[0]?.unit).toBe("wt%");
    expectRelativelyClose(components[0]?.value, 12.98435);
  });

  it.each([
    [
      [wt("FeO", 2), wt("Fe2O3", 5)],
      {},
      /sample "S1": iron is given in more than one form \(FeO = 2 wt%, Fe2O3 = 5 wt%\): choose iron policy "sum"/,
    ],
    [
      [wt("Fe2O3T", 8), wt("FeO", 2)],
      { policy: "sum" as const },
      /iron policy "sum" would count iron twice because a total is given .*: choose "preferTotal"/,
    ],
    [
      [wt("Fe2O3T", 8), wt("FeOT", 7)],
      { policy: "preferTotal" as const },
      /total iron is given more than once \(Fe2O3T = 8 wt%, FeOT = 7 wt%\): keep one of them/,
    ],
    [[wt("Fe2O3", 5)], { ironAs: "Al2O3" }, /ironAs must be an iron oxide such as "Fe2O3"/],
  ])("rejects %j with %j", (components, options, message) => {
    expect(() => combineIronOxides(components, { sample: "S1", ...options })).toThrow(message);
  });
});

describe("sampleOxideMoles", () => {
  it("converts a sample to moles of oxide per kg", () => {
    // SiO2: 0.6 * 1000 / 60.083 = 9.98618578; Al2O3 from 10 wt% Al: 1.85308724;
    // La2O3 from 50 ppm La: 50e-6 * 1000 / 138.91 / 2 = 1.79972644e-4.
    const { molesPerKg, totalMolesPerKg, iron } = sampleOxideMoles([
      wt("SiO2", 60),
      wt("Al", 10),
      { quantity: "La", value: 50, unit: "ppm" },
    ]);

    expectRelativelyClose(molesPerKg.SiO2, 9.98618577634);
    expectRelativelyClose(molesPerKg.Al2O3, 1.85308724335);
    expectRelativelyClose(molesPerKg.La2O3, 1.79972644158e-4);
    expectRelativelyClose(totalMolesPerKg, 9.98618577634 + 1.85308724335 + 1.79972644158e-4);
    expect(iron).toBeUndefined();
  });

  it("names the oxides after the configured formulas", () => {
    const { molesPerKg } = sampleOxideMoles(
      [{ quantity: "Ce", value: 100, unit: "ppm" }, wt("FeO", 7.1844)],
      { oxideFormulas: { Ce: "CeO2", Fe: "FeO" } },
    );

    expect(Object.keys(molesPerKg)).toEqual(["CeO2", "FeO"]);
    // 7.1844 wt% FeO = 0.0718 kg / 71.844 g/mol = 1 mol FeO per kg
    expectRelativelyClose(molesPerKg.FeO, 1);
  });

  it("combines iron before converting", () => {
    // 12.98435 wt% Fe2O3 = 129.8435 g / 159.687 g/mol = 0.81311 mol per kg
    const { molesPerKg, iron } = sampleOxideMoles([wt("FeO", 7.1844), wt("Fe2O3", 5)], {
      iron: "sum",
    });

    expectRelativelyClose(molesPerKg.Fe2O3, 129.8435 / 159.687);
    expect(iron?.sources).toEqual(["FeO", "Fe2O3"]);
  });

  it("rejects an element given twice", () => {
    expect(() => sampleOxideMoles([wt("Al2O3", 20), wt("Al", 10)], { sample: "S1" })).toThrow(
      /sample "S1": Al is given twice, as "Al2O3" and "Al": keep one of them/,
    );
  });

  it("rejects ironAs that disagrees with oxideFormulas.Fe", () => {
    expect(() =>
      sampleOxideMoles([wt("Fe2O3", 5)], { ironAs: "Fe2O3", oxideFormulas: { Fe: "FeO" } }),
    ).toThrow(/ironAs is "Fe2O3" but oxideFormulas.Fe is "FeO": set one of them/);
  });
});
