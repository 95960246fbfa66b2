import type { ServerResponse } from "node:http";

import {
  exportTfjsMember,
  type ModelArtifact,
  TFJS_WEIGHTS_FILE,
  type TfjsExport,
} from "@ree/core-ml";

import { ApiError } from "../errors/ApiError.js";
import { isUuid } from "./findOwned.js";
import type { ModelCache } from "./ModelCache.js";

/** /models/<id>/tfjs/<member>/model.json or /weights.bin */
const ROUTE = /^\/models\/([^/]+)\/tfjs\/(\d+)\/(model\.json|weights\.bin)$/;

/** Exports built so far, per cached artifact; an artifact never changes once stored. */
const exports = new WeakMap<ModelArtifact, Map<number, Promise<TfjsExport>>>();

/**
 * Serves one ensemble member as a TensorFlow.js LayersModel: model.json and
 * the weights.bin it names, for tf.loadLayersModel in a browser. Call it in the
 * request's tenant scope, so that row-level security decides which models it finds.
 * @returns false when the path is not an export route.
 */
export async function serveTfjsExport(
  method: string,
  pathname: string,
  response: ServerResponse,
  models: ModelCache,
): Promise<boolean> {
  const match = ROUTE.exec(pathname);
  if (!match) {
    return false;
  }

  const [, modelId = "", memberText = "", file] = match;
  if (method !== "GET") {
    sendJson(response, 405, { error: `use GET for ${pathname}, got ${method}` });

    return true;
  }

  const artifact = isUuid(modelId) ? await findArtifact(models, modelId) : null;
  const member = Number(memberText);
  if (!artifact) {
    sendJson(response, 404, { error: `model "${modelId}" not found` });

    return true;
  }

  if (member >= artifact.members.length) {
    sendJson(response, 404, {
      error: `model "${modelId}" has members 0 to ${artifact.members.length - 1}, not ${member}`,
    });

    return true;
  }

  const exported = await exportMember(artifact, member);
  if (file === TFJS_WEIGHTS_FILE) {
    response
      .writeHead(200, {
        "content-type": "application/octet-stream",
        "content-length": exported.weights.byteLength,
      })
      .end(exported.weights);
  } else {
    sendJson(response, 200, exported.modelJson);
  }

  return true;
}

async function findArtifact(models: ModelCache, modelId: string): Promise<ModelArtifact | null> {
  try {
    return await models.get(modelId);
  } catch (error) {
    if (error instanceof ApiError) {
      return null;
    }

    throw error;
  }
}

function exportMember(artifact: ModelArtifact, member: number): Promise<TfjsExport> {
  const members = exports.get(artifact) ?? new Map<number, Promise<TfjsExport>>();
  exports.set(artifact, members);
  const cached = members.get(member);
  if (cached) {
    return cached;
  }

  const exported = exportTfjsMember(artifact, member);
  members.set(member, exported);
  exported.catch(() => members.delete(member));

  return exported;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}
