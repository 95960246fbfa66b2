import type { IncomingMessage, ServerResponse } from "node:http";
import { PassThrough } from "node:stream";

import type { Principal } from "../auth/authenticate.js";
import { type UploadStore, UploadTooLargeError } from "../services/UploadStore.js";
import { sendJson } from "./sendJson.js";

/**
 * POST /uploads?name=<file name>: writes the raw body (a CSV or XLSX file) to disk as it
 * streams in and responds 201 with the upload's id, for previewImport and importDataset. The
 * file name's extension gives the format: .xlsx is a workbook, anything else CSV.
 */
export async function receiveUpload(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  principal: Principal | null,
  uploads: UploadStore,
): Promise<void> {
  if (request.method !== "POST") {
    sendJson(response, 405, { error: "send the file as the body of POST /uploads?name=<file>" });

    return;
  }

  if (!principal) {
    sendJson(response, 401, { error: "sign in or send an API token first" });

    return;
  }

  const { maxBytes } = uploads.settings;
  if (Number(request.headers["content-length"] ?? 0) > maxBytes) {
    rejectTooLarge(response, new UploadTooLargeError(maxBytes));

    return;
  }

  const owner = { userId: principal.userId, organizationId: principal.organizationId };
  const name = url.searchParams.get("name") || "upload.csv";
  try {
    // The store stops reading at the limit and destroys its source. A pass-through takes
    // that in place of the request, so the socket stays open for the 413 response.
    const upload = await uploads.receive(request.pipe(new PassThrough()), owner, name);
    const expiresAt = new Date(upload.createdAt + uploads.settings.ttlMinutes * 60_000);
    sendJson(response, 201, {
      id: upload.id,
      name: upload.name,
      bytes: upload.bytes,
      expiresAt,
    });
  } catch (error) {
    if (!(error instanceof UploadTooLargeError)) {
      throw error;
    }

    rejectTooLarge(response, error);
  }
}

/** Responds 413 and closes the connection, so the rest of the body is never read. */
function rejectTooLarge(response: ServerResponse, error: UploadTooLargeError): void {
  response.setHeader("connection", "close");
  sendJson(response, 413, { error: error.message, maxBytes: error.maxBytes });
}
