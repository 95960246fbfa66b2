import type { ImportPreviewResult } from "@ree/schema/documents";

import { TableScroll } from "./TableScroll";

export interface ImportReportViewProps {
  report: ImportPreviewResult["report"];
  /** "line" for CSV files, "row" for sheets. */
  rowWord: "line" | "row";
}

/** Counts of the checked rows, then every problem with its place in the file and its fix. */
export function ImportReportView({ report, rowWord }: ImportReportViewProps) {
  const { rowCount, sampleCount, errorCount, warningCount, problems } = report;

  return (
    <section aria-label="Validation report" className="import-report">
      <p role="status">
        {rowCount} rows read, {sampleCount} pass every check; {errorCount}{" "}
        {errorCount === 1 ? "error" : "errors"}, {warningCount}{" "}
        {warningCount === 1 ? "warning" : "warnings"}.
        {errorCount === 0 ? " The file can be imported." : " Fix the errors to import the file."}
      </p>
      {problems.length === 0 ? null : (
        <TableScroll label="Import problems">
          <table className="import-problems">
            <thead>
              <tr>
                <th scope="col">Severity</th>
                <th scope="col">{rowWord === "line" ? "Line" : "Row"}</th>
                <th scope="col">Column</th>
                <th scope="col">Value</th>
                <th scope="col">Problem</th>
                <th scope="col">Fix</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((problem, index) => (
                <tr key={index} className={`problem-${problem.severity}`}>
                  <td>{problem.severity}</td>
                  <td className="number">{problem.row ?? "all"}</td>
                  <td>{problem.column ?? ""}</td>
                  <td>{problem.value ?? ""}</td>
                  <td>{problem.reason}</td>
                  <td>{problem.fix}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
