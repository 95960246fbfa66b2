import type { Prediction, TargetPrediction } from "@ree/schema/documents";

import { formatQuantity } from "../lib/format";
import { columnLabel } from "../lib/labels";
import { MissingValue } from "./MissingValue";
import { TableScroll } from "./TableScroll";

export interface PredictionTableProps {
  prediction: Prediction;
  /** Unit of the model's targets. */
  unit: string;
}

/**
 * Predicted total REE and each REE target as mean ± sd over the ensemble members, with
 * the 5-95 % range of the members.
 */
export function PredictionTable({ prediction, unit }: PredictionTableProps) {
  const { total } = prediction;
  // The total is listed first on its own, so it is not repeated among the targets.
  const targets = prediction.targets.filter((target) => target.target !== total?.target);

  return (
    <TableScroll label="Prediction">
      <table className="prediction">
        <caption>
          Prediction{prediction.label === null ? "" : ` for ${prediction.label}`}: mean ± sd and
          5-95 % range over the ensemble members
        </caption>
        <thead>
          <tr>
            <th scope="col">Target</th>
            <th scope="col" className="number">
              Value
            </th>
            <th scope="col" className="number">
              ± sd
            </th>
            <th scope="col" className="number">
              5-95 % range
            </th>
            <th scope="col">Unit</th>
          </tr>
        </thead>
        <tbody>
          {total === null ? null : (
            <PredictionRow prediction={total} label="Total REE" unit={unit} isTotal />
          )}
          {targets.map((target) => (
            <PredictionRow
              key={target.target}
              prediction={target}
              label={columnLabel(target.target)}
              unit={unit}
            />
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

interface PredictionRowProps {
  prediction: TargetPrediction;
  label: string;
  unit: string;
  isTotal?: boolean;
}

function PredictionRow({ prediction, label, unit, isTotal = false }: PredictionRowProps) {
  return (
    <tr className={isTotal ? "total" : undefined}>
      <th scope="row" title={prediction.target}>
        {label}
      </th>
      <td className="number">{formatQuantity(prediction.value, unit)}</td>
      <td className="number">
        {prediction.sd === null ? (
          <MissingValue reason="Missing: the model has one member, so there is no spread." />
        ) : (
          formatQuantity(prediction.sd, unit)
        )}
      </td>
      <td className="number">
        {formatQuantity(prediction.p5, unit)} - {formatQuantity(prediction.p95, unit)}
      </td>
      <td>{unit}</td>
    </tr>
  );
}
