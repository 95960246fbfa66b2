import type { ImportColumnReading, ImportColumnVariables } from "@ree/schema/documents";

import { TableScroll } from "./TableScroll";

/** Roles a column can take; contents are stored in the unit each label names. */
export const IMPORT_ROLES = [
  { value: "feature", label: "feature (mol %)" },
  { value: "target", label: "target (molar ppm)" },
  { value: "id", label: "sample id" },
  { value: "metadata", label: "metadata" },
  { value: "total", label: "analytical total" },
  { value: "oxideSum", label: "oxide sum" },
  { value: "ignored", label: "ignored" },
] as const;

/** Units a content column can be given in. */
export const CONTENT_UNITS = [
  "wt%",
  "ppm",
  "mg/kg",
  "µg/g",
  "ppb",
  "ng/g",
  "mol %",
  "ppm (molar)",
] as const;

export interface ImportMappingTableProps {
  /** The readings of the last preview, in file order. */
  columns: readonly ImportColumnReading[];
  /** The user's readings by header; they replace the proposals on the next check. */
  overrides: Readonly<Record<string, ImportColumnVariables>>;
  onOverride: (override: ImportColumnVariables) => void;
}

/**
 * Table of the proposed reading of every column: role, quantity and unit, each of which the
 * user can change, with the proposal's confidence and the reason for it.
 */
export function ImportMappingTable({ columns, overrides, onOverride }: ImportMappingTableProps) {
  return (
    <TableScroll label="Column mapping">
      <table className="import-mapping">
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">Role</th>
            <th scope="col">Quantity</th>
            <th scope="col">Unit</th>
            <th scope="col">Confidence</th>
            <th scope="col">Reading</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((column) => {
            const reading = overrides[column.header] ?? column;
            const change = (patch: Partial<ImportColumnVariables>) =>
              onOverride({
                header: column.header,
                role: reading.role,
                quantity: reading.quantity ?? null,
                unit: reading.unit ?? null,
                ...patch,
              });
            const isContent = reading.role === "feature" || reading.role === "target";

            return (
              <tr key={column.header} data-header={column.header}>
                <th scope="row">{column.header}</th>
                <td>
                  <select
                    aria-label={`Role of ${column.header}`}
                    value={reading.role}
                    onChange={(event) => change({ role: event.target.value })}
                  >
                    {IMPORT_ROLES.map((role) => (
                      <option key={role.value} value={role.value}>
                        {role.label}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    aria-label={`Quantity of ${column.header}`}
                    value={reading.quantity ?? ""}
                    disabled={!isContent}
                    size={8}
                    onChange={(event) => change({ quantity: event.target.value || null })}
                  />
                </td>
                <td>
                  <select
                    aria-label={`Unit of ${column.header}`}
                    value={reading.unit ?? ""}
                    disabled={!isContent}
                    onChange={(event) => change({ unit: event.target.value || null })}
                  >
                    <option value="">none</option>
                    {CONTENT_UNITS.map((unit) => (
                      <option key={unit} value={unit}>
                        {unit}
                      </option>
                    ))}
                  </select>
                </td>
                <td>{overrides[column.header] === undefined ? column.confidence : "set by you"}</td>
                <td className="muted">{column.reason}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
