// @vitest-environment jsdom
import { CombinedGraphQLErrors } from "@apollo/client";
import { act } from "react";
import { describe, expect, it, vi } from "vitest";

import { DatasetImportForm, type ImportDatasetInput } from "../DatasetImportForm";
import { click, inputByLabel, mountElement, typeInto } from "./mountElement";

const CSV = [
  "sample_id,source,SiO2_mol_pct,CaO_mol_pct,REE_total_ppm_mol",
  "13,Song 2024,44.8,26.88,142.11",
  "15,Song 2024,34.26,n.d.,113.85",
].join("\n");
const SEMICOLON_CSV = ["sample_id;SiO2_mol_pct;REE_total_ppm_mol", "P1;52,43;135,3"].join("\n");

async function chooseFile(container: HTMLElement, name: string, text: string) {
  const input = inputByLabel(container, "CSV file");
  const file = new File([text], name, { type: "text/csv" });
  // jsdom's File has no arrayBuffer(), which browsers have had since 2020.
  Object.defineProperty(file, "arrayBuffer", {
    value: async () => new TextEncoder().encode(text).buffer,
  });
  Object.defineProperty(input, "files", { value: [file], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event("change", { bubbles: true }));
    // Reading the file is asynchronous; let it finish before the checks.
    await new Promise((resolve) => setTimeout(resolve, 10));
  });
}

async function mountForm(props: Partial<Parameters<typeof DatasetImportForm>[0]> = {}) {
  const onSubmit = vi.fn<(input: ImportDatasetInput) => void>();
  const container = await mountElement(
    <DatasetImportForm submitting={false} onSubmit={onSubmit} {...props} />,
  );
  const submit = () => click(container.querySelector('button[type="submit"]'));

  return { container, onSubmit, submit };
}

describe("DatasetImportForm", () => {
  it("previews the header and names the data set", async () => {
    const { container } = await mountForm();
    await chooseFile(container, "us_ashes.csv", CSV);

    expect(container.querySelector(".file-preview")?.textContent).toContain(
      "us_ashes.csv: 2 sample rows, separated by commas; 3 numeric columns (2 in mol %, 1 in ppm (molar)); kept as metadata: source.",
    );
    expect(inputByLabel(container, "Name").value).toBe("us_ashes");
  });

  it("sends the file's text with the fields", async () => {
    const { container, onSubmit, submit } = await mountForm();
    await chooseFile(container, "us_ashes.csv", CSV);
    await typeInto(inputByLabel(container, "Source (optional)"), " Song et al. 2024 ");
    await submit();

    expect(onSubmit).toHaveBeenCalledWith({
      name: "us_ashes",
      csv: CSV,
      description: "",
      source: "Song et al. 2024",
      license: "",
      decimalSeparator: ".",
    });
  });

  it("chooses a decimal comma for such a file", async () => {
    const { container, onSubmit, submit } = await mountForm();
    await chooseFile(container, "polish.csv", SEMICOLON_CSV);
    await submit();

    expect(container.textContent).toContain(
      "The file has numbers with a decimal comma, so a comma is chosen.",
    );
    expect(onSubmit.mock.calls[0]?.[0].decimalSeparator).toBe(",");
  });

  it("requires a file and a name", async () => {
    const { container, onSubmit, submit } = await mountForm();
    await submit();

    expect(onSubmit).not.toHaveBeenCalled();
    expect([...container.querySelectorAll('[role="alert"] a')].map((a) => a.textContent)).toEqual([
      "File: choose a CSV file.",
      "Name: give the data set a name.",
    ]);
  });

  it("warns about a header the API will reject", async () => {
    const { container } = await mountForm();
    await chooseFile(container, "bad.csv", "id,comment\n1,x");

    const notes = [...container.querySelectorAll(".file-preview .note")].map(
      (note) => note.textContent,
    );
    expect(notes).toEqual([
      "The header has no sample_id column, so the API will reject the file.",
      "No column name ends in _mol_pct or _ppm_mol, so the API will find no numeric columns and reject the file.",
    ]);
  });

  it("marks the cell that the API names", async () => {
    const message = 'line 3 (sample "15"), column "CaO_mol_pct": "n.d." is not a number';
    const serverError = new CombinedGraphQLErrors({
      errors: [
        {
          message,
          extensions: { code: "BAD_USER_INPUT", line: 3, column: "CaO_mol_pct", value: "n.d." },
        },
      ],
    });
    const { container } = await mountForm({ serverError });
    await chooseFile(container, "us_ashes.csv", CSV);

    expect(container.querySelector(".api-messages li")?.textContent).toBe(message);
    expect(container.querySelector(".csv-excerpt p")?.textContent).toBe(
      "Line 3 of the file, column CaO_mol_pct, value “n.d.”:",
    );
    expect(container.querySelector(".csv-excerpt mark")?.textContent).toBe("n.d.");
    expect(container.querySelector(".csv-excerpt thead .csv-error-cell")?.textContent).toBe(
      "CaO_mol_pct",
    );
  });

  it("tells the user to choose a new file", async () => {
    const onFileChange = vi.fn();
    const { container } = await mountForm({ onFileChange });
    await chooseFile(container, "us_ashes.csv", CSV);

    expect(onFileChange).toHaveBeenCalledTimes(1);
  });
});
