import type { ServerResponse } from "node:http";

import type { PrismaClient } from "@ree/db";

import type { Principal } from "../auth/authenticate.js";
import { ApiError } from "../errors/ApiError.js";
import { ApiErrorCode } from "../errors/ApiErrorCode.js";
import { openDatasetExport } from "../services/exportDataset.js";
import { isUuid } from "../services/findOwned.js";
import { sendJson } from "./sendJson.js";

/** Paths of the streamed export: /datasets/<id>/export.csv. */
export const EXPORT_PATH = /^\/datasets\/([^/]+)\/export\.csv$/;

/**
 * GET /datasets/<id>/export.csv?units=MOLAR|MASS&version=<n>: streams one version of a data
 * set (default the latest) as CSV, as the exportDataset query builds it, writing rows as they
 * are read. Call it inside runAsTenant, so row-level security decides which rows the caller reads.
 */
export async function sendDatasetExport(
  response: ServerResponse,
  url: URL,
  datasetId: string,
  principal: Principal | null,
  prisma: PrismaClient,
): Promise<void> {
  if (!principal) {
    sendJson(response, 401, { error: "sign in or send an API token first" });

    return;
  }

  const units = url.searchParams.get("units") ?? "MOLAR";
  const version = url.searchParams.get("version");
  if (units !== "MOLAR" && units !== "MASS") {
    sendJson(response, 400, { error: `units must be "MOLAR" or "MASS", got "${units}"` });

    return;
  }

  if (version !== null && !/^[1-9]\d*$/.test(version)) {
    sendJson(response, 400, { error: `version must be a positive integer, got "${version}"` });

    return;
  }

  let chunks: AsyncIterable<string>;
  try {
    if (!isUuid(datasetId)) {
      throw ApiError.notFound("data set", datasetId);
    }

    chunks = await openDatasetExport(prisma, {
      datasetId,
      version: version === null ? null : Number(version),
      units: units === "MASS" ? "mass" : "molar",
    });
  } catch (error) {
    if (error instanceof ApiError && error.extensions.code === ApiErrorCode.NOT_FOUND) {
      sendJson(response, 404, { error: error.message });

      return;
    }

    throw error;
  }

  response.writeHead(200, {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="dataset-${datasetId}-${units.toLowerCase()}.csv"`,
  });
  for await (const chunk of chunks) {
    if (!response.write(chunk)) {
      await drained(response);
    }

    // The client went away; leaving the loop ends the reading of further pages.
    if (response.destroyed) {
      return;
    }
  }

  response.end();
}

/** Resolves when the response can take more data, or when its connection closed. */
function drained(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off("drain", done);
      response.off("close", done);
      resolve();
    };

    response.on("drain", done);
    response.on("close", done);
  });
}
