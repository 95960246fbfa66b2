"use client";

import { useQuery } from "@apollo/client/react";
import { ModelDocument } from "@ree/schema/documents";
import Link from "next/link";
import { use } from "react";

import { ApiUrlContext } from "../lib/apiUrlContext";
import { formatDateTime, formatFixed, formatQuantity } from "../lib/format";
import { columnLabel, modelKindLabel, modelTitle, oxideFormula } from "../lib/labels";
import { LoadingMessage } from "./LoadingMessage";
import { formatMetric } from "./ModelCatalog";
import { QueryError } from "./QueryError";

export interface ModelViewProps {
  id: string;
}

/**
 * One model: its format version, training data, domain, screening threshold, test metrics and
 * the links to each member's TensorFlow.js export.
 */
export function ModelView({ id }: ModelViewProps) {
  const apiOrigin = new URL(use(ApiUrlContext)).origin;
  const { data, error } = useQuery(ModelDocument, { variables: { id } });

  if (data === undefined) {
    return error ? (
      <QueryError error={error} subject="the model" />
    ) : (
      <LoadingMessage>Loading the model…</LoadingMessage>
    );
  }

  const { model } = data;

  return (
    <>
      <h1>{modelTitle(model)}</h1>
      <dl className="model-facts">
        <dt>Kind</dt>
        <dd>{modelKindLabel(model.kind, model.targets)}</dd>
        <dt>Format</dt>
        <dd>ree-workbench/model version {model.formatVersion}</dd>
        <dt>Data set</dt>
        <dd>{model.datasetName ?? "not recorded"}</dd>
        <dt>Features</dt>
        <dd>
          {model.features.map(oxideFormula).join(", ")} ({model.featureUnit})
        </dd>
        <dt>Targets</dt>
        <dd>
          {model.targets.map(columnLabel).join(", ")} ({model.targetUnit})
        </dd>
        <dt>Screening threshold</dt>
        <dd>
          {model.screeningThreshold === null
            ? "none: pass one with each prediction"
            : `${columnLabel(model.screeningTarget ?? "")} at ${formatQuantity(model.screeningThreshold, model.targetUnit)} ${model.targetUnit}`}
        </dd>
        <dt>Created</dt>
        <dd>{formatDateTime(model.createdAt)}</dd>
      </dl>
      <p>
        <Link href={`/predict?model=${encodeURIComponent(model.id)}`}>Predict with this model</Link>
      </p>

      <h2>Training domain</h2>
      {model.domain === null ? (
        <p className="alert">
          Stored without its training domain: predictions carry no out-of-domain warnings.
        </p>
      ) : (
        <>
          <p className="muted">
            From {model.domain.source === "rows" ? "the" : "the scaler statistics of the"}{" "}
            {model.domain.rows} training rows; compositions beyond a Mahalanobis distance of{" "}
            {formatFixed(model.domain.maxDistance, 2)} or outside a range are flagged.
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">Feature</th>
                <th scope="col" className="number">
                  Min ({model.featureUnit})
                </th>
                <th scope="col" className="number">
                  Max ({model.featureUnit})
                </th>
              </tr>
            </thead>
            <tbody>
              {model.domain.ranges.map((range) => (
                <tr key={range.feature}>
                  <th scope="row">{oxideFormula(range.feature)}</th>
                  <td className="number">{formatFixed(range.min, 2)}</td>
                  <td className="number">{formatFixed(range.max, 2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      <h2>Test metrics</h2>
      {model.metrics.length === 0 ? (
        <p className="muted">Not recorded: the model was imported, not trained here.</p>
      ) : (
        <ul>
          {model.metrics.map((metric) => (
            <li key={metric.target}>
              {columnLabel(metric.target)}: {formatMetric(metric)}
            </li>
          ))}
        </ul>
      )}

      <h2>TensorFlow.js export</h2>
      <p className="muted">
        Each member as a LayersModel that takes the features in order and returns the targets; load
        it with tf.loadLayersModel(url) to predict offline.
      </p>
      <ol className="tfjs-links">
        {model.tfjsModelPaths.map((path) => (
          <li key={path}>
            <a href={`${apiOrigin}${path}`}>{path.split("/").slice(-2).join("/")}</a>
          </li>
        ))}
      </ol>
    </>
  );
}
