import type { MetricValue, ScreeningResult } from "@ree/schema/documents";

import { formatFixed } from "../lib/format";
import { MissingValue } from "./MissingValue";
import { TableScroll } from "./TableScroll";

/** Score rows: the field, its name and how it is computed from the confusion matrix. */
const SCORES = [
  {
    key: "iou",
    name: "IoU",
    meaning: "TP / (TP + FP + FN): overlap of measured and predicted high",
  },
  {
    key: "precision",
    name: "Precision",
    meaning: "TP / (TP + FP): share of predicted high that are high",
  },
  { key: "recall", name: "Recall", meaning: "TP / (TP + FN): share of high samples found" },
  { key: "accuracy", name: "Accuracy", meaning: "(TP + TN) / all: share classified correctly" },
  {
    key: "averagePrecision",
    name: "Average precision",
    meaning: "Precision averaged over the recall gained at each decision threshold",
  },
] as const;

const SCORE_DECIMALS = 2;

/** IoU, precision, recall, accuracy and average precision of a screening, from 0 to 1. */
export function ScreeningScoresTable({ screening }: { screening: ScreeningResult }) {
  return (
    <TableScroll label="Screening scores">
      <table className="screening-scores">
        <caption>Scores of the high class, from 0 to 1</caption>
        <thead>
          <tr>
            <th scope="col">Score</th>
            <th scope="col" className="number">
              Value
            </th>
            <th scope="col">Definition</th>
          </tr>
        </thead>
        <tbody>
          {SCORES.map((score) => (
            <tr key={score.key}>
              <th scope="row">{score.name}</th>
              <td className="number">
                <ScoreValue score={screening[score.key]} />
              </td>
              <td>{score.meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function ScoreValue({ score }: { score: MetricValue }) {
  if (score.value === null) {
    return <MissingValue reason={score.reason ?? "Missing: the API gave no reason."} />;
  }

  return <>{formatFixed(score.value, SCORE_DECIMALS)}</>;
}
